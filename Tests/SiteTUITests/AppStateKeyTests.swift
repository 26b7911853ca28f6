import SiteAPI
import Testing
import SiteTUI

@Suite struct AppStateKeyTests {
    @Test func startingLoadsTheSites() {
        #expect(AppState().start() == [.loadSites, .loadActivity])
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
        #expect(screen.contains("Help · j/k more · any other key closes"))
        #expect(screen.contains("open the site's chat"))
        _ = state.press(.character("j"), .character("j"))  // shows the next columns, stays open
        #expect(state.showHelp)
        #expect(Fixtures.render(state).contains("roll live back"))
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

@Suite struct AltKeyTests {
    /// Esc followed quickly by q reads as Alt-q: outside an input line it is the two keys.
    @Test func escapeThenAKeyReadTogetherIsBothKeys() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        #expect(state.chatSite == "blog")
        _ = state.press(.alt("q"))  // leaves the chat, then q on the dashboard quits
        #expect(state.route == .dashboard)
        #expect(state.isQuitting)
    }

    @Test func altBAndFMoveByWordsInTheInput() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        _ = state.type("add a blog")
        _ = state.press(.alt("b"), .character("X"))
        #expect(state.chat?.input == "add a Xblog")
        _ = state.press(.wordLeft, .wordLeft, .wordLeft, .character("Y"))
        #expect(state.chat?.input == "Yadd a Xblog")
        _ = state.press(.wordRight, .alt("f"), .character("Z"))
        #expect(state.chat?.input == "Yadd aZ Xblog")
    }
}
