/// One position of the screen grid.
package struct Cell: Equatable, Sendable {
    /// What is shown; a space for blank cells.
    package var character: Character
    package var style: CellStyle
    /// True for the right half of a double-width character: the terminal skips it, `text(row:)` omits it.
    package var isContinuation: Bool

    package init(character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A blank cell in default style.
    package static let blank = Cell()
}
