import Foundation

/// How an external agent is confined: bubblewrap (writes only to the workspace, no network unless allowed) and
/// resource limits through `prlimit`, which always apply.
package struct CommandSandbox: Sendable, Equatable {
    /// Whether bubblewrap is used.
    package enum Mode: String, Sendable, Codable {
        /// When `bwrap` is installed.
        case auto
        /// Never (limits still apply).
        case off
        /// Always: a run fails when `bwrap` is missing.
        case required
    }

    /// Whether bubblewrap is used.
    package var mode: Mode
    /// Whether the command may use the network (agent CLIs that call a hosted model need it).
    package var network: Bool
    /// Extra folders the command may write (an agent CLI's own state, e.g. `~/.codex`).
    package var writablePaths: [String]
    /// Folders replaced by an empty one inside the sandbox (the daemon's data dir: accounts, other sites).
    package var hiddenPaths: [String]

    /// A sandbox; bubblewrap is required unless the operator's configuration says otherwise.
    package init(mode: Mode = .required, network: Bool = false, writablePaths: [String] = [], hiddenPaths: [String] = []) {
        self.mode = mode
        self.network = network
        self.writablePaths = writablePaths
        self.hiddenPaths = hiddenPaths
    }

    /// `arguments` wrapped in bubblewrap (per ``mode``) and `prlimit`; `path` is where programs are looked up.
    func wrap(_ arguments: [String], workspace: String, limits: AgentLimits, path: String) throws -> [String] {
        var command = arguments
        let bwrap = Self.find("bwrap", path: path)
        if mode == .required, bwrap == nil {
            throw AgentError(
                code: "agent_sandbox_missing", message: "The agent must run in bubblewrap, and bwrap is not installed.",
                hint: "apt-get install -y bubblewrap")
        }
        if mode != .off, let bwrap {
            var sandbox = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
            // The program's own folder stays visible when it lives under /tmp (hidden by the fresh /tmp).
            if let program = command.first, program.hasPrefix("/tmp/") {
                let folder = (program as NSString).deletingLastPathComponent
                sandbox += ["--ro-bind", folder, folder]
            }
            for hidden in hiddenPaths where FileManager.default.fileExists(atPath: hidden) {
                sandbox += ["--tmpfs", hidden]
            }
            for writable in writablePaths where FileManager.default.fileExists(atPath: writable) {
                sandbox += ["--bind", writable, writable]
            }
            sandbox += ["--bind", workspace, workspace, "--unshare-pid", "--die-with-parent"]
            if !network { sandbox.append("--unshare-net") }
            command = sandbox + ["--chdir", workspace, "--"] + command
        }
        guard let prlimit = Self.find("prlimit", path: path) else {
            throw AgentError(
                code: "agent_sandbox_missing", message: "prlimit is not installed, so the agent's resources cannot be limited.",
                hint: "apt-get install -y util-linux")
        }
        return [
            prlimit, "--cpu=\(limits.cpuSeconds)", "--as=\(limits.memoryBytes)", "--nproc=\(limits.maxProcesses)", "--",
        ] + command
    }

    /// Whether bubblewrap will be used, for the transcript.
    func describe(path: String) -> String {
        let confined = mode != .off && Self.find("bwrap", path: path) != nil
        guard confined else { return "no sandbox (resource limits only)" }
        return "bubblewrap, writes to the workspace only, " + (network ? "network allowed" : "no network")
    }

    /// The absolute path of `name` on `path` (a `PATH` value), or `name` itself when it holds a slash.
    static func find(_ name: String, path: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
