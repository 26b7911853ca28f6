/// One `:::component Name` block found in a page body, with the positions diagnostics need.
package struct ComponentBlock: Sendable, Equatable {
    /// The component name as written.
    package var name: String
    /// File line of the opener.
    package var line: Int
    /// Column of the name on the opener line.
    package var nameColumn: Int
    /// The YAML props text (may be empty).
    package var props: String
    /// File lines before the first props line, for ``YAMLNode/parse(_:source:lineOffset:)``.
    package var propsLineOffset: Int
    /// The Markdown after a `---` line, if any.
    package var body: String?
    /// File lines before the first body line.
    package var bodyLineOffset: Int
}

/// A page body with its component blocks cut out and replaced by placeholders, so the Markdown around them is
/// parsed as one document (reference links and footnotes keep working across blocks).
package struct ComponentScan: Sendable {
    /// The Markdown with one placeholder paragraph per block.
    package var markdown: String
    /// The blocks, in order; block `i` stands at ``placeholder(_:)`` `i`.
    package var blocks: [ComponentBlock]

    /// The placeholder text standing for block `index`; private-use characters keep it from clashing with prose.
    package static func placeholder(_ index: Int) -> String {
        "\u{E000}sitectl-component-\(index)\u{E001}"
    }
}
