import ArgumentParser
import Foundation

/// `sitectl help environment` (and `sitectl environment`): the environment variables sitectl reads.
struct EnvironmentCommand: ParsableCommand {
    static let variables: [(String, String)] = [
        ("SITECTL_CONFIG_DIR", "Where config.yaml (contexts) and credentials.yaml (sessions, 0600) live. Default: $XDG_CONFIG_HOME/sitectl, else ~/.config/sitectl."),
        ("SITECTL_CONTEXT", "The context to use when --context is not given (beats the current one; `sitectl context use` sets that)."),
        ("SITECTL_HOST", "A daemon address used instead of any context: ssh://user@host, https://host:port, unix:///path, tcp://host:port."),
        ("SITECTL_TOKEN", "An API token (sitectl auth token create) used instead of the saved session; for CI."),
        ("SITECTL_SSH_COMMAND", "The ssh program and its first arguments for ssh:// contexts, e.g. \"ssh -F $HOME/work/ssh_config\" (sitectl does not expand ~)."),
        ("SITECTL_NO_INPUT", "Set to 1 to never prompt (as --no-input); CI=true does the same."),
        ("SITECTL_THEMES_DIR", "The built-in themes folder, when sitectl cannot find it beside the binary."),
        ("NO_COLOR / FORCE_COLOR", "No colour at all / colour even when stderr is not a terminal (--color overrides both)."),
        ("XDG_RUNTIME_DIR", "The daemon's socket is $XDG_RUNTIME_DIR/sitectl/sitectl.sock (else under $XDG_STATE_HOME or ~/.local/state)."),
        ("XDG_DATA_HOME", "The daemon's data dir is $XDG_DATA_HOME/sitectl (else ~/.local/share/sitectl) unless --data-dir is given."),
    ]

    static let configuration = CommandConfiguration(
        commandName: "environment",
        abstract: "Environment variables sitectl reads (also: sitectl help environment).",
        discussion: variables.map { "\($0.0)\n    \($0.1)" }.joined(separator: "\n"))

    func run() {
        for (name, meaning) in Self.variables {
            print(name)
            print("    " + meaning)
        }
    }
}
