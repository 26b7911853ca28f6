import Foundation

/// An external agent command: what to run and how it gets the prompt.
package struct AgentCommand: Sendable, Equatable {
    /// How the prompt reaches the command.
    package enum PromptInput: String, Sendable, Codable {
        /// As an argument: `{prompt}` in ``arguments`` is replaced, or the prompt is appended.
        case argument
        /// On standard input.
        case stdin
    }

    /// The program (looked up on the command's `PATH`) and its arguments.
    package var arguments: [String]
    /// How the prompt reaches the command.
    package var promptInput: PromptInput
    /// Top-level names the tool writes for itself (caches), dropped from the workspace before it is read back.
    /// Everything else the command writes comes back, so the daemon's policy sees it.
    package var ignoredPrefixes: [String]

    /// A command.
    package init(arguments: [String], promptInput: PromptInput = .argument, ignoredPrefixes: [String] = []) {
        self.arguments = arguments
        self.promptInput = promptInput
        self.ignoredPrefixes = ignoredPrefixes
    }

    /// The arguments with the prompt in place (for ``PromptInput/argument``).
    func arguments(prompt: String) -> [String] {
        guard promptInput == .argument else { return arguments }
        if arguments.contains(where: { $0.contains("{prompt}") }) {
            return arguments.map { $0.replacingOccurrences(of: "{prompt}", with: prompt) }
        }
        return arguments + [prompt]
    }
}
