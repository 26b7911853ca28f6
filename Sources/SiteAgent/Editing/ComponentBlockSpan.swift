/// A `:::component Name` block as it sits in a page's lines.
struct ComponentBlockSpan {
    /// The component name (`Hero`, `Features`, …).
    var name: String
    /// From the opener line through the closing `:::` line.
    var lines: Range<Int>
    /// The YAML props (between the opener and the closer or the `---` that starts a Markdown body).
    var props: Range<Int>
}
