/// A tool call that could not be carried out; the message goes back to the model, which may try again.
struct ToolFailure: Error, Sendable {
    /// What went wrong, addressed to the model.
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
