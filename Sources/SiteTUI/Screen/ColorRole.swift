/// A semantic colour: views say what a cell means, the terminal decides which colour that is.
///
/// Keeping colour semantic lets `NO_COLOR` drop it in one place and lets tests assert meaning rather than palette.
package enum ColorRole: Int, Sendable, CaseIterable {
    /// Titles, the selected row's marker, key names in hints.
    case accent = 1
    /// Live versions, finished builds, passed checks.
    case success
    /// Preview versions, questions awaiting an answer, warnings.
    case warning
    /// Failures and errors.
    case danger
    /// Secondary text such as timestamps and log lines.
    case muted
}
