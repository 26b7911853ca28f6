import SiteAPI
import Testing
import SiteTUI

@Suite struct AppStateKeyTests {
    @Test func startingLoadsTheSites() {
        #expect(AppState().start() == [.loadSites])
    }

    @Test func vimKeysAndArrowsMoveTheSelectionWithinBounds() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("k"), .up)
        #expect(state.selected?.name == "blog")
        _ = state.press(.character("j"), .down, .down, .character("j"))
        #expect(state.selected?.name == "shop")
        _ = state.press(.character("g"))
        #expect(state.selected?.name == "blog")
    }

    @Test func selectionFollowsTheSameSiteAcrossReloads() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("j"))
        state.apply(.sitesLoaded(Array(Fixtures.sites.reversed()) + [Fixtures.sites[0].renamed("about")]))
        #expect(state.selected?.name == "docs")
    }

    @Test func openChatTypeAndSend() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        #expect(state.route == .chat(site: "blog"))
        #expect(state.type("add a blog") == [])
        _ = state.press(.backspace)
        _ = state.type("g")
        #expect(state.press(.enter) == [.chat(site: "blog", message: "add a blog")])
        #expect(state.chat?.input == "")
        #expect(state.chat?.entries == [.message("add a blog")])
        #expect(state.press(.enter) == [])  // empty input sends nothing
    }

    @Test func lettersInTheChatAreTextNotCommands() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        #expect(state.type("quit vim?") == [])
        #expect(!state.isQuitting)
        #expect(state.versions == nil)
        #expect(state.chat?.input == "quit vim?")
        _ = state.press(.control("u"))
        #expect(state.chat?.input == "")
    }

    @Test func answeringAQuestionByNumberOrText() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        _ = state.type("add a blog")
        _ = state.press(.enter)
        state.apply(.requestUpdated(Fixtures.request(
            1, state: .needsInput, question: Question(text: "Which layout?", options: ["List", "Grid"]))))
        _ = state.type("2")
        #expect(state.press(.enter) == [.answer(requestID: 1, answer: "Grid")])
        #expect(state.chat?.entries.last == .answer("Grid"))
        state.apply(.requestUpdated(Fixtures.request(
            1, state: .needsInput, question: Question(text: "Which colour?", options: []))))
        _ = state.type("teal please")
        #expect(state.press(.enter) == [.answer(requestID: 1, answer: "teal please")])
    }

    @Test func aSecondMessageWaitsForTheRunningRequest() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        _ = state.type("one")
        _ = state.press(.enter)
        state.apply(.requestUpdated(Fixtures.request(1, state: .running, job: 3)))
        _ = state.type("two")
        #expect(state.press(.enter) == [])
        #expect(state.status?.text == "Wait for the current request to finish")
        state.apply(.requestUpdated(Fixtures.request(1, state: .done, reply: "ok", job: 3)))
        #expect(state.press(.enter) == [.chat(site: "blog", message: "two")])
    }

    @Test func readonlyRefusesToSendOrAnswer() {
        var state = Fixtures.loadedState(readonly: true)
        _ = state.press(.enter)
        _ = state.type("add a blog")
        #expect(state.press(.enter) == [])
        #expect(state.status?.text == "Read-only: chat is disabled (started with --readonly)")
        #expect(state.chat?.input == "add a blog")
        let screen = Fixtures.render(state)
        #expect(screen.contains("Read-only: chat is disabled"))
        #expect(screen.contains("read-only ›"))
        #expect(screen.text(row: 0).contains("READ-ONLY"))
    }

    @Test func escapeLeavesTheChatAndCtrlVOpensVersions() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        #expect(state.press(.control("v")) == [.loadVersions(site: "blog")])
        _ = state.press(.escape)
        #expect(state.route == .chat(site: "blog"))
        _ = state.press(.escape)
        #expect(state.route == .dashboard)
    }

    @Test func helpOverlayOpensWithQuestionMarkAndAnyKeyClosesIt() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("?"))
        let screen = Fixtures.render(state)
        #expect(screen.contains("Help · any key closes"))
        #expect(screen.contains("Versions"))
        #expect(screen.contains("roll back"))
        #expect(screen.text(row: 23).contains("any key close help"))
        #expect(state.press(.character("q")) == [])  // closes help, does not quit
        #expect(!state.showHelp)
        #expect(!state.isQuitting)
    }

    @Test func qQuitsFromTheDashboardAndCtrlCFromAnywhere() {
        var dashboard = Fixtures.loadedState()
        #expect(dashboard.press(.character("q")) == [.quit])
        #expect(dashboard.isQuitting)
        var chat = Fixtures.loadedState()
        _ = chat.press(.enter)
        #expect(chat.press(.control("c")) == [.quit])
    }

    @Test func resizeChangesNothingInTheState() {
        var state = Fixtures.loadedState()
        let before = state
        #expect(state.press(.resize) == [])
        #expect(state == before)
    }
}

extension Site {
    func renamed(_ name: String) -> Site {
        var copy = self
        copy.name = name
        return copy
    }
}

@Suite struct ChatDoubleSubmitTests {
    @Test func enterWhileASendIsInFlightDoesNotSendTwice() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        _ = state.type("one")
        #expect(state.press(.enter) == [.chat(site: "blog", message: "one")])
        _ = state.type("two")
        #expect(state.press(.enter) == [])
        #expect(state.chat?.input == "two")
    }
}
