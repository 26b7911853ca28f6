/// One key press, decoded from the terminal. The state machine only ever sees these.
package enum Key: Equatable, Hashable, Sendable {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, as the lowercase letter (`.control("c")` is Ctrl-C).
    case control(Character)
    /// Alt (or Esc then, quickly) plus a character.
    case alt(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl-← / Ctrl-→ (or Alt-b / Alt-f): a word left or right.
    case wordLeft, wordRight
    /// Text pasted in one go (bracketed paste): inserted as typed, line breaks as spaces, never sent by them.
    case paste(String)
    /// A mouse button or wheel at a cell.
    case mouse(MouseEvent)
    /// The terminal changed size; the runner re-reads it and redraws.
    case resize
}

/// A mouse report: where, and which button or wheel direction.
package struct MouseEvent: Equatable, Hashable, Sendable {
    package enum Kind: Equatable, Hashable, Sendable { case press, release, wheelUp, wheelDown }
    package var row: Int
    package var col: Int
    package var kind: Kind

    package init(row: Int, col: Int, kind: Kind) {
        self.row = row
        self.col = col
        self.kind = kind
    }
}
