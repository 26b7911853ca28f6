import SiteAPI

import Foundation

/// Keys of the chat pane: the input line owns printable characters, so commands use Esc, Enter and Ctrl keys.
extension AppState {
    /// Lines one PageUp/PageDown scrolls the transcript.
    static let chatPageSize = 10

    mutating func handleChat(_ key: Key, site: String) -> [Effect] {
        var session = chats[site] ?? ChatSession(site: site)
        defer { chats[site] = session }
        switch key {
        case .escape:
            status = nil
            route = .dashboard
            if !session.historyLoaded { session.historyRequested = false }
        case .control("v"):
            status = nil
            return openVersions(site)
        case .pageUp:
            session.scrollBack += Self.chatPageSize
        case .pageDown:
            session.scrollBack = max(0, session.scrollBack - Self.chatPageSize)
        case .character("?") where session.input.isEmpty:
            showHelp = true
        case .enter:
            return submit(&session)
        default:
            // Typing and line editing (cursor, words, history).
            _ = session.editor.handle(key)
        }
        return []
    }

    /// Enter: sends the input as a new message, or as the answer when a question is pending.
    private mutating func submit(_ session: inout ChatSession) -> [Effect] {
        let text = session.input.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        if session.isSending {
            status = StatusMessage("Waiting for the daemon to answer…")
            return []
        }
        if let question = session.pendingQuestion, let request = session.activeRequest {
            guard !readonly else {
                refuseReadonly("answering")
                return []
            }
            let answer = Self.resolve(text, options: question.options)
            session.entries.append(.answer(answer))
            session.noteAnswered(request.id)
            session.editor.commit()
            session.isSending = true
            session.scrollBack = 0
            status = nil
            return [.answer(requestID: request.id, answer: answer)]
        }
        guard !readonly else {
            refuseReadonly("chat")
            return []
        }
        if session.isBusy {
            status = StatusMessage("Wait for the current request to finish")
            return []
        }
        session.entries.append(.message(text))
        session.editor.commit()
        session.isSending = true
        session.scrollBack = 0
        status = nil
        return [.chat(site: session.site, message: text)]
    }

    /// An answer typed as an option's number (1-based) means that option; anything else is sent as typed.
    static func resolve(_ text: String, options: [String]) -> String {
        if let number = Int(text), options.indices.contains(number - 1) { return options[number - 1] }
        return text
    }
}
