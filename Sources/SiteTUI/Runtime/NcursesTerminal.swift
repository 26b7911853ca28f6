import CNcursesw

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one file that talks to ncursesw: a ``Terminal`` that flushes screen models to the real terminal and decodes
/// `get_wch` input into ``Key``s.
///
/// Not thread-safe (neither is ncurses): the runner uses it from one task. Call ``close()`` exactly once when done;
/// it restores the terminal with `endwin`.
package final class NcursesTerminal: Terminal {
    private let screenHandle: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let colorEnabled: Bool
    private let device: UnsafeMutablePointer<FILE>?
    private var currentStyle: CellStyle?
    private var isClosed = false
    private let mouse: Bool

    /// Starts ncurses on the process's terminal, or on `devicePath` (tests) with terminal type `termType`.
    /// - Throws: ``TUIError`` when there is no terminal or its type is unknown.
    /// `mouse`: report clicks and the wheel (off with `--no-mouse`, so the terminal's own selection works).
    package init(colorEnabled: Bool, mouse: Bool = false, termType: String? = nil, devicePath: String? = nil) throws {
        self.mouse = mouse
        Self.setUTF8Locale()
        var device: UnsafeMutablePointer<FILE>?
        if let devicePath {
            guard let file = fopen(devicePath, "r+") else {
                throw TUIError(code: "not_a_terminal", message: "cannot open \(devicePath)")
            }
            device = file
        } else if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            throw TUIError(code: "not_a_terminal", message: "sitectl tui needs an interactive terminal",
                           hint: "run it in a terminal, or use `sitectl sites list` in scripts")
        }
        let type = termType ?? environmentValue("TERM")
        let handle = (type ?? "").withCString { name in
            newterm(type == nil ? nil : name, device ?? sitectl_stdout(), device ?? sitectl_stdin())
        }
        guard let handle else {
            if let device { fclose(device) }
            throw TUIError(code: "unknown_terminal", message: "unknown terminal type \"\(type ?? "")\"",
                           hint: "TERM=xterm-256color sitectl tui")
        }
        set_term(handle)
        self.screenHandle = handle
        self.window = sitectl_stdscr()
        self.device = device
        self.colorEnabled = colorEnabled && has_colors()
        configure()
    }

    deinit { close() }

    /// Restores the terminal (`endwin`) and frees ncurses' screen. Safe to call more than once.
    package func close() {
        guard !isClosed else { return }
        isClosed = true
        setBracketedPaste(false)
        endwin()
        delscreen(screenHandle)
        if let device { fclose(device) }
    }

    package var size: TerminalSize {
        TerminalSize(width: Int(sitectl_cols()), height: Int(sitectl_lines()))
    }

    package func draw(_ screen: Screen) {
        werase(window)
        currentStyle = nil
        let size = self.size
        for row in 0..<min(screen.height, size.height) {
            for col in 0..<min(screen.width, size.width) {
                let cell = screen[row, col]
                if cell.isContinuation { continue }
                if cell.style != currentStyle { apply(cell.style) }
                var chars = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                chars.append(0)
                // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn; nothing to handle.
                _ = mvwaddnwstr(window, Int32(row), Int32(col), chars, Int32(chars.count - 1))
            }
        }
        if let cursor = screen.cursor, cursor.row < size.height, cursor.col < size.width {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// Returns a key already waiting, or sleeps `timeout` (without blocking a thread of the cooperative pool) and
    /// looks again.
    package func readKey(timeout: Duration) async -> Key? {
        if let key = pollKey() { return key }
        try? await Task.sleep(for: timeout)
        return pollKey()
    }

    private func pollKey() -> Key? {
        while true {
            guard let (value, isFunction) = readCode() else { return nil }
            if isFunction {
                if Int32(value) == sitectl_key_mouse() {
                    if let event = readMouse() { return .mouse(event) }
                    continue
                }
                if let key = Self.decodeFunctionKey(Int32(value)) { return key }
                continue
            }
            if value == 27 {
                if let key = readEscape() { return key }
                continue
            }
            if let key = Self.decodeCharacter(value) { return key }
        }
    }

    private func readCode() -> (wint_t, Bool)? {
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if status == ERR { return nil }
        return (value, status == KEY_CODE_YES)
    }

    private func readMouse() -> MouseEvent? {
        var row: Int32 = 0
        var col: Int32 = 0
        let kinds: [MouseEvent.Kind] = [.press, .release, .wheelUp, .wheelDown]
        let kind = sitectl_get_mouse(&row, &col)
        guard kinds.indices.contains(Int(kind)) else { return nil }
        return MouseEvent(row: Int(row), col: Int(col), kind: kinds[Int(kind)])
    }

    /// Esc alone, Alt plus a key (Esc and the key arrive together), or a control sequence the terminal type does
    /// not describe (tmux's `screen` has no Ctrl-arrows, so `ESC [ 1 ; 5 D` arrives byte by byte): those are
    /// decoded here, and unknown ones dropped rather than typed into the input.
    private func readEscape() -> Key? {
        guard let (next, isFunction) = readCode() else { return .escape }
        if isFunction { return Self.decodeFunctionKey(Int32(next)) ?? .escape }
        guard next == 0x5B || next == 0x4F else {  // not CSI or SS3
            // Esc then another Esc or a control key: two keys, so the second is read again next time.
            guard next >= 32, next != 127, let scalar = Unicode.Scalar(UInt32(next)) else {
                unget_wch(wchar_t(bitPattern: UInt32(next)))
                return .escape
            }
            return .alt(Character(scalar))
        }
        var parameters = ""
        while let (byte, function) = readCode(), !function {
            guard let scalar = Unicode.Scalar(UInt32(byte)) else { break }
            if (0x40...0x7E).contains(byte) {
                if parameters == "200", scalar == "~" { return readPaste() }
                return Self.decodeSequence(parameters, final: Character(scalar))
            }
            parameters.append(Character(scalar))
            if parameters.count > 16 { break }
        }
        return nil
    }

    /// The text between `ESC [ 200 ~` and `ESC [ 201 ~` (bracketed paste), so its line breaks are not Enter.
    private func readPaste() -> Key? {
        var text: [Character] = []
        let end: [Character] = ["\u{1B}", "[", "2", "0", "1", "~"]
        var idle = 0
        while text.count < 1 << 20 {
            guard let (value, isFunction) = readCode() else {
                // The rest of a long paste may still be on its way.
                idle += 1
                if idle > 200 { break }
                usleep(1000)
                continue
            }
            idle = 0
            if isFunction { continue }
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            text.append(Character(scalar))
            if text.count >= end.count, Array(text.suffix(end.count)) == end {
                text.removeLast(end.count)
                break
            }
        }
        return text.isEmpty ? nil : .paste(String(text))
    }

    /// `ESC [ params final`: word jumps and back-tab; nil for the rest.
    private static func decodeSequence(_ parameters: String, final: Character) -> Key? {
        switch (parameters, final) {
        case ("1;5", "D"), ("1;3", "D"), ("5", "D"): .wordLeft
        case ("1;5", "C"), ("1;3", "C"), ("5", "C"): .wordRight
        case ("", "Z"): .backTab
        case ("", "A"): .up
        case ("", "B"): .down
        case ("", "C"): .right
        case ("", "D"): .left
        case ("", "H"): .home
        case ("", "F"): .end
        case ("3", "~"): .delete
        default: nil
        }
    }

    private func configure() {
        raw()  // Ctrl-C arrives as a key, so the loop can quit cleanly and endwin always runs.
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, 0)
        curs_set(0)
        if mouse { sitectl_enable_mouse() }
        setBracketedPaste(true)
        guard colorEnabled else { return }
        start_color()
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        let foreground: Int16 = background == -1 ? -1 : Int16(COLOR_WHITE)
        let palette: [ColorRole: Int32] = [
            .accent: COLOR_CYAN, .success: COLOR_GREEN, .warning: COLOR_YELLOW, .danger: COLOR_RED,
        ]
        for role in ColorRole.allCases {
            let fg = palette[role].map { Int16($0) } ?? foreground
            init_pair(Int16(role.rawValue), fg, background)
        }
    }

    /// Asks the terminal to mark pasted text (`ESC [ ? 2004 h`), so a multi-line paste is not a series of Enters.
    private func setBracketedPaste(_ on: Bool) {
        let output = device ?? sitectl_stdout()
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", output)
        fflush(output)
    }

    private func apply(_ style: CellStyle) {
        currentStyle = style
        var attributes: UInt32 = 0
        if style.bold { attributes |= sitectl_a_bold() }
        if style.reverse { attributes |= sitectl_a_reverse() }
        if style.dim || style.color == .muted { attributes |= sitectl_a_dim() }
        if style.underline { attributes |= sitectl_a_underline() }
        let pair: Int16 = colorEnabled ? Int16(style.color?.rawValue ?? 0) : 0
        wattr_set(window, attr_t(attributes), pair, nil)
    }

    private static func decodeFunctionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case sitectl_key_resize(): .resize
        case sitectl_key_btab(): .backTab
        default: Self.decodeExtendedKey(code)
        }
    }

    /// Keys terminfo names but curses has no constant for, such as Ctrl-← (`kLFT5`).
    private static func decodeExtendedKey(_ code: Int32) -> Key? {
        guard let name = keyname(code).map({ String(cString: $0) }) else { return nil }
        switch name {
        case "kLFT5", "kLFT3": return .wordLeft
        case "kRIT5", "kRIT3": return .wordRight
        default: return nil
        }
    }

    private static func decodeCharacter(_ value: wint_t) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)), value >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }

    /// ncurses needs a UTF-8 locale to read and draw anything but ASCII.
    private static func setUTF8Locale() {
        let name = setlocale(LC_ALL, "").map { String(cString: $0) } ?? ""
        let lower = name.lowercased()
        if !(lower.contains("utf-8") || lower.contains("utf8")) { setlocale(LC_ALL, "C.UTF-8") }
    }
}

/// An environment variable, read without Foundation (this file imports only the C libraries it needs).
private func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
