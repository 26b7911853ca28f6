import Foundation
import SiteCompiler

extension ToolWorkspace {
    /// Largest file text handed back by `read_file`, in bytes (more is cut, with a note).
    static let maxReadBytes = 64 * 1024

    func listFiles(prefix: String) -> String {
        let paths = files.paths.filter { $0.hasPrefix(prefix) }
        if paths.isEmpty { return "No files" + (prefix.isEmpty ? "." : " under \(prefix).") }
        return paths.map { "\($0) (\(files[$0]?.count ?? 0) bytes)" }.joined(separator: "\n")
    }

    func readFile(_ path: String) throws -> String {
        guard let data = files[path] else { throw ToolFailure("There is no file '\(path)'. Call list_files to see the paths.") }
        guard let text = String(data: data, encoding: .utf8) else { return "'\(path)' is binary (\(data.count) bytes)." }
        if data.count <= Self.maxReadBytes { return text }
        return String(decoding: data.prefix(Self.maxReadBytes), as: UTF8.self) + "\n[cut at \(Self.maxReadBytes) bytes]"
    }

    mutating func writeFile(_ path: String, _ content: String) throws -> String {
        if let problem = Self.problem(withPath: path) { throw ToolFailure("Cannot write: \(problem).") }
        try charge(content.utf8.count)
        let existed = files[path] != nil
        files.setText(path, content)
        record("\(existed ? "Rewrote" : "Created") \(path)")
        return "\(existed ? "Replaced" : "Created") \(path) (\(content.utf8.count) bytes)."
    }

    mutating func replaceInFile(_ path: String, search: String, replace: String, all: Bool) throws -> String {
        if let problem = Self.problem(withPath: path) { throw ToolFailure("Cannot edit: \(problem).") }
        guard let text = files.text(path) else { throw ToolFailure("There is no text file '\(path)'.") }
        guard !search.isEmpty else { throw ToolFailure("'search' is empty.") }
        let count = text.components(separatedBy: search).count - 1
        if count == 0 { throw ToolFailure("The search text does not occur in \(path). Read the file and copy the text exactly.") }
        if count > 1 && !all {
            throw ToolFailure("The search text occurs \(count) times in \(path); add surrounding text or pass all: true.")
        }
        try charge(replace.utf8.count * count)
        files.setText(path, text.replacingOccurrences(of: search, with: replace))
        record("Edited \(path)")
        return "Replaced \(count) occurrence(s) in \(path)."
    }

    mutating func deleteFile(_ path: String) throws -> String {
        if let problem = Self.problem(withPath: path) { throw ToolFailure("Cannot delete: \(problem).") }
        if path == "site.yaml" { throw ToolFailure("site.yaml cannot be deleted.") }
        guard files[path] != nil else { throw ToolFailure("There is no file '\(path)'.") }
        files[path] = nil
        record("Deleted \(path)")
        return "Deleted \(path)."
    }

    func compileSite() -> String {
        do {
            let result = try compiler.compile(files)
            let pages = result.pages.count
            if result.diagnostics.isEmpty { return "Compiled \(pages) page(s): no errors, no warnings, no broken links." }
            return "Compiled \(pages) page(s) with warnings:\n" + result.diagnostics.map(\.formatted).joined(separator: "\n")
        } catch let failure as CompileFailure {
            return "The site does not compile:\n" + failure.description
        } catch {
            return "The site does not compile: \(error)"
        }
    }
}
