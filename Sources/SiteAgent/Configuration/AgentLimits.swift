/// Limits on one agent run. Model limits apply to the openai backend, process limits to the command backend;
/// the timeout to both.
package struct AgentLimits: Sendable, Equatable, Codable {
    /// Wall-clock time for the whole run, in seconds.
    package var timeoutSeconds: Double
    /// Model calls per run (openai).
    package var maxSteps: Int
    /// Prompt plus completion tokens over the run (openai).
    package var maxTokens: Int
    /// Output tokens per model call (openai).
    package var maxOutputTokens: Int
    /// Bytes the model may write through its tools over the run (openai).
    package var maxBytesWritten: Int
    /// CPU seconds of the external process tree (command, RLIMIT_CPU per process).
    package var cpuSeconds: Int
    /// Address space per process, in bytes (command, RLIMIT_AS). Node-based CLIs reserve a lot: keep it generous.
    package var memoryBytes: Int
    /// Processes of the running user (command, RLIMIT_NPROC; not enforced for root).
    package var maxProcesses: Int
    /// Files the workspace may hold when read back (command).
    package var maxFiles: Int
    /// Bytes the workspace may hold when read back (command).
    package var maxWorkspaceBytes: Int

    /// Limits; the defaults suit a small site and a remote model.
    package init(
        timeoutSeconds: Double = 600, maxSteps: Int = 40, maxTokens: Int = 400_000, maxOutputTokens: Int = 4096,
        maxBytesWritten: Int = 4 * 1024 * 1024, cpuSeconds: Int = 900, memoryBytes: Int = 16 * 1024 * 1024 * 1024,
        maxProcesses: Int = 512, maxFiles: Int = 10_000, maxWorkspaceBytes: Int = 200 * 1024 * 1024
    ) {
        self.timeoutSeconds = timeoutSeconds
        self.maxSteps = maxSteps
        self.maxTokens = maxTokens
        self.maxOutputTokens = maxOutputTokens
        self.maxBytesWritten = maxBytesWritten
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.maxProcesses = maxProcesses
        self.maxFiles = maxFiles
        self.maxWorkspaceBytes = maxWorkspaceBytes
    }

    /// Decodes the keys present; missing keys take the defaults.
    package init(from decoder: any Decoder) throws {
        let defaults = AgentLimits()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeoutSeconds = try container.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? defaults.timeoutSeconds
        maxSteps = try container.decodeIfPresent(Int.self, forKey: .maxSteps) ?? defaults.maxSteps
        maxTokens = try container.decodeIfPresent(Int.self, forKey: .maxTokens) ?? defaults.maxTokens
        maxOutputTokens = try container.decodeIfPresent(Int.self, forKey: .maxOutputTokens) ?? defaults.maxOutputTokens
        maxBytesWritten = try container.decodeIfPresent(Int.self, forKey: .maxBytesWritten) ?? defaults.maxBytesWritten
        cpuSeconds = try container.decodeIfPresent(Int.self, forKey: .cpuSeconds) ?? defaults.cpuSeconds
        memoryBytes = try container.decodeIfPresent(Int.self, forKey: .memoryBytes) ?? defaults.memoryBytes
        maxProcesses = try container.decodeIfPresent(Int.self, forKey: .maxProcesses) ?? defaults.maxProcesses
        maxFiles = try container.decodeIfPresent(Int.self, forKey: .maxFiles) ?? defaults.maxFiles
        maxWorkspaceBytes = try container.decodeIfPresent(Int.self, forKey: .maxWorkspaceBytes) ?? defaults.maxWorkspaceBytes
    }

    private enum CodingKeys: String, CodingKey {
        case timeoutSeconds = "timeout_seconds"
        case maxSteps = "max_steps"
        case maxTokens = "max_tokens"
        case maxOutputTokens = "max_output_tokens"
        case maxBytesWritten = "max_bytes_written"
        case cpuSeconds = "cpu_seconds"
        case memoryBytes = "memory_bytes"
        case maxProcesses = "max_processes"
        case maxFiles = "max_files"
        case maxWorkspaceBytes = "max_workspace_bytes"
    }
}
