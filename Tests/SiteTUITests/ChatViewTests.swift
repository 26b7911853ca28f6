import SiteAPI
import Testing
import SiteTUI

@Suite struct ChatViewTests {
    private func chatState(_ build: (inout AppState) -> Void = { _ in }) -> AppState {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        build(&state)
        return state
    }

    @Test func emptyChatInvitesAMessageAndShowsPointers() {
        let screen = Fixtures.render(chatState())
        #expect(screen.contains("Chat · blog"))
        #expect(screen.contains("live v3 · preview v4"))
        #expect(screen.contains("Describe a change to blog"))
        #expect(screen.text(row: 23).contains("enter send"))
        #expect(screen.text(row: 23).contains("esc back"))
        #expect(screen.cursor != nil)
    }

    @Test func typedInputAppearsOnThePromptLine() {
        var state = chatState()
        _ = state.type("add a blog")
        let screen = Fixtures.render(state)
        #expect(screen.contains("› add a blog"))
        #expect(screen.cursor?.row == 21)
    }

    @Test func questionIsShownWithNumberedOptionsAndAnAnswerPrompt() {
        let state = chatState { state in
            _ = state.type("add a blog")
            _ = state.press(.enter)
            state.apply(.requestUpdated(Fixtures.request(
                1, state: .needsInput, question: Question(text: "Which layout?", options: ["List", "Grid"]))))
        }
        let screen = Fixtures.render(state)
        #expect(screen.contains("you: add a blog"))
        #expect(screen.contains("sitectl asks: Which layout?"))
        #expect(screen.contains("[1] List"))
        #expect(screen.contains("[2] Grid"))
        #expect(screen.contains("answer (1-2 or text) ›"))
        #expect(screen.text(row: 23).contains("1-9 pick option"))
        #expect(screen.style(of: "sitectl asks")?.color == .warning)
    }

    @Test func jobLogLinesAndTheFinalReplyAppearInOrder() {
        let state = chatState { state in
            _ = state.type("add a blog")
            _ = state.press(.enter)
            state.apply(.requestUpdated(Fixtures.request(1, state: .queued, job: 7)))
            state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 1, "compiling 12 pages")))
            state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 2, "broken link /x", level: "error")))
            state.apply(.requestUpdated(Fixtures.request(1, state: .done, reply: "Added a blog section", job: 7, version: 5)))
        }
        let screen = Fixtures.render(state)
        let compiling = screen.find("compiling 12 pages")
        let reply = screen.find("Added a blog section (v5)")
        #expect(screen.contains("request #1 queued"))
        #expect(screen.contains("14:00:01 info  compiling 12 pages"))
        #expect(screen.style(of: "broken link")?.color == .danger)
        #expect(compiling != nil && reply != nil)
        #expect((compiling?.row ?? 0) < (reply?.row ?? 0))
        #expect(screen.contains("sitectl [done]: Added a blog section (v5)"))
        #expect(!screen.contains("… working"))
    }

    @Test func runningJobShowsWorkingAndTheTranscriptFollowsTheTail() {
        let state = chatState { state in
            _ = state.type("rebuild")
            _ = state.press(.enter)
            state.apply(.requestUpdated(Fixtures.request(1, state: .running, job: 7)))
            for seq in 1...40 { state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: seq, "step \(seq)"))) }
        }
        let screen = Fixtures.render(state)
        #expect(screen.contains("step 40"))
        #expect(!screen.lines.contains { $0.hasSuffix("step 1") })
        #expect(screen.contains("… working"))
        var scrolled = state
        _ = scrolled.press(.pageUp)
        let up = Fixtures.render(scrolled)
        #expect(!up.contains("step 40"))
        #expect(up.contains("more"))
    }

    @Test func longMessagesWrapInsideThePane() {
        let state = chatState { state in
            _ = state.type(String(repeating: "word ", count: 40))
            _ = state.press(.enter)
        }
        let screen = Fixtures.render(state, width: 50)
        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) <= 50 })
        #expect(screen.lines.filter { $0.contains("word") }.count >= 4)
    }
}
