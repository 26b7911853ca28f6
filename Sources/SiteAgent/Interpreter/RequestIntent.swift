/// One kind of request the embedded agent understands ("add X to the menu", "make the header blue", …).
///
/// Intents are tried in order; the first that recognises the request decides it.
protocol RequestIntent: Sendable {
    /// The decision for `request`, or nil when the request is not of this kind.
    func resolve(_ request: AgentRequest) throws -> Resolution?
}
