import Foundation
import SiteClient

/// Writing to the terminal: data on stdout, messages on stderr, prompts only where allowed.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func printError(_ error: ClientError) {
        err("Error: \(error.message)")
        if let hint = error.hint { err("Hint: \(hint)") }
    }

    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Asks a yes/no question on the terminal; without one, `--yes` is required (exit 64 with a hint).
    static func confirm(_ question: String, options: GlobalOptions, command: String) throws -> Bool {
        if options.yes { return true }
        guard options.canPrompt else {
            throw ClientError("Refusing to \(question.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "?"))) without confirmation.",
                hint: "\(command) --yes", exitCode: ClientError.Exit.usage)
        }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// Reads a line from the terminal after a prompt on stderr.
    static func ask(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        return readLine()
    }

    /// Reads a secret without echo (terminal) — never from argv.
    static func secret(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        let hasTerminal = tcgetattr(STDIN_FILENO, &original) == 0
        if hasTerminal {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if hasTerminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        return readLine()
    }

    /// Reads all of stdin (for `--password-stdin`), dropping one trailing newline.
    static func readStdinSecret() -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
