import SiteAPI
import Testing
import SiteTUI

@Suite struct DashboardViewTests {
    @Test func showsEverySiteWithStatusAndVersionPointers() {
        let screen = Fixtures.render(Fixtures.loadedState())
        #expect(screen.contains("Sites (3)"))
        let blog = screen.lines.first { $0.contains("blog") && $0.contains("paper") } ?? ""
        #expect(blog.contains("enabled"))
        #expect(blog.contains("v3"))  // live
        #expect(blog.contains("v4"))  // preview and latest
        let shop = screen.lines.first { $0.contains("shop") } ?? ""
        #expect(shop.contains("disabled"))
        #expect(shop.contains("—"))  // no live version
        #expect(screen.contains("LIVE"))
        #expect(screen.contains("PREVIEW"))
        #expect(screen.contains("LATEST"))
    }

    @Test func selectedSiteIsHighlightedAndDescribed() {
        var state = Fixtures.loadedState()  // sorted: blog, docs, shop
        _ = state.press(.character("j"))
        let screen = Fixtures.render(state)
        #expect(state.selected?.name == "docs")
        let (row, _) = screen.find("docs") ?? (-1, -1)
        #expect(screen.text(row: row).contains("›"))
        #expect(screen.style(of: "docs")?.reverse == true)
        #expect(screen.style(of: "blog")?.reverse == false)
        #expect(screen.contains("docs: Product docs"))
    }

    @Test func headerNamesTheContextAndFooterShowsKeys() {
        let screen = Fixtures.render(Fixtures.loadedState())
        #expect(screen.text(row: 0).contains("context local (unix:///run/sitectl.sock)"))
        let footer = screen.text(row: 23)
        for hint in ["j/k move", "enter chat", "v versions", "/ filter", ": command", "? help", "q quit"] {
            #expect(footer.contains(hint), "footer lacks \(hint): \(footer)")
        }
    }

    @Test func emptyAndLoadingStatesSayWhatToDo() {
        let loading = Fixtures.render(AppState())
        #expect(loading.contains("Loading sites…"))
        var empty = AppState()
        empty.apply(.sitesLoaded([]))
        #expect(Fixtures.render(empty).contains("sitectl sites create NAME"))
    }

    @Test func longListsScrollToKeepTheSelectionVisible() {
        var state = AppState()
        let many = (0..<40).map { index in
            var site = Fixtures.sites[0]
            site.name = "site\(index < 10 ? "0" : "")\(index)"
            return site
        }
        state.apply(.sitesLoaded(many))
        _ = state.press(.character("G"))
        let screen = Fixtures.render(state, height: 14)
        #expect(screen.contains("site39"))
        #expect(!screen.contains("site00"))
    }

    @Test func noColorRemovesEveryColourAttribute() {
        let state = Fixtures.loadedState()
        #expect(Fixtures.render(state).usesColor)
        let plain = Fixtures.render(state, color: false)
        #expect(!plain.usesColor)
        #expect(plain.contains("blog"))
        #expect(plain.style(of: "blog")?.reverse == true)  // selection still visible without colour
    }

    @Test func resizingReflowsAndTinyTerminalsGetANotice() {
        let state = Fixtures.loadedState()
        let wide = Fixtures.render(state, width: 120, height: 30)
        let narrow = Fixtures.render(state, width: 40, height: 10)
        #expect(wide.text(row: 29).contains("q quit"))
        #expect(narrow.contains("blog"))
        #expect(narrow.lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        let tiny = Fixtures.render(state, width: 12, height: 3)
        #expect(tiny.contains("Terminal to"))
    }
}
