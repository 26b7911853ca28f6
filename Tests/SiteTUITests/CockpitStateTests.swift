import Foundation
import SiteAPI
import SiteTUI
import Testing

private func job(_ id: Int64, site: String = "blog", state: JobState, request: Int64? = nil, error: String? = nil) -> Job {
    Job(id: id, site: site, requestId: request, kind: "chat", state: state, attempts: 1, error: error, version: nil,
        createdAt: Fixtures.epoch, startedAt: nil, finishedAt: nil)
}

private func line(_ job: Int64, _ seq: Int, _ message: String) -> LogLine {
    LogLine(jobId: job, seq: seq, time: Fixtures.epoch, level: "info", message: message)
}

/// Work done outside the TUI: markers, chat history, questions asked elsewhere.
@Suite struct ActivityTests {
    @Test func markersForQuestionRunningQueuedAndFailed() {
        var state = Fixtures.loadedState()
        state.apply(.activityLoaded(
            requests: [Fixtures.request(5, site: "blog", state: .needsInput)],
            jobs: [job(9, site: "docs", state: .running), job(8, site: "shop", state: .failed), job(7, site: "shop", state: .succeeded)]))
        let screen = Fixtures.render(state)
        #expect(screen.lines.first { $0.contains("blog") }?.contains("? question") == true)
        #expect(screen.lines.first { $0.contains("docs") }?.contains("▶ building") == true)
        #expect(screen.lines.first { $0.contains("shop") }?.contains("✗ failed") == true)
        #expect(screen.contains("a question is waiting"))  // blog is selected: the detail line says what to do
    }

    @Test func eventsOfOtherSitesUpdateMarkers() {
        var state = Fixtures.loadedState()
        state.apply(.event(Event(kind: .jobState, site: "docs", time: Fixtures.epoch, jobId: 3, state: "queued")))
        #expect(state.activity["docs"]?.marker == .queued)
        state.apply(.event(Event(kind: .jobState, site: "docs", time: Fixtures.epoch, jobId: 3, state: "running")))
        #expect(state.activity["docs"]?.marker == .running)
        state.apply(.event(Event(kind: .jobState, site: "docs", time: Fixtures.epoch, jobId: 3, state: "failed")))
        #expect(state.activity["docs"]?.marker == .failed)
        state.apply(.event(Event(kind: .requestState, site: "shop", time: Fixtures.epoch, requestId: 4, state: "needs_input")))
        #expect(state.activity["shop"]?.marker == .question)
        state.apply(.event(Event(kind: .requestState, site: "shop", time: Fixtures.epoch, requestId: 4, state: "queued")))
        #expect(state.activity["shop"]?.marker == nil)
        // A newer success clears the failure.
        state.apply(.event(Event(kind: .jobState, site: "docs", time: Fixtures.epoch, jobId: 4, state: "succeeded")))
        #expect(state.activity["docs"]?.marker == nil)
    }

    @Test func openingAChatLoadsHistoryOnce() {
        var state = Fixtures.loadedState()
        #expect(state.press(.enter) == [.loadChatHistory(site: "blog")])
        _ = state.press(.escape)
        // Not arrived yet: asked again. Arrived: not asked again.
        #expect(state.press(.enter) == [.loadChatHistory(site: "blog")])
        var done = Fixtures.request(1, state: .done, reply: "Added a page", version: 2)
        done.message = "add a page"
        state.apply(.chatHistoryLoaded(site: "blog", requests: [done]))
        _ = state.press(.escape)
        #expect(state.press(.enter) == [])
        let screen = Fixtures.render(state)
        #expect(screen.contains("you: add a page"))
        #expect(screen.contains("sitectl [done]: Added a page (v2)"))
    }

