import Foundation
import SiteCompiler

/// The in-memory site a tool loop edits: the source, the bytes written so far and how the run should end.
struct ToolWorkspace {
    /// The source as edited so far.
    var files: SiteFiles
    /// Stored versions, for `revert_to_version`.
    var versions: [Int]
    /// Compiles the source for `compile_site`.
    let compiler: SiteCompiler
    /// Bytes the model may write over the whole run.
    let maxBytesWritten: Int
    /// Bytes written so far (file contents as sent by the model, before any edit).
    private(set) var bytesWritten = 0
    /// One line per change, for the log.
    private(set) var steps: [String] = []
    /// Set by the tools that end the run.
    var ending: ToolEnding?

    init(files: SiteFiles, versions: [Int], compiler: SiteCompiler, maxBytesWritten: Int) {
        self.files = files
        self.versions = versions
        self.compiler = compiler
        self.maxBytesWritten = maxBytesWritten
    }

    /// Runs one tool call; the result (or the thrown ``ToolFailure``'s message) goes back to the model.
    mutating func perform(_ tool: AgentTool, _ arguments: JSONValue) throws -> String {
        switch tool {
        case .listFiles: return listFiles(prefix: arguments["prefix"]?.stringValue ?? "")
        case .readFile: return try readFile(try Self.string(arguments, "path"))
        case .writeFile: return try writeFile(try Self.string(arguments, "path"), try Self.string(arguments, "content"))
        case .replaceInFile:
            return try replaceInFile(
                try Self.string(arguments, "path"), search: try Self.string(arguments, "search"),
                replace: try Self.string(arguments, "replace"), all: arguments["all"] == .bool(true))
        case .deleteFile: return try deleteFile(try Self.string(arguments, "path"))
        case .compileSite: return compileSite()
        case .setSiteField: return try setSiteField(try Self.string(arguments, "key"), try Self.string(arguments, "value"))
        case .setToken: return try setToken(try Self.string(arguments, "name"), try Self.string(arguments, "value"))
        case .navAdd:
            return try navAdd(
                label: try Self.string(arguments, "label"), url: try Self.string(arguments, "url"),
                position: arguments["position"]?.intValue)
        case .navRemove: return try navRemove(label: try Self.string(arguments, "label"))
        case .navMove:
            guard let position = arguments["position"]?.intValue else { throw ToolFailure("'position' must be an integer.") }
            return try navMove(label: try Self.string(arguments, "label"), to: position)
        case .setFrontMatter:
            return try setFrontMatter(
                try Self.string(arguments, "path"), key: try Self.string(arguments, "key"), value: try Self.string(arguments, "value"))
        case .askUser:
            let options = (arguments["options"]?.arrayValue ?? []).compactMap(\.stringValue)
            ending = .question(AgentQuestion(text: try Self.string(arguments, "question"), options: options))
            return "The question was sent to the user. Stop now."
        case .revertToVersion:
            guard let version = arguments["version"]?.intValue, versions.contains(version) else {
                throw ToolFailure("'version' must be one of the stored versions: \(versions.sorted().map(String.init).joined(separator: ", ")).")
            }
            ending = .revert(version)
            return "The next version will take the source of version \(version). Stop now."
        case .reportUnsupported:
            ending = .unsupported(try Self.string(arguments, "reason"))
            return "Reported. Stop now."
        }
    }

    /// Records a change for the log.
    mutating func record(_ step: String) {
        steps.append(step)
    }

    /// Counts `count` bytes against the write budget, refusing the write when it would go over.
    mutating func charge(_ count: Int) throws {
        guard bytesWritten + count <= maxBytesWritten else {
            throw ToolFailure("This write would exceed the run's limit of \(maxBytesWritten) bytes written; nothing was written.")
        }
        bytesWritten += count
    }

    static func string(_ arguments: JSONValue, _ key: String) throws -> String {
        guard let value = arguments[key]?.stringValue else { throw ToolFailure("Missing string argument '\(key)'.") }
        return value
    }

    /// Why the model may not write `path`, or nil when it may (the daemon's policy checks again).
    static func problem(withPath path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.isEmpty || path.hasPrefix("/") || segments.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." }) {
            return "'\(path)' is not a clean relative path"
        }
        if segments.contains(where: { $0.hasPrefix(".") }) { return "'\(path)' is a hidden file" }
        if path == "site.yaml" || (segments.count >= 2 && (segments[0] == "content" || segments[0] == "static")) { return nil }
        return "'\(path)' is outside site.yaml, content/ and static/"
    }
}
