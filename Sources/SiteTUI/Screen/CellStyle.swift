/// How one cell is drawn: text attributes plus an optional semantic colour.
package struct CellStyle: Equatable, Hashable, Sendable {
    package var bold = false
    package var reverse = false
    package var dim = false
    package var underline = false
    /// Nil means the terminal's default colours.
    package var color: ColorRole?

    package init(
        bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false, color: ColorRole? = nil
    ) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.color = color
    }

    /// No attributes, default colours.
    package static let plain = CellStyle()
    /// Bold text in default colours.
    package static let strong = CellStyle(bold: true)
    /// Reverse video: the selected row.
    package static let selected = CellStyle(reverse: true)

    /// The same style with a colour role.
    package func colored(_ role: ColorRole) -> CellStyle {
        var copy = self
        copy.color = role
        return copy
    }

    /// The same style, bold.
    package var emphasized: CellStyle {
        var copy = self
        copy.bold = true
        return copy
    }
}