    @Test func pendingQuestionFromNoInputIsAnsweredInTheChat() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        var asked = Fixtures.request(3, state: .needsInput, question: Question(text: "Which one?", options: ["Red", "Blue"]))
        asked.message = "make it pop"
        var older = Fixtures.request(2, state: .done, reply: "Done", version: 5)
        older.message = "older"
        state.apply(.chatHistoryLoaded(site: "blog", requests: [asked, older]))
        let screen = Fixtures.render(state)
        #expect(screen.contains("you: make it pop"))
        #expect(screen.contains("[2] Blue"))
        _ = state.type("2")
        #expect(state.press(.enter) == [.answer(requestID: 3, answer: "Blue")])
        // The answer's result is not shown twice, nor the question again.
        var answered = asked
        answered.state = .queued
        answered.answer = "Blue"
        answered.jobId = 11
        state.apply(.requestUpdated(answered))
        let after = Fixtures.render(state, height: 40)
        #expect(after.lines.filter { $0.contains("you: make it pop") }.count == 1)
        #expect(after.lines.filter { $0.contains("Which one?") }.count == 1)
    }

    @Test func aRequestSentFromTheCLIAppearsInTheOpenChat() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        state.apply(.chatHistoryLoaded(site: "blog", requests: []))
        let effects = state.apply(.event(Event(kind: .requestState, site: "blog", time: Fixtures.epoch, requestId: 8, state: "queued")))
        #expect(effects == [.fetchRequest(id: 8)])
        var fromCLI = Fixtures.request(8, state: .queued, job: 4)
        fromCLI.message = "set the title to Elsewhere"
        state.apply(.requestUpdated(fromCLI))
        #expect(Fixtures.render(state).contains("you: set the title to Elsewhere"))
        // Its log lines follow.
        state.apply(.event(Fixtures.logEvent(request: 8, job: 4, seq: 1, "compiling")))
        #expect(Fixtures.render(state).contains("compiling"))
    }

    @Test func fullNamesAtWideTerminalsAndCutOnlyWhenNarrow() {
        var state = AppState()
        var site = Fixtures.sites[0]
        site.name = "a-very-long-site-name-for-the-marketing-team-2026"  // 49 characters
        state.apply(.sitesLoaded([site]))
        #expect(Fixtures.render(state, width: 160).contains(site.name))
        #expect(Fixtures.render(state, width: 100).contains(site.name))  // the theme column goes first
        let narrow = Fixtures.render(state, width: 60)
        let row = narrow.lines.first { $0.contains("enabled") } ?? ""
        #expect(!row.contains(site.name))
        #expect(row.contains("a-very-long"))
        #expect(row.contains("…"))
    }
}

/// `/` filter and selection by name.
@Suite struct FilterTests {
    @Test func filterNarrowsAsYouTypeAndKeepsTheSelection() {
        var state = Fixtures.loadedState()  // blog, docs, shop
        _ = state.press(.character("j"))
        #expect(state.selected?.name == "docs")
        _ = state.press(.character("/"))
        _ = state.type("o")  // all three: docs stays selected
        #expect(state.visibleSites.map(\.name) == ["blog", "docs", "shop"])
        #expect(state.selected?.name == "docs")
        _ = state.type("g")  // blog only
        #expect(state.selected?.name == "blog")
        _ = state.press(.enter)  // keeps the filter
        #expect(state.prompt == nil)
        #expect(state.filter == "og")
        let screen = Fixtures.render(state)
        #expect(screen.contains("Sites (1 of 3) · /og"))
        #expect(!screen.contains("docs"))
        #expect(state.press(.enter) == [.loadChatHistory(site: "blog")])
    }

    @Test func escClearsTheFilterAndNoMatchSaysSo() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        _ = state.type("zzz")
        #expect(Fixtures.render(state).contains("No site matches /zzz"))
        #expect(state.press(.enter) == [])  // nothing to open
        _ = state.press(.enter)
        _ = state.press(.escape)
        #expect(state.filter == "")
        #expect(state.visibleSites.count == 3)
    }

    @Test func aReloadNeverMovesTheSelectionToAnotherSite() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("G"))  // shop
        var list = Fixtures.sites
        list.insert(Site(name: "aaa", theme: "t", description: nil, status: .enabled, liveVersion: nil, previewVersion: nil,
                         latestVersion: nil, createdAt: Fixtures.epoch, updatedAt: Fixtures.epoch), at: 0)
        state.apply(.sitesLoaded(list))
        #expect(state.selected?.name == "shop")
        _ = state.press(.character("v"))
        #expect(state.versions?.site == "shop")
    }
}

