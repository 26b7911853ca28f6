import SiteAPI
import Testing
import SiteTUI

@Suite struct AppStateFeedbackTests {
    func sentChat() -> AppState {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        _ = state.type("add a blog")
        _ = state.press(.enter)
        return state
    }

    @Test func logLinesOfTheFollowedJobAreAppendedOnceInOrder() {
        var state = sentChat()
        state.apply(.requestUpdated(Fixtures.request(1, state: .queued, job: 7)))
        state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 1, "one")))
        state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 1, "one")))  // duplicate delivery
        state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 2, "two")))
        state.apply(.event(Fixtures.logEvent(request: 9, job: 8, seq: 1, "someone else's job")))
        state.apply(.event(Fixtures.logEvent(site: "docs", request: 2, job: 9, seq: 1, "other site")))
        let logs = state.chat?.entries.compactMap { entry -> String? in
            if case .log(let line) = entry { return line.message }
            return nil
        }
        #expect(logs == ["one", "two"])
    }

    @Test func logsThatArriveBeforeTheChatReplyAreKept() {
        var state = sentChat()
        state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 1, "early line")))
        state.apply(.requestUpdated(Fixtures.request(1, state: .running, job: 7)))
        state.apply(.event(Fixtures.logEvent(request: nil, job: 7, seq: 2, "later line")))
        #expect(Fixtures.render(state).contains("early line"))
        #expect(Fixtures.render(state).contains("later line"))
    }

    @Test func stateEventsOfAFollowedRequestFetchIt() {
        var state = sentChat()
        state.apply(.requestUpdated(Fixtures.request(1, state: .queued, job: 7)))
        let requestEvent = Event(kind: .requestState, site: "blog", time: Fixtures.epoch, requestId: 1, state: "done")
        #expect(state.apply(.event(requestEvent)) == [.fetchRequest(id: 1)])
        let jobEvent = Event(kind: .jobState, site: "blog", time: Fixtures.epoch, jobId: 7, state: "succeeded")
        #expect(state.apply(.event(jobEvent)) == [.fetchRequest(id: 1)])
        let unrelated = Event(kind: .requestState, site: "blog", time: Fixtures.epoch, requestId: 42, state: "done")
        #expect(state.apply(.event(unrelated)) == [])
    }

    @Test func repeatedFetchesDoNotRepeatTheReply() {
        var state = sentChat()
        let done = Fixtures.request(1, state: .done, reply: "Added", job: 7, version: 5)
        state.apply(.requestUpdated(done))
        state.apply(.requestUpdated(done))
        let replies = state.chat?.entries.filter { if case .reply = $0 { true } else { false } }
        #expect(replies?.count == 1)
    }

    @Test func aFailedChatShowsTheErrorAndFreesTheInput() {
        var state = sentChat()
        state.apply(.failed(.chat(site: "blog", message: "add a blog"), message: "daemon unreachable"))
        #expect(state.chat?.isSending == false)
        let screen = Fixtures.render(state)
        #expect(screen.contains("error: daemon unreachable"))
        #expect(state.status?.kind == .error)
    }

    @Test func unsupportedAndNoChangeRepliesAreShownAsSuch() {
        var state = sentChat()
        state.apply(.requestUpdated(Fixtures.request(1, state: .unsupported, reply: "Static sites cannot run PHP")))
        #expect(Fixtures.render(state).contains("sitectl [unsupported]: Static sites cannot run PHP"))
    }
}
