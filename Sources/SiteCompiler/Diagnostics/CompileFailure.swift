/// Thrown when a build (or a theme or config load) found errors; carries every finding, warnings included.
package struct CompileFailure: Error, Sendable, CustomStringConvertible {
    /// Every finding, errors first, in a stable order.
    package var diagnostics: [Diagnostic]

    /// A failure carrying `diagnostics` (sorted for display).
    package init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedForDisplay()
    }

    /// Every finding, formatted, one after another.
    package var description: String {
        diagnostics.map(\.formatted).joined(separator: "\n")
    }
}