/// The `:` command line.
@Suite struct PaletteTests {
    @Test func wordsHonourQuotesAndEscapes() throws {
        #expect(try Palette.words("requests answer 4 \"the blue one\"") == ["requests", "answer", "4", "the blue one"])
        #expect(try Palette.words("a 'b c' d\\ e ''") == ["a", "b c", "d e", ""])
        #expect(throws: PaletteError.self) { try Palette.words("chat \"blog") }
        #expect(try Palette.versionRef("blog@3") == ("blog", 3))
        #expect(try Palette.versionRef("blog@v3") == ("blog", 3))
        #expect(throws: PaletteError.self) { try Palette.versionRef("blog") }
        #expect(throws: PaletteError.self) { try Palette.versionRef("@3") }
        #expect(throws: PaletteError.self) { try Palette.versionRef("blog@0") }
    }

    private func run(_ state: inout AppState, _ line: String) -> [Effect] {
        _ = state.press(.character(":"))
        _ = state.type(line)
        return state.press(.enter)
    }

    @Test func commandsDoWhatTheirKeysDo() {
        var state = Fixtures.loadedState()
        #expect(run(&state, "versions docs") == [.loadVersions(site: "docs")])
        #expect(Fixtures.render(state).contains("Versions · docs"))
        #expect(run(&state, "chat shop") == [.loadChatHistory(site: "shop")])
        #expect(state.chatSite == "shop")
        _ = state.press(.escape)
        #expect(run(&state, "jobs failed").contains(.loadJobs))
        #expect(state.route == .jobs && state.jobs.stateFilter == .failed)
        #expect(run(&state, "jobs --site blog").contains(.loadJobs))
        #expect(state.jobs.siteFilter == "blog" && state.jobs.stateFilter == nil)
        #expect(run(&state, "versions deploy blog@2") == [])
        #expect(state.confirmation == .deploy(site: "blog", version: 2))
        #expect(state.press(.character("y")) == [.deploy(site: "blog", version: 2)])
        #expect(run(&state, "sites create new-site") == [.createSite(name: "new-site")])
        #expect(run(&state, "requests answer 4 the blue one") == [.answer(requestID: 4, answer: "the blue one")])
        #expect(run(&state, "daemon status") == [.loadDaemonStatus])
        #expect(run(&state, "whoami") == [.loadAccount])
        _ = run(&state, "versions diff blog@3")
        #expect(state.versions?.pendingDiff == 3)
        // The list arrives: the diff of v3 against v2 opens.
        #expect(state.apply(.versionsLoaded(site: "blog", versions: Fixtures.versions)) == [.loadDiff(site: "blog", from: 2, to: 3)])
        #expect(run(&state, "q") == [.quit])
    }

    @Test func mistakesSayWhatToTypeInstead() {
        var state = Fixtures.loadedState()
        _ = run(&state, "nope")
        #expect(state.status?.text == "Unknown command: nope (hint: :help lists the commands)")
        #expect(state.status?.kind == .error)
        _ = run(&state, "versions nosuch")
        #expect(state.status?.text.contains("No site named nosuch") == true)
        _ = run(&state, "sites create Bad_Name")
        #expect(state.status?.text.contains("lower-case") == true)
        _ = run(&state, "jobs sleeping")
        #expect(state.status?.text.contains("Unknown job state sleeping") == true)
        _ = run(&state, "versions deploy blog")
        #expect(state.status?.text.contains("Expected SITE@V") == true)
        _ = run(&state, "chat")
        #expect(state.status?.text == "Usage: :chat SITE")
        #expect(state.confirmation == nil)
    }

    @Test func readonlyRefusesWhatChanges() {
        var state = Fixtures.loadedState(readonly: true)
        #expect(run(&state, "sites create shop2") == [])
        #expect(state.status?.text.contains("Read-only") == true)
        #expect(run(&state, "versions deploy blog@2") == [])
        #expect(state.confirmation == nil)
        #expect(run(&state, "versions blog") == [.loadVersions(site: "blog")])  // reading is fine
    }

