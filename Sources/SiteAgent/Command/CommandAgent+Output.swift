import Foundation

extension CommandAgent {
    /// Largest part of each output stream kept in the transcript, in bytes (the end is kept).
    static let transcriptBytes = 256 * 1024

    /// The request with the rules of the workspace, as the command receives it.
    static func prompt(_ context: AgentContext) -> String {
        """
        \(context.promptText)

        You are in the source folder of a static website: site.yaml (title, theme, tokens, nav, …), content/ \
        (Markdown with YAML front matter) and static/ (copied as-is). Change only those files, create no hidden \
        files, and leave unrelated files byte-identical. When you are done, reply with one or two sentences saying \
        what you changed.
        """
    }

    /// The end of a captured stream, as text.
    static func tail(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data.suffix(transcriptBytes), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The command's final message: the last paragraph of its output.
    static func finalMessage(_ stdout: String) -> String {
        let paragraphs = stdout.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return String((paragraphs.last { !$0.isEmpty } ?? "").suffix(2000))
    }
}
