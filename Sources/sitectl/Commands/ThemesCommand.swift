import ArgumentParser
import Foundation
import SiteClient
import SiteCompiler

/// `sitectl themes list|validate|new`: work with themes locally, no daemon needed.
struct ThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List, validate and create themes (no daemon needed).",
        subcommands: [ThemesListCommand.self, ThemesValidateCommand.self, ThemesNewCommand.self]
    )

    /// The built-in themes folder, or a `ClientError` saying how to point at one.
    static func builtinLibrary() throws -> ThemeLibrary {
        guard let themes = ThemeLibrary.locateBuiltin() else {
            throw ClientError("Cannot find the built-in themes.", hint: "Set SITECTL_THEMES_DIR to the themes/ folder.")
        }
        return ThemeLibrary(directories: [themes])
    }
}

/// `sitectl themes list`: one line per built-in theme.
struct ThemesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in themes.")

    @OptionGroup var global: GlobalOptions

    struct Row: Encodable {
        var name: String
        var version: String
        var description: String
        var components: [String]
    }

    func run() async throws {
        let library = try ThemesCommand.builtinLibrary()
        let rows: [Row] = library.names().map { name in
            let manifest = try? library.load(name).manifest
            return Row(name: name, version: manifest?.version ?? "", description: manifest?.description ?? "",
                components: manifest?.components.map(\.name) ?? [])
        }
        try Output.emit(rows, format: global.format, names: { rows.map(\.name) }) {
            Output.table(
                global.format == .wide ? ["NAME", "VERSION", "DESCRIPTION", "COMPONENTS"] : ["NAME", "VERSION", "DESCRIPTION"],
                rows.map { row in
                    [row.name, row.version, row.description] + (global.format == .wide ? [row.components.joined(separator: ", ")] : [])
                })
        }
    }
}

/// `sitectl themes validate PATH|NAME`: theme.yaml, templates, components and a strict build of its starter.
struct ThemesValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a theme: theme.yaml, templates, component schemas and its starter content.",
        discussion: "Diagnostics are printed as file:line:column: error: …; the exit status is 1 when there are errors."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A theme folder (holding theme.yaml) or the name of a built-in theme.") var theme: String

    func run() async throws {
        let (library, name) = try resolve()
        let diagnostics = library.validate(name)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if global.format == .json {
            let entries = diagnostics.map { diagnostic -> [String: String] in
                var entry = ["severity": diagnostic.severity.rawValue, "message": diagnostic.message]
                entry["file"] = diagnostic.file
                entry["line"] = diagnostic.line.map(String.init)
                entry["column"] = diagnostic.column.map(String.init)
                entry["hint"] = diagnostic.hint
                return entry
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let report: [String: AnyEncodableDiagnostics] = [
                "theme": .text(name), "valid": .flag(errors == 0), "diagnostics": .list(entries),
            ]
            Terminal.exact(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            diagnostics.forEach { Terminal.err($0.formatted) }
            if errors == 0, !global.quiet {
                Terminal.err("Theme \"\(name)\" is valid (\(diagnostics.count) warning(s)).")
            }
        }
        if errors > 0 {
            if global.format != .json { Terminal.err("Error: theme \"\(name)\" has \(errors) error(s).") }
            throw ExitCode(ClientError.Exit.failure)
        }
    }

    /// A path (contains `/` or is an existing folder with theme.yaml) or a built-in name.
    private func resolve() throws -> (ThemeLibrary, String) {
        let url = URL(fileURLWithPath: theme).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("theme.yaml").path) {
            return (ThemeLibrary(directories: [url.deletingLastPathComponent()]), url.lastPathComponent)
        }
        if theme.contains("/") {
            throw ClientError(
                "\(theme) has no theme.yaml.",
                hint: "sitectl themes validate path/to/theme",
                exitCode: ClientError.Exit.usage
            )
        }
        return (try ThemesCommand.builtinLibrary(), theme)
    }
}

/// The JSON shape of `themes validate -o json`.
enum AnyEncodableDiagnostics: Encodable {
    case text(String)
    case flag(Bool)
    case list([[String: String]])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .flag(let flag): try container.encode(flag)
        case .list(let list): try container.encode(list)
        }
    }
}

/// `sitectl themes new NAME --from starter [--dir D]`: a copy of a theme to start from.
struct ThemesNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new theme folder from a built-in theme."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Name of the new theme (a folder name).") var name: String
    @Option(help: "Built-in theme to copy.") var from = "starter"
    @Option(help: "Folder to create the theme in.") var dir = "themes"

    func run() async throws {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/") else {
            throw ClientError("\"\(name)\" is not a valid theme name.", hint: "sitectl themes new my-theme", exitCode: ClientError.Exit.usage)
        }
        let library = try ThemesCommand.builtinLibrary()
        guard let source = library.directory(of: from) else {
            throw ClientError(
                "Unknown theme \"\(from)\".",
                hint: "sitectl themes list",
                exitCode: ClientError.Exit.usage
            )
        }
        let target = URL(fileURLWithPath: dir).appendingPathComponent(name)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw ClientError("\(target.path) already exists.", hint: "choose another name or --dir", exitCode: ClientError.Exit.usage)
        }
        var files = try SiteFiles.load(from: source).filteringHidden()
        if let manifest = files.text("theme.yaml") {
            files.setText("theme.yaml", manifest.replacingOccurrences(of: "name: \(from)\n", with: "name: \(name)\n"))
        }
        if let site = files.text("starter/site.yaml") {
            files.setText("starter/site.yaml", site.replacingOccurrences(of: "theme: \(from)\n", with: "theme: \(name)\n"))
        }
        try files.write(to: target)
        if !global.quiet {
            Terminal.err("Created theme \"\(name)\" in \(target.path) (from \(from)).")
            Terminal.err("Hint: sitectl themes validate \(target.path)")
        }
    }
}