    @Test func tabCompletesCommandsAndSiteNames() {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = state.type("ver")
        _ = state.press(.tab)
        #expect(state.prompt?.editor.text == "versions ")
        _ = state.type("d")
        _ = state.press(.tab)
        #expect(state.prompt?.editor.text == "versions d")  // deploy, diff, docs: shown, not chosen
        #expect(state.status?.text == "deploy  diff  docs")
        _ = state.type("o")
        _ = state.press(.tab)
        #expect(state.prompt?.editor.text == "versions docs ")
    }

    @Test func deletingASiteWantsItsNameTyped() {
        var state = Fixtures.loadedState()  // blog selected
        _ = state.press(.character("x"))
        #expect(Fixtures.render(state).contains("Type blog to delete it"))
        _ = state.type("blo")
        #expect(state.press(.enter) == [])
        #expect(state.status?.text.contains("Not deleted") == true)
        _ = state.press(.character("x"))
        _ = state.type("blog")
        #expect(state.press(.enter) == [.deleteSite(name: "blog")])
        state.apply(.siteDeleted("blog"))
        #expect(state.site(named: "blog") == nil)
        #expect(state.selected?.name == "docs")
    }

    @Test func createEnableAndDisableFromTheDashboard() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("n"))
        _ = state.type("Bad Name")
        #expect(state.press(.enter) == [])
        #expect(state.prompt?.kind == .newSite)  // stays open to fix the name
        _ = state.press(.control("u"))
        _ = state.type("fresh")
        #expect(state.press(.enter) == [.createSite(name: "fresh")])
        _ = state.press(.character("G"))  // shop, disabled
        _ = state.press(.character("e"))
        #expect(state.confirmation == .setEnabled(site: "shop", enabled: true))
        #expect(state.press(.character("y")) == [.setEnabled(site: "shop", enabled: true)])
    }
}

/// The jobs view.
@Suite struct JobsPaneTests {
    @Test func stateFilterCycles() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("2"))
        state.apply(.jobsLoaded([job(3, state: .failed, error: "build failed"), job(2, state: .succeeded), job(1, state: .queued)]))
        #expect(state.jobs.selectedJobID == 3)
        _ = state.press(.character("s"))
        #expect(state.jobs.stateFilter == .queued)
        #expect(state.jobs.visibleJobs.map(\.id) == [1])
        #expect(state.jobs.selectedJobID == 1)
        _ = state.press(.character("s"), .character("s"))
        #expect(state.jobs.stateFilter == .failed)
        let screen = Fixtures.render(state)
        #expect(screen.contains("Jobs (1) · failed"))
        #expect(screen.contains("build failed"))
    }

    @Test func jobLogFollowsAndFillsSeqGaps() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("2"))
        #expect(state.apply(.jobsLoaded([job(7, state: .running, request: 1)])) == [.loadJobLog(id: 7, after: 0)])
        state.apply(.jobLogLoaded(id: 7, lines: [line(7, 1, "one"), line(7, 2, "two")]))
        // A live line arrives twice, one is skipped: the gap is fetched, the duplicate dropped.
        #expect(state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 3, "three"))) == [])
        #expect(state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 3, "three"))) == [])
        #expect(state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: 6, "six"))) == [.loadJobLog(id: 7, after: 3)])
        state.apply(.jobLogLoaded(id: 7, lines: [line(7, 4, "four"), line(7, 5, "five"), line(7, 6, "six")]))
        #expect(state.jobs.log.map(\.seq) == [1, 2, 3, 4, 5, 6])
        let screen = Fixtures.render(state)
        #expect(screen.contains("following"))
        #expect(screen.contains("six"))
        // Lines of another job never mix in.
        state.apply(.event(Fixtures.logEvent(request: 2, job: 8, seq: 7, "other job")))
        #expect(!Fixtures.render(state).contains("other job"))
    }

    @Test func cancelAsksFirstAndRetrySendsTheMessageAgain() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("2"))
        state.apply(.jobsLoaded([job(7, state: .running, request: 4), job(6, state: .failed, request: 3)]))
        _ = state.press(.character("c"))
        #expect(state.confirmation == .cancelJob(id: 7, site: "blog"))
        #expect(state.press(.character("y")) == [.cancelJob(id: 7)])
        _ = state.press(.character("j"))
        #expect(state.press(.character("R")) == [])  // asks first: five presses are not five requests
        #expect(state.confirmation == .retryJob(requestID: 3, site: "blog", jobID: 6))
        #expect(state.press(.character("y")) == [.retryJob(requestID: 3, site: "blog")])
        _ = state.press(.character("c"))
        #expect(state.confirmation == nil)
        #expect(state.status?.text == "Job #6 already failed")
    }
}

