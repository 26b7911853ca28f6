import Foundation
import SiteAPI

/// The `:` command line: the CLI's verbs, typed inside the TUI (`:versions blog`, `:jobs --state failed`,
/// `:sites create shop`). Each command does what its key does, with the same confirmations and read-only rules.
package enum Palette {
    /// One command, as `:help` and Tab completion know it.
    package struct Command: Sendable {
        package var usage: String
        package var summary: String
        package var mutating: Bool
    }

    package static let commands: [Command] = [
        Command(usage: "sites", summary: "the dashboard", mutating: false),
        Command(usage: "sites create NAME", summary: "a new site with the default theme", mutating: true),
        Command(usage: "sites delete NAME", summary: "delete a site (type its name)", mutating: true),
        Command(usage: "sites enable NAME", summary: "serve the site again", mutating: true),
        Command(usage: "sites disable NAME", summary: "stop serving the site", mutating: true),
        Command(usage: "chat SITE", summary: "open the site's chat", mutating: false),
        Command(usage: "versions SITE", summary: "the site's versions", mutating: false),
        Command(usage: "versions diff SITE@V", summary: "what version V changed", mutating: false),
        Command(usage: "versions preview SITE@V", summary: "point the preview at V and show its URL", mutating: true),
        Command(usage: "versions deploy SITE@V", summary: "make V live (asks first)", mutating: true),
        Command(usage: "versions rollback SITE", summary: "roll live back (asks first)", mutating: true),
        Command(usage: "jobs [STATE] [--site SITE]", summary: "jobs of every site, e.g. :jobs failed", mutating: false),
        Command(usage: "jobs logs ID", summary: "a job and its log", mutating: false),
        Command(usage: "jobs cancel ID", summary: "cancel a job (asks first)", mutating: true),
        Command(usage: "jobs retry ID", summary: "send the job's request again (asks first)", mutating: true),
        Command(usage: "requests answer ID TEXT", summary: "answer a request's question", mutating: true),
        Command(usage: "whoami", summary: "the account and its API tokens", mutating: false),
        Command(usage: "auth token revoke ID", summary: "revoke an API token (asks first)", mutating: true),
        Command(usage: "logout", summary: "log out and leave (asks first)", mutating: true),
        Command(usage: "daemon status", summary: "the daemon's version, addresses and queue", mutating: false),
        Command(usage: "context NAME", summary: "switch to another context for this session", mutating: false),
        Command(usage: "contexts", summary: "list the contexts", mutating: false),
        Command(usage: "help", summary: "keys and commands", mutating: false),
        Command(usage: "quit", summary: "leave the TUI", mutating: false),
    ]

    /// First words `:` understands, with their aliases.
    static let verbs = ["sites", "chat", "versions", "jobs", "requests", "whoami", "account", "auth", "tokens", "logout",
                        "daemon", "context", "contexts", "ctx", "help", "quit", "q", "dashboard"]

    /// Splits a command line into words: spaces separate, single or double quotes group, `\` escapes.
    package static func words(_ line: String) throws(PaletteError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw PaletteError("Unclosed quote in the command") }
        if inWord || escaped { words.append(current) }
        return words
    }

    /// `SITE@V` as site and version number.
    package static func versionRef(_ word: String) throws(PaletteError) -> (site: String, version: Int) {
        let parts = word.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let number = Int(parts[1].hasPrefix("v") ? String(parts[1].dropFirst()) : parts[1]),
            number > 0
        else { throw PaletteError("Expected SITE@V, such as blog@3, not \(word)") }
        return (parts[0], number)
    }
}

/// A command line the palette cannot run, with what to type instead.
package struct PaletteError: Error, Equatable, Sendable {
    package var message: String
    package init(_ message: String) { self.message = message }
}
