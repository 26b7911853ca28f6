/// One finding of the compiler or a check, located like a compiler error (`file:line:column`).
///
/// Errors stop a build (they come back inside a ``CompileFailure``); warnings travel with the result.
package struct Diagnostic: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    package enum Severity: String, Sendable, Equatable, Hashable, Codable {
        case error
        case warning
    }

    /// Error (stops the build) or warning.
    package var severity: Severity
    /// Path relative to the site (or theme) root, e.g. `content/index.md`; nil when the finding has no file.
    package var file: String?
    /// 1-based line, nil when unknown.
    package var line: Int?
    /// 1-based column (in Unicode scalars), nil when unknown.
    package var column: Int?
    /// What is wrong, in one line.
    package var message: String
    /// The offending source line, verbatim (no trailing newline).
    package var excerpt: String?
    /// What to do about it, e.g. `did you mean "headline"?`.
    package var hint: String?

    /// A finding; prefer ``error(_:in:line:column:hint:)`` which fills the excerpt.
    package init(
        severity: Severity,
        file: String? = nil,
        line: Int? = nil,
        column: Int? = nil,
        message: String,
        excerpt: String? = nil,
        hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
        self.hint = hint
    }

    /// An error located in `source` (its excerpt is taken from the line).
    package static func error(
        _ message: String,
        in source: SourceText? = nil,
        line: Int? = nil,
        column: Int? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        located(.error, message, in: source, line: line, column: column, hint: hint)
    }

    /// A warning located in `source` (its excerpt is taken from the line).
    package static func warning(
        _ message: String,
        in source: SourceText? = nil,
        line: Int? = nil,
        column: Int? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        located(.warning, message, in: source, line: line, column: column, hint: hint)
    }

    private static func located(
        _ severity: Severity,
        _ message: String,
        in source: SourceText?,
        line: Int?,
        column: Int?,
        hint: String?
    ) -> Diagnostic {
        Diagnostic(
            severity: severity,
            file: source?.path,
            line: line,
            column: line == nil ? nil : column,
            message: message,
            excerpt: line.flatMap { source?.line($0) },
            hint: hint
        )
    }

    /// `content/x.md:3:1: error: message`, then the excerpt with a caret under the column, then `hint: …`.
    package var formatted: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        var text = "\(location)\(severity.rawValue): \(message)"
        if let excerpt {
            text += "\n    " + excerpt
            if let column, column >= 1 {
                let prefix = excerpt.unicodeScalars.prefix(column - 1)
                let padding = String(prefix.map { $0 == "\t" ? "\t" : " " })
                text += "\n    " + padding + "^"
            }
        }
        if let hint { text += "\nhint: " + hint }
        return text
    }

    /// Same as ``formatted``.
    package var description: String { formatted }
}

extension [Diagnostic] {
    /// True when any finding is an error.
    package var hasErrors: Bool { contains { $0.severity == .error } }

    /// Errors first, then by file, line and column: the order a reader wants and the same on every run.
    package func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            if a.severity != b.severity { return a.severity == .error }
            if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
            return a.message < b.message
        }
    }
}
