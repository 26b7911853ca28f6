import Foundation
import SiteCompiler

/// An agent that runs an external agent CLI (`codex exec`, `claude -p`, `aider --message`, or any command) in a
/// scratch copy of the site's source, sandboxed and limited, and reads the folder back as the new source.
///
/// It decides nothing about what the command changed: everything it wrote comes back (hidden files and paths
/// outside the source included), and the worker's policy refuses what is not allowed.
package struct CommandAgent: AgentBackend {
    /// What to run.
    package let command: AgentCommand
    /// How it is confined.
    package let sandbox: CommandSandbox
    /// Time and resource limits.
    package let limits: AgentLimits
    /// Where the command's variables come from (the daemon's environment by default; tests put fake agents first
    /// on `PATH`). Only ``alwaysPassed`` and ``passedVariables`` reach the command.
    package let environment: [String: String]
    /// Variables passed besides ``alwaysPassed`` (the operator's `env:`, e.g. the agent CLI's API key).
    package let passedVariables: [String]
    /// Variables every command gets.
    package static let alwaysPassed = ["PATH", "HOME", "LANG"]
    /// How long a stopped command gets between SIGTERM and SIGKILL, in milliseconds.
    package let gracePeriodMilliseconds: Int

    /// An agent running `command`.
    package init(
        command: AgentCommand, sandbox: CommandSandbox = CommandSandbox(), limits: AgentLimits = AgentLimits(),
        environment: [String: String] = ProcessInfo.processInfo.environment, passedVariables: [String] = [],
        gracePeriodMilliseconds: Int = 2000
    ) {
        self.command = command
        self.sandbox = sandbox
        self.limits = limits
        self.environment = environment
        self.passedVariables = passedVariables
        self.gracePeriodMilliseconds = gracePeriodMilliseconds
    }

    /// The command's environment: the allow-listed variables only, never the daemon's whole environment.
    package var childEnvironment: [String: String] {
        var result: [String: String] = [:]
        for name in Self.alwaysPassed + passedVariables {
            if let value = environment[name] { result[name] = value }
        }
        return result
    }

    /// External agents have no cheap way to judge a request: every request is clear, and the command may still
    /// fail or change nothing.
    package func triage(_ context: AgentContext) async throws -> Triage {
        .clear(summary: "I'll hand your request to \(command.arguments.first ?? "the agent").")
    }

    /// Runs the command and returns only the outcome (see ``runWithTranscript(_:log:)``).
    package func run(_ context: AgentContext, log: @escaping @Sendable (String) -> Void) async throws -> AgentOutcome {
        try await runWithTranscript(context, log: log).outcome
    }

    /// Materialises the source, runs the command there, reads the folder back.
    package func runWithTranscript(
        _ context: AgentContext, log: @escaping @Sendable (String) -> Void
    ) async throws -> AgentRunResult {
        let prompt = Self.prompt(context)
        let directory = try WorkspaceDirectory.materialise(context.source)
        defer { directory.remove() }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let arguments = command.arguments(prompt: prompt)
        guard let program = arguments.first, let executable = CommandSandbox.find(program, path: path) else {
            throw AgentError(
                code: "agent_command_not_found", message: "The agent command '\(command.arguments.first ?? "")' was not found on PATH.",
                hint: "Install it, or set the agent's command in the daemon configuration.")
        }
        let wrapped = try sandbox.wrap(
            [executable] + arguments.dropFirst(), workspace: directory.workspace.path, limits: limits, path: path)
        var transcript = AgentTranscript(backend: "command", model: program, prompt: prompt)
        transcript.append(.note, "sandbox: \(sandbox.describe(path: path))")
        var stdin: String?
        if command.promptInput == .stdin {
            let file = directory.root.appendingPathComponent("prompt.txt")
            try Data(prompt.utf8).write(to: file)
            stdin = file.path
        }
        let output = directory.root.appendingPathComponent("stdout.txt").path
        let errors = directory.root.appendingPathComponent("stderr.txt").path
        log("Running \(program) in a copy of the source (\(context.source.files.count) files)")
        let process = try ChildProcess.spawn(
            wrapped, environment: childEnvironment, directory: directory.workspace.path, stdin: stdin, stdout: output, stderr: errors)
        let termination = try await wait(for: process, output: output, log: log)
        let stdout = Self.tail(of: output)
        let stderr = Self.tail(of: errors)
        if !stdout.isEmpty { transcript.append(.stdout, stdout) }
        if !stderr.isEmpty { transcript.append(.stderr, stderr) }
        transcript.append(.note, "\(program) \(termination)")
        guard termination == .exited(0) else {
            let last = stderr.split(separator: "\n").last.map(String.init) ?? ""
            var error = AgentError(
                code: "agent_command_failed", message: "\(program) \(termination)" + (last.isEmpty ? "." : ": \(last)"),
                cause: String(stderr.suffix(2000)))
            error.transcript = transcript
            throw error
        }
        let files = try directory.readBack(ignoredPrefixes: command.ignoredPrefixes, limits: limits)
        let summary = Self.finalMessage(stdout)
        let outcome: AgentOutcome =
            files == context.source
            ? .noChange(summary.isEmpty ? "\(program) changed nothing." : summary)
            : .changed(files, summary: summary.isEmpty ? "\(program) edited the source." : summary, warnings: [])
        transcript.summary = outcome.replyText
        log("\(program) finished")
        return AgentRunResult(outcome: outcome, transcript: transcript)
    }

    /// Polls until the process exits, the time is up or the task is cancelled; stops the whole group on the way out.
    private func wait(
        for process: ChildProcess, output: String, log: @Sendable (String) -> Void
    ) async throws -> ChildProcess.Termination {
        let deadline = ContinuousClock.now + .milliseconds(Int(limits.timeoutSeconds * 1000))
        var tail = OutputTail(path: output)
        while !process.hasExited() {
            for line in tail.newLines() { log(line) }
            if Task.isCancelled {
                await stop(process)
                throw CancellationError()
            }
            if ContinuousClock.now >= deadline {
                await stop(process)
                throw AgentError(
                    code: "agent_timeout", message: "The agent did not finish within \(Int(limits.timeoutSeconds)) seconds.",
                    hint: "Raise the agent's timeout for this theme or site, or ask for a smaller change.")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        for line in tail.newLines() { log(line) }
        return process.reap()
    }

    /// SIGTERM to the group, a grace period, then SIGKILL and reap.
    private func stop(_ process: ChildProcess) async {
        process.signalGroup(SIGTERM)
        var waited = 0
        while !process.hasExited(), waited < gracePeriodMilliseconds {
            await uncancellableSleep(milliseconds: 50)
            waited += 50
        }
        _ = process.reap()
    }
}
