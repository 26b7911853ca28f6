/// A key and what it does, as shown in the footer and the help overlay.
package struct KeyHint: Equatable, Sendable {
    package var key: String
    package var action: String

    package init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}
