import Foundation

/// An editable line of text with a cursor and a history, as shells and k9s' prompts have: Left/Right, Home/End
/// (and Ctrl-A/Ctrl-E), Backspace/Delete at the cursor, Ctrl-U/Ctrl-K (delete to the start/end), Ctrl-W (delete the
/// word before the cursor), Up/Down (earlier lines). Pure: the view draws it and places the terminal cursor.
package struct LineEditor: Equatable, Sendable {
    /// The characters of the line.
    package private(set) var characters: [Character] = []
    /// Where typing goes: 0 (before the first character) … `characters.count` (after the last).
    package private(set) var cursor = 0
    /// Lines sent earlier, oldest first.
    package private(set) var history: [String] = []
    /// The history entry shown (nil: the line being written), and that line while an entry is shown.
    private var historyIndex: Int?
    private var draft: [Character] = []

    /// Lines kept in the history.
    package static let historyLimit = 100

    package init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The whole line.
    package var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
            historyIndex = nil
        }
    }

    /// The line before the cursor.
    package var beforeCursor: String { String(characters[..<cursor]) }

    /// Applies an editing key; false when the key is not an editing key (the caller handles it).
    package mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            characters.insert(character, at: cursor)
            cursor += 1
        case .paste(let text):
            let flat = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { !($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }
            characters.insert(contentsOf: flat, at: cursor)
            cursor += flat.count
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .wordLeft, .alt("b"):
            while cursor > 0, characters[cursor - 1].isWhitespace { cursor -= 1 }
            while cursor > 0, !characters[cursor - 1].isWhitespace { cursor -= 1 }
        case .wordRight, .alt("f"):
            while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
            while cursor < characters.count, !characters[cursor].isWhitespace { cursor += 1 }
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .up:
            guard !history.isEmpty else { return true }
            if historyIndex == nil { draft = characters }
            let index = max(0, (historyIndex ?? history.count) - 1)
            show(index)
        case .down:
            guard let current = historyIndex else { return true }
            if current + 1 < history.count {
                show(current + 1)
            } else {
                historyIndex = nil
                characters = draft
                cursor = characters.count
            }
        default:
            return false
        }
        return true
    }

    /// Empties the line after it was sent, keeping it (as sent: without surrounding spaces) in the history, not
    /// twice in a row.
    package mutating func commit() {
        let line = text.trimmingCharacters(in: .whitespaces)
        if !line.isEmpty, history.last != line {
            history.append(line)
            if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        }
        characters = []
        cursor = 0
        historyIndex = nil
        draft = []
    }

    private mutating func show(_ index: Int) {
        historyIndex = index
        characters = Array(history[index])
        cursor = characters.count
    }
}
