import Foundation
import SiteClient

#if canImport(Glibc)
import Glibc
#endif

/// Writing to the terminal: data on stdout, messages on stderr, prompts only where allowed.
///
/// `out` and `err` pass every line through ``safe(_:)``: chat messages, replies, log lines and transcripts come from
/// users, agents and sites, and must not drive the terminal. Machine formats (JSON, YAML, scripts) go through
/// ``exact(_:)`` and stay byte for byte what was encoded.
enum Terminal {
    static func out(_ text: String) {
        put(Data((safe(text) + "\n").utf8))
    }

    static func err(_ text: String) {
        writeFully(Data((safe(text) + "\n").utf8), to: STDERR_FILENO)
    }

    /// Prints `text` and a newline unchanged: for JSON, YAML and scripts, whose encoders already escape what they must.
    static func exact(_ text: String) {
        put(Data((text + "\n").utf8))
    }

    /// `text` with its control characters made visible, the way `cat -v` shows them: C0 controls as `^[` (ESC),
    /// `^M` (CR), `^G` (BEL)…, DEL as `^?`, C1 controls as `M-^[` (CSI)…, so an escape sequence in someone else's
    /// text cannot retitle the window, clear the screen, move the cursor or overwrite what was printed before.
    /// Newline and tab stay, for multi-line fields.
    static func safe(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                shown.append(scalar)
                continue
            }
            let value = scalar.value & 0x7F
            if scalar.value >= 0x80 { shown.append(contentsOf: "M-".unicodeScalars) }
            shown.append("^")
            shown.append(Unicode.Scalar(UInt8(value == 0x7F ? 0x3F : value + 0x40)))
        }
        return String(shown)
    }

    /// Writes `data` to stdout exactly as given (archives, screenshots, machine formats).
    ///
    /// A reader that went away (`sitectl … | head`) ends the command quietly with exit 0: SIGPIPE is ignored at
    /// start-up, and FileHandle's write would turn the EPIPE that follows into a crash (SIGILL, exit 132).
    static func put(_ data: Data) {
        writeFully(data, to: STDOUT_FILENO)
    }

    /// Loops over short writes. EPIPE on stdout exits 0; on stderr the message is dropped (the exit status still
    /// tells the outcome). Any other error on stdout (a full disk behind `>`) exits 1 with a message.
    private static func writeFully(_ data: Data, to descriptor: Int32) {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                    continue
                }
                switch errno {
                case EINTR:
                    continue
                case EAGAIN:
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                case EPIPE where descriptor == STDOUT_FILENO:
                    Foundation.exit(0)
                default:
                    guard descriptor == STDOUT_FILENO else { return }
                    let reason = String(cString: strerror(errno))
                    writeFully(Data("Error: cannot write to standard output: \(reason)\n".utf8), to: STDERR_FILENO)
                    Foundation.exit(ClientError.Exit.failure)
                }
            }
        }
    }

    nonisolated(unsafe) static var colorMode: ColorMode = .auto

    /// A progress line on a stderr terminal, redrawn in place (cut to the terminal width); nil clears it.
    static func status(_ text: String?) {
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        guard let text else {
            writeFully(Data("\r\u{1B}[K".utf8), to: STDERR_FILENO)
            return
        }
        let line = safe(text).split(separator: "\n").first.map(String.init) ?? ""
        let cut = line.count >= columns ? String(line.prefix(columns - 2)) + "…" : line
        writeFully(Data("\r\u{1B}[K\(cut)".utf8), to: STDERR_FILENO)
    }

    /// Colour on stderr: `--color always` or FORCE_COLOR; never with `--color never`, NO_COLOR, TERM=dumb or
    /// when stderr is not a terminal.
    static var colorsStderr: Bool {
        let env = ProcessInfo.processInfo.environment
        switch colorMode {
        case .never: return false
        case .always: return true
        case .auto:
            if env["FORCE_COLOR"].map({ !$0.isEmpty && $0 != "0" }) == true { return true }
            if env["NO_COLOR"].map({ !$0.isEmpty }) == true || env["TERM"] == "dumb" { return false }
            return isatty(STDERR_FILENO) == 1
        }
    }

    static func printError(_ error: ClientError) {
        let color = colorsStderr
        let red = color ? "\u{1B}[31;1m" : "", dim = color ? "\u{1B}[2m" : "", reset = color ? "\u{1B}[0m" : ""
        writeFully(Data("\(red)Error:\(reset) \(safe(error.message))\n".utf8), to: STDERR_FILENO)
        if let hint = error.hint { writeFully(Data("\(dim)Hint:\(reset) \(safe(hint))\n".utf8), to: STDERR_FILENO) }
    }

    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Asks a yes/no question on the terminal; without one, `--yes` is required (exit 64 with a hint).
    static func confirm(_ question: String, options: GlobalOptions, command: String) throws -> Bool {
        if options.yes { return true }
        guard options.canPrompt else {
            throw ClientError("Refusing to \(question.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "?"))) without confirmation.",
                hint: "\(command) --yes", exitCode: ClientError.Exit.usage)
        }
        writeFully(Data("\(question) [y/N] ".utf8), to: STDERR_FILENO)
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// Reads a line from the terminal after a prompt on stderr.
    static func ask(_ prompt: String) -> String? {
        writeFully(Data(prompt.utf8), to: STDERR_FILENO)
        return readLine()
    }

    /// Reads a secret without echo (terminal) — never from argv.
    static func secret(_ prompt: String) -> String? {
        writeFully(Data(prompt.utf8), to: STDERR_FILENO)
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
                writeFully(Data("\n".utf8), to: STDERR_FILENO)
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
