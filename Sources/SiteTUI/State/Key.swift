/// One key press, decoded from the terminal. The state machine only ever sees these.
package enum Key: Equatable, Hashable, Sendable {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, as the lowercase letter (`.control("c")` is Ctrl-C).
    case control(Character)
    case enter, escape, backspace, delete, tab
    case up, down, left, right, pageUp, pageDown, home, end
    /// The terminal changed size; the runner re-reads it and redraws.
    case resize
}
