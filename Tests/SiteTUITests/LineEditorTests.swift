import Testing

@testable import SiteTUI

/// The chat's input line edits like a shell's: cursor keys, word and line deletes, history.
@Suite struct LineEditorTests {
    static func typed(_ text: String) -> LineEditor {
        var editor = LineEditor()
        for character in text { _ = editor.handle(.character(character)) }
        return editor
    }

    @Test func cursorKeysMoveAndTypingInserts() {
        var editor = Self.typed("add page")
        _ = editor.handle(.left)
        _ = editor.handle(.left)
        _ = editor.handle(.left)
        _ = editor.handle(.left)
        for character in "a " { _ = editor.handle(.character(character)) }
        #expect(editor.text == "add a page")
        _ = editor.handle(.home)
        _ = editor.handle(.character("+"))
        #expect(editor.text == "+add a page")
        _ = editor.handle(.control("e"))
        _ = editor.handle(.character("!"))
        #expect(editor.text == "+add a page!")
        _ = editor.handle(.control("a"))
        _ = editor.handle(.delete)
        #expect(editor.text == "add a page!")
        _ = editor.handle(.end)
        _ = editor.handle(.right)  // past the end: stays
        _ = editor.handle(.backspace)
        #expect(editor.text == "add a page")
        #expect(editor.cursor == 10)
    }

    @Test func wordAndLineDeletes() {
        var editor = Self.typed("make the header  dark blue")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "make the header  dark ")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "make the header  ")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "make the ")
        for _ in 0..<4 { _ = editor.handle(.left) }
        _ = editor.handle(.control("k"))
        #expect(editor.text == "make ")
        _ = editor.handle(.left)
        _ = editor.handle(.control("u"))
        #expect(editor.text == " ")
        #expect(editor.cursor == 0)
        let tab = editor.handle(.tab)
        let enter = editor.handle(.enter)
        #expect(!tab && !enter, "Tab and Enter are left to the caller")
    }

    @Test func upAndDownWalkTheHistoryAndKeepTheDraft() {
        var editor = Self.typed("first")
        editor.commit()
        for character in "second" { _ = editor.handle(.character(character)) }
        editor.commit()
        editor.commit()  // an empty line is not kept
        #expect(editor.history == ["first", "second"])
        for character in "draft" { _ = editor.handle(.character(character)) }
        _ = editor.handle(.up)
        #expect(editor.text == "second")
        _ = editor.handle(.up)
        #expect(editor.text == "first")
        _ = editor.handle(.up)
        #expect(editor.text == "first")
        _ = editor.handle(.down)
        #expect(editor.text == "second")
        _ = editor.handle(.down)
        #expect(editor.text == "draft")
        #expect(editor.cursor == 5)
    }

    @Test func aLongMessageScrollsSidewaysAroundTheCursor() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        let message = (0..<30).map { "word\($0)" }.joined(separator: " ")
        _ = state.type(message)
        #expect(state.chat?.input == message)
        var screen = Fixtures.render(state, width: 60, height: 16)
        #expect((screen.cursor?.col ?? 99) <= 59)
        #expect(screen.contains("word29"))
        // Home shows the start of the message; the cursor sits after the prompt.
        _ = state.press(.home)
        screen = Fixtures.render(state, width: 60, height: 16)
        #expect(screen.contains("word0 word1"))
        #expect(!screen.contains("word29"))
        // Editing in the middle and sending sends the whole edited line.
        _ = state.press(.control("e"))
        _ = state.press(.control("w"))
        #expect(state.press(.enter) == [.chat(site: "blog", message: (0..<29).map { "word\($0)" }.joined(separator: " "))])
        _ = state.press(.up)
        #expect(state.chat?.input.hasSuffix("word28") == true)
    }
}

@Suite struct PasteTests {
    /// A multi-line paste lands in the input as one line; nothing is sent until Enter.
    @Test func aMultiLinePasteIsTextNotEnters() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        #expect(state.press(.paste("add a pricing page\nwith three tiers\r\n\tand a FAQ\u{7}")) == [])
        #expect(state.chat?.input == "add a pricing page with three tiers  and a FAQ")
        #expect(state.chat?.isSending == false)
        #expect(state.press(.enter) == [.chat(site: "blog", message: "add a pricing page with three tiers  and a FAQ")])
        // Outside an input line a paste does nothing.
        var dashboard = Fixtures.loadedState()
        #expect(dashboard.press(.paste("q\nq")) == [])
        #expect(!dashboard.isQuitting)
    }
}