/// Clicks and the wheel.
@Suite struct MouseTests {
    @Test func hitRegionsMapCellsAndModalsBlockWhatIsUnder() {
        var state = Fixtures.loadedState()
        let screen = Fixtures.render(state)
        let (row, col) = screen.find("docs") ?? (-1, -1)
        #expect(screen.target(atRow: row, col: col) == .site("docs"))
        #expect(screen.target(atRow: 0, col: 0) == nil)
        _ = state.press(.character("v"))
        state.apply(.versionsLoaded(site: "blog", versions: Fixtures.versions))
        let modal = Fixtures.render(state)
        let (vrow, vcol) = modal.find("Add about page") ?? (-1, -1)
        #expect(modal.target(atRow: vrow, col: vcol) == .version(2))
        let frame = VersionsModalView.frame(in: Rect(row: 1, col: 0, width: 100, height: 21), count: 4)
        #expect(modal.target(atRow: frame.row, col: frame.col + 1) == .blocked)
    }

    @Test func clickSelectsAndASecondClickOpens() {
        var state = Fixtures.loadedState()
        let release = MouseEvent(row: 0, col: 0, kind: .release)
        #expect(state.handle(mouse: MouseEvent(row: 0, col: 0, kind: .press), target: .site("shop")) == [])
        #expect(state.selected?.name == "blog")  // the click counts when the button comes up
        #expect(state.handle(mouse: release, target: .site("shop")) == [])
        #expect(state.selected?.name == "shop")
        #expect(state.handle(mouse: release, target: .site("shop")) == [.loadChatHistory(site: "shop")])
        #expect(state.chatSite == "shop")
        // The wheel scrolls the chat.
        _ = state.handle(mouse: MouseEvent(row: 5, col: 5, kind: .wheelUp), target: nil)
        #expect(state.chat?.scrollBack == 3)
    }
}

/// Account and daemon views.
@Suite struct AccountDaemonTests {
    @Test func logoutQuitsWithANote() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("3"))
        #expect(state.route == .account)
        _ = state.press(.character("L"))
        #expect(state.confirmation == .logout(context: "local"))
        #expect(state.press(.character("y")) == [.logout])
        #expect(state.apply(.loggedOut) == [.quit])
        #expect(state.exitNote == "Logged out of context local.")
    }

    @Test func accountAndDaemonViewsShowWhatWasRead() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("3"))
        let token = APIToken(id: 5, name: "ci", prefix: "sct_AbCd", createdAt: Fixtures.epoch, expiresAt: nil, lastUsedAt: nil)
        state.apply(.accountLoaded(AccountInfo(email: "ann@example.test", userID: 1, context: "local", host: "unix:///x",
                                               accessExpiresAt: Fixtures.epoch, tokens: [token])))
        var screen = Fixtures.render(state)
        #expect(screen.contains("Signed in as ann@example.test"))
        #expect(screen.contains("#5"))
        #expect(screen.contains("sct_AbCd…"))
        _ = state.press(.character("x"))
        #expect(state.confirmation == .revokeToken(id: 5, name: "ci"))
        _ = state.press(.character("n"))
        _ = state.press(.character("4"))
        state.apply(.daemonStatusLoaded(DaemonStatus(version: "0.1.0", pid: 42, apiAddress: "unix:///x", serveAddress: "127.0.0.1:8080",
                                                     workers: 2, queueDepth: 1, runningJobs: 1, startedAt: Fixtures.epoch), at: Fixtures.epoch))
        screen = Fixtures.render(state)
        #expect(screen.contains("1 queued, 1 running"))
        #expect(screen.contains("127.0.0.1:8080"))
    }
}

