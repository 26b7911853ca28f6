import Testing
import SiteTUI

@Suite struct ScreenTests {
    @Test func textIsClippedToTheRectangleAndTheScreen() {
        var screen = Screen(width: 10, height: 2)
        screen.put("hello world", row: 0, col: 0)
        screen.put("abcdef", row: 1, col: 2, clip: Rect(row: 0, col: 0, width: 5, height: 2))
        #expect(screen.text(row: 0) == "hello worl")
        #expect(screen.text(row: 1) == "  abc")
        screen.put("ignored", row: 5, col: 0)
        screen.put("x", row: 0, col: -1)
        #expect(screen.lines == ["hello worl", "  abc"])
    }

    @Test func boxDrawsBordersAndTitle() {
        var screen = Screen(width: 12, height: 3)
        screen.box(screen.bounds, title: "Hi")
        #expect(screen.text(row: 0) == "┌─ Hi ─────┐")
        #expect(screen.text(row: 1) == "│          │")
        #expect(screen.text(row: 2) == "└──────────┘")
        #expect(screen.style(of: "Hi")?.bold == true)
    }

    @Test func wideCharactersTakeTwoColumnsAndNeverOverflow() {
        var screen = Screen(width: 5, height: 1)
        let end = screen.put("日本語", row: 0, col: 0)
        #expect(end == 6)
        #expect(screen.text(row: 0) == "日本")
        #expect(screen[0, 1].isContinuation)
        #expect(screen[0, 4].character == " ")
        var emoji = Screen(width: 4, height: 1)
        emoji.put("🚀👍🏽e", row: 0, col: 0)
        #expect(emoji.contains("🚀"))
    }

    @Test func degenerateSizesDoNotCrash() {
        var screen = Screen(width: 0, height: 0)
        screen.put("x", row: 0, col: 0)
        screen.box(Rect(row: 0, col: 0, width: 1, height: 1))
        screen.fill(Rect(row: -3, col: -3, width: 10, height: 10))
        #expect(screen.text(row: 0).isEmpty)
        #expect(TextWrap.wrap("anything", width: 0).isEmpty)
        #expect(DisplayWidth.truncate("abc", to: 0).isEmpty)
    }

    @Test func colorIsDroppedWhenDisabledButAttributesStay() {
        var screen = Screen(width: 5, height: 1, colorEnabled: false)
        screen.put("ok", row: 0, col: 0, style: CellStyle(bold: true, color: .success))
        #expect(!screen.usesColor)
        #expect(screen.style(of: "ok")?.bold == true)
    }

    @Test func wrappingBreaksAtSpacesAndSplitsLongWords() {
        #expect(TextWrap.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("one\ntwo", width: 10) == ["one", "two"])
        #expect(DisplayWidth.truncate("hello world", to: 6) == "hello…")
    }
}
