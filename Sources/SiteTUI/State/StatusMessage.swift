/// A one-line message above the footer: the result of the last action, or why a key was refused.
package struct StatusMessage: Equatable, Sendable {
    package enum Kind: Equatable, Sendable { case info, success, error }
    package var text: String
    package var kind: Kind

    package init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