@Suite struct SiteDeletedElsewhereTests {
    @Test func aSiteDeletedElsewhereLeavesItsChatAndList() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        #expect(state.chatSite == "blog")
        let effects = state.apply(.event(Event(kind: .siteDeleted, site: "blog", time: Fixtures.epoch)))
        #expect(effects == [.loadSites])
        #expect(state.route == .dashboard)
        #expect(state.site(named: "blog") == nil)
        #expect(state.status?.text == "blog was deleted")
        #expect(state.selected?.name == "docs")
    }
}

/// Findings of the docs-only attack run on the TUI (issue 14), each pinned.
@Suite struct TUIAttackFindingTests {
    @Test func pausingTheLogHoldsItStillWhileLinesArrive() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("2"))
        state.apply(.jobsLoaded([job(7, state: .running, request: 1)]))
        state.apply(.jobLogLoaded(id: 7, lines: (1...30).map { line(7, $0, "line \($0)") }))
        _ = state.press(.character("f"))
        let before = Fixtures.render(state).lines.filter { $0.contains("line ") }
        for seq in 31...60 { state.apply(.event(Fixtures.logEvent(request: 1, job: 7, seq: seq, "line \(seq)"))) }
        let after = Fixtures.render(state).lines.filter { $0.contains("line ") }
        #expect(before == after)
        #expect(Fixtures.render(state).contains("paused (f follows)"))
        _ = state.press(.character("f"))
        #expect(Fixtures.render(state).contains("line 60"))
    }

    @Test func aQuestionAskedAgainIsShownAgain() {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        state.apply(.chatHistoryLoaded(site: "blog", requests: []))
        _ = state.type("make it pop")
        _ = state.press(.enter)
        let question = Question(text: "Which one?", options: ["Red", "Blue"])
        state.apply(.requestUpdated(Fixtures.request(1, state: .needsInput, question: question)))
        _ = state.type("purple")
        _ = state.press(.enter)
        // The agent did not understand and asks the same question again.
        state.apply(.requestUpdated(Fixtures.request(1, state: .needsInput, question: question)))
        #expect(Fixtures.render(state, height: 40).lines.filter { $0.contains("Which one?") }.count == 2)
        // Another question for the same request, without an answer in between, shows too.
        state.apply(.requestUpdated(Fixtures.request(1, state: .needsInput, question: Question(text: "Light or dark?", options: []))))
        #expect(Fixtures.render(state, height: 40).contains("Light or dark?"))
    }

    @Test func readonlyCannotLogOut() {
        var state = Fixtures.loadedState(readonly: true)
        _ = state.press(.character("3"))
        _ = state.press(.character("L"))
        #expect(state.confirmation == nil)
        #expect(state.status?.text.contains("Read-only") == true)
        _ = state.press(.character(":"))
        _ = state.type("logout")
        _ = state.press(.enter)
        #expect(state.confirmation == nil)
    }

    @Test func anAnswerWithAnApostropheIsTakenAsTyped() {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = state.type("requests answer 4 the one that's blue")
        #expect(state.press(.enter) == [.answer(requestID: 4, answer: "the one that's blue")])
    }

    @Test func aBadNewSiteNameSaysWhyOverTheInputLine() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("n"))
        _ = state.type("Bad Name")
        _ = state.press(.enter)
        let screen = Fixtures.render(state)
        #expect(screen.text(row: 23).contains("A site name may hold only lower-case letters"))
        #expect(screen.text(row: 22).contains("New site name: Bad Name"))
    }

    @Test func cancellingARunningJobSaysCancelling() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("2"))
        state.apply(.jobUpdated(job(7, state: .running, request: 1)))
        #expect(state.status?.text == "Cancelling job #7…")
    }

    @Test func aThirtyThousandCharacterLineKeepsTheCursorInView() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.enter)
        _ = state.press(.paste(String(repeating: "abcdefghij", count: 3_000)))
        var screen = Fixtures.render(state)
        let row = try #require(screen.cursor?.row)
        #expect(screen.text(row: row).contains("abcdefghij"))
        #expect((screen.cursor?.col ?? 0) > 90)  // at the end of the window
        _ = state.press(.home)
        screen = Fixtures.render(state)
        #expect(screen.cursor?.col == 3)  // after " › "
        #expect(screen.text(row: row).hasPrefix(" › abcdefghij"))
    }
}
