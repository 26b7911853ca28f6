import ArgumentParser
import Foundation

/// Global options may come anywhere, as CLI.md says: `sitectl -o json sites list`, `sitectl sites -c prod list`.
/// ArgumentParser only knows them on the commands that declare them, so the options written before or between the
/// subcommand names are moved right after the last name (before its own arguments, and before any `--`).
enum GlobalArguments {
    /// Global options that take a value.
    static let valued: Set<String> = ["-c", "--context", "-H", "--host", "-o", "--output", "--config-dir", "--color"]
    /// Global flags.
    static let flags: Set<String> = ["--json", "-q", "--quiet", "-v", "--verbose", "-y", "--yes", "--no-input", "--no-headers"]

    /// `sitectl chat acme "---------- Forwarded message …" --wait`: a text that starts with "-" but holds a space
    /// or a line break is never an option, so it goes after a `--` (at the end, where the last positional is read)
    /// instead of failing as "Invalid option".
    static func protectingTexts(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--") else { return arguments }
        var kept: [String] = []
        var texts: [String] = []
        for token in arguments {
            if token.hasPrefix("-"), token.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" }),
               token.range(of: "^--?[A-Za-z][\\w-]*=", options: .regularExpression) == nil {
                texts.append(token)
            } else {
                kept.append(token)
            }
        }
        return texts.isEmpty ? arguments : kept + ["--"] + texts
    }

    static func hoisted(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        var command: any ParsableCommand.Type = root
        var path: [String] = []
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" { break }
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            if valued.contains(name) {
                moved.append(token)
                // `-o json` (two tokens) or `--output=json` (one).
                if !token.contains("="), index + 1 < arguments.count {
                    moved.append(arguments[index + 1])
                    index += 1
                }
                index += 1
                continue
            }
            if flags.contains(token) || token.range(of: "^-v+$", options: .regularExpression) != nil {
                moved.append(token)
                index += 1
                continue
            }
            // The next subcommand name (or alias) of the command reached so far; anything else ends the path.
            let next = command.configuration.subcommands.first { sub in
                sub._commandName == token || sub.configuration.aliases.contains(token)
            }
            guard let next else { break }
            command = next
            path.append(token)
            index += 1
        }
        guard !moved.isEmpty else { return arguments }
        return path + moved + Array(arguments[index...])
    }
}
