/// Ready-made invocations of the agent CLIs people already have.
package enum CommandPreset: String, Sendable, Codable, CaseIterable {
    /// OpenAI Codex CLI: `codex exec --full-auto PROMPT`.
    case codex
    /// Claude Code: `claude -p PROMPT`, allowed to edit files.
    case claude
    /// aider: `aider --message PROMPT`, without git or history files.
    case aider

    /// The command; `{prompt}` stands for the prompt.
    package var command: AgentCommand {
        switch self {
        case .codex:
            AgentCommand(arguments: ["codex", "exec", "--full-auto", "--skip-git-repo-check", "{prompt}"])
        case .claude:
            AgentCommand(arguments: ["claude", "-p", "--permission-mode", "acceptEdits", "{prompt}"])
        case .aider:
            AgentCommand(
                arguments: [
                    "aider", "--yes-always", "--no-git", "--no-auto-commits", "--no-check-update", "--no-show-release-notes",
                    "--no-pretty", "--chat-history-file", "/dev/null", "--input-history-file", "/dev/null", "--message",
                    "{prompt}",
                ],
                // aider keeps a tag cache next to the files even without git.
                ignoredPrefixes: [".aider"])
        }
    }
}
