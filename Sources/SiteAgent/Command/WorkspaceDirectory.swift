import Foundation
import SiteCompiler

/// A scratch folder holding a copy of the site's source for an external agent, read back after it ran.
struct WorkspaceDirectory {
    /// The folder that holds the workspace and the command's captured output.
    let root: URL
    /// The workspace: the agent's current directory.
    var workspace: URL { root.appendingPathComponent("workspace", isDirectory: true) }

    /// Creates a fresh folder under the temporary directory and writes `files` into its workspace.
    static func materialise(_ files: SiteFiles) throws -> WorkspaceDirectory {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-agent-\(UUID().uuidString)")
        let directory = WorkspaceDirectory(root: root)
        try FileManager.default.createDirectory(at: directory.workspace, withIntermediateDirectories: true)
        for path in files.paths {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { continue }
            let url = directory.workspace.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files[path]?.write(to: url)
        }
        return directory
    }

    /// Reads every file back, hidden ones included (the daemon's policy decides about them), except names under
    /// `ignoredPrefixes`. Refuses links and anything over the limits rather than reading it.
    func readBack(ignoredPrefixes: [String], limits: AgentLimits) throws -> SiteFiles {
        let fm = FileManager.default
        let base = workspace.path
        guard let enumerator = fm.enumerator(atPath: base) else { return SiteFiles() }
        var files: [String: Data] = [:]
        var total = 0
        while let relative = enumerator.nextObject() as? String {
            if ignoredPrefixes.contains(where: { relative.hasPrefix($0) }) { continue }
            let attributes = try fm.attributesOfItem(atPath: base + "/" + relative)
            let type = attributes[.type] as? FileAttributeType
            if type == .typeDirectory { continue }
            guard type == .typeRegular else {
                throw AgentError(
                    code: "policy_violation", message: "The agent created '\(relative)', which is a link or a special file.",
                    hint: "A site's source holds only regular files.")
            }
            total += (attributes[.size] as? Int) ?? 0
            guard files.count < limits.maxFiles, total <= limits.maxWorkspaceBytes else {
                throw AgentError(
                    code: "too_large",
                    message: "The agent left more than \(limits.maxFiles) files or \(limits.maxWorkspaceBytes) bytes in the workspace.")
            }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative))
        }
        return SiteFiles(files)
    }

    /// Removes the folder.
    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
