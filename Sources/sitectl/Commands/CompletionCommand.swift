import ArgumentParser
import SiteClient

struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion", abstract: "Print the shell completion script (bash, zsh or fish).",
        discussion: "bash: sitectl completion bash > /etc/bash_completion.d/sitectl")

    @Argument(help: "bash, zsh or fish.") var shell: String

    func run() throws {
        guard let kind = CompletionShell(rawValue: shell) else {
            throw ClientError("Unknown shell '\(shell)'.", hint: "sitectl completion bash|zsh|fish", exitCode: ClientError.Exit.usage)
        }
        let script = Sitectl.completionScript(for: kind)
        Terminal.exact(kind == .bash ? BashCompletionFix.apply(to: script) : script)
    }
}
