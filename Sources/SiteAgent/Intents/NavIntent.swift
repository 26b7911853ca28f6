import Foundation
import SiteCompiler
import Yams

/// Menu requests: add a page or an external link, remove an item, move an item.
///
/// "add Blog to the menu", "add a link to our GitHub https://github.com/acme in the nav",
/// "take Services out of the navigation", "move Blog before About in the menu".
struct NavIntent: RequestIntent {
    func resolve(_ request: AgentRequest) throws -> Resolution? {
        let text = request.message
        // "put Blog before About in the menu": a move when what comes first is already in the menu.
        if let match = text.firstMatch(of: /(?i)^(?:move|put|place)\s+(?<what>.+?)\s+(?<relation>before|after|above|below|ahead of|in front of|behind)\s+(?<other>.+?)(?:\s+(?:in|on|within)\s+(?:the\s+)?(?:menu|nav|navigation|navbar))?[.!]?$/),
           request.site.nav.contains(where: { $0.label.caseInsensitiveCompare(Phrase.withoutArticles(String(match.what))) == .orderedSame }) {
            return try move(String(match.what), relation: String(match.relation).lowercased(), other: String(match.other), request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:add|put|include|show|place|insert|link)\s+(?<what>.+?)\s+(?:to|in|into|on|at)\s+(?:the\s+|our\s+)?(?<edge>(?:start|beginning|front|top|end|bottom)\s+of\s+(?:the\s+)?)?(?:main\s+|top\s+|site\s+)?(?:navigation\s+menu|nav\s+menu|navigation\s+bar|menu\s+bar|nav\s+bar|header\s+menu|main\s+menu|navbar|navigation|menu|nav)\b(?<rest>.*)$/) {
            let edge = match.edge.map { $0.lowercased().contains(/start|beginning|front|top/) ? " at the start" : "" } ?? ""
            return try add(String(match.what), rest: edge + String(match.rest), request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:remove|take|drop|delete|hide|pull)\s+(?<what>.+?)\s+(?:out\s+of|from|off)\s+(?:the\s+|our\s+)?(?:main\s+|top\s+)?(?:navigation\s+menu|nav\s+menu|navigation\s+bar|menu\s+bar|nav\s+bar|navbar|navigation|menu|nav)\b.*$/) {
            return try remove(String(match.what), request)
        }
        if let match = text.firstMatch(of: /(?i)^(?:move|put|place)\s+(?<what>.+?)\s+(?<relation>before|after|above|below|ahead of|in front of|behind)\s+(?<other>.+?)(?:\s+(?:in|on|within)\s+(?:the\s+)?(?:menu|nav|navigation|navbar))?[.!]?$/) {
            return try move(String(match.what), relation: String(match.relation).lowercased(), other: String(match.other), request)
        }
        return nil
    }

    // MARK: - Add

    private func add(_ what: String, rest: String, _ request: AgentRequest) throws -> Resolution? {
        let site = request.site
        // "add a new page called Pricing and link it in the menu": a page to create first.
        if what.lowercased().contains(/\b(?:new\s+page|page\s+(?:called|named|titled)|new\s+post|post\s+(?:called|named|titled))\b/) { return nil }
        // "add the London Team and Berlin Team pages to the menu": each page named, in turn.
        if !what.contains(where: { "\"“".contains($0) }), what.lowercased().contains(/\s(?:and|&)\s|,/),
           request.message.range(of: "://") == nil {
            let names = Phrase.withoutArticles(what).replacing(/(?i)\s+(?:pages|page|posts)$/, with: "")
                .split(separator: /\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+)/).map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            let pages = names.compactMap { name -> PageRecord? in if case .one(let page) = site.findPage(name) { return page } else { return nil } }
            if names.count > 1, pages.count == names.count, Set(pages.map(\.path)).count == pages.count {
                var current = request
                var workspace = request.workspace
                var summaries: [String] = []
                for page in pages {
                    switch try add(page.title, rest: rest, current) {
                    case nil: return nil
                    case .change(let done, let summary)?:
                        workspace.steps += done.steps
                        workspace.files = done.files
                        summaries.append(summary)
                        var context = current.context
                        context.source = done.files
                        current = AgentRequest(context: context, site: try SiteSnapshot(files: done.files), message: current.message)
                    case .noChange(let reason)?: summaries.append(reason)
                    case let other?: return other
                    }
                }
                guard workspace.files != request.context.source else { return .noChange(summaries.joined(separator: " ")) }
                return .change(workspace, summary: summaries.joined(separator: " "))
            }
        }
        if let url = request.message.firstMatch(of: /(?i)(?:https?:\/\/|mailto:)[^\s<>"]+|www\.[^\s<>"]+/) {
            var link = String(url.0)
            while let last = link.last, ".,;)".contains(last) { link.removeLast() }
            if link.lowercased().hasPrefix("www.") { link = "https://" + link }
            if let index = site.nav.firstIndex(where: { $0.url.lowercased() == link.lowercased() }) {
                return .noChange("The menu already links to \(link) as “\(site.nav[index].label)”. Menu: \(menu(site.nav.map(\.label))).")
            }
            let label = Self.label(from: what, url: link)
            return try insert(label: label, url: link, request, external: true, rest: rest)
        }
        // "add Visit us to the menu linking to /about/#contact": a label and a path of this site.
        if let link = rest.firstMatch(of: /(?i)\b(?:linking|link|links|pointing|going|that\s+goes|which\s+goes|that\s+links|which\s+links)\s+to\s+(?<path>\/\S*)/) {
            var path = String(link.path)
            while let last = path.last, ".,;)!".contains(last) { path.removeLast() }
            let page = String(path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            guard page.isEmpty || site.page(url: page) != nil || site.files[("static" + page)] != nil else {
                return .noChange("There is no page at \(page) to link to. Pages: \(Phrase.list(site.pages.filter { !$0.isPost }.map { "\($0.title) (\($0.url))" })).")
            }
            let label = Phrase.titledLabel(Self.cleanName(what).replacing(/(?i)\s+(?:link|item|entry|button|tab)$/, with: ""))
            if let index = site.nav.firstIndex(where: { $0.label.caseInsensitiveCompare(label) == .orderedSame }) {
                return .noChange("The menu already has “\(site.nav[index].label)” (\(site.nav[index].url)).")
            }
            return try insert(label: label, url: URLPath.normalized(path), request, external: false, rest: "")
        }
        let name = Self.cleanName(what)
        // "… put it in the menu after Posts" when it is in the menu already (a new page is added at the end): a move.
        let place = request.message.firstMatch(of: /(?i)\b(?<side>after|before)\s+(?:the\s+)?(?<other>[\w' &]+?)(?:\s+(?:item|link|page|tab))?\s*[.!?]?$/)
        switch site.findNavItem(name) {
        case .one(let index):
            let item = site.nav[index]
            if let place, let moved = try move(item.label, relation: String(place.side).lowercased(), other: String(place.other), request) { return moved }
            return .noChange("\(item.label) is already in the menu (\(item.url)). Menu: \(menu(site.nav.map(\.label))).")
        case .ambiguous, .none:
            break
        }
        switch site.findPage(name) {
        case .one(let page):
            if let index = site.navIndex(url: page.url) {
                return .noChange("\(page.title) is already in the menu as “\(site.nav[index].label)” (\(page.url)).")
            }
            return try insert(label: page.title, url: page.url, request, external: false, rest: rest)
        case .ambiguous(let pages):
            let question = AgentQuestion(
                text: "Which page should go in the menu: \(Phrase.list(pages.map { "\($0.title) (\($0.url))" }, conjunction: "or"))?",
                options: pages.map { "\($0.title) (\($0.url))" })
            if case .option(let index) = request.answer(to: question) {
                return try insert(label: pages[index].title, url: pages[index].url, request, external: false)
            }
            return .question(question)
        case .none:
            let missing = site.pages.filter { !$0.isPost && site.navIndex(url: $0.url) == nil }.map(\.title)
            let hint = missing.isEmpty ? "" : " Pages not in the menu: \(Phrase.list(missing))."
            return .noChange("There is no page called “\(name)” to add to the menu.\(hint) To link elsewhere, give the full URL.")
        }
    }

    private func insert(label: String, url: String, _ request: AgentRequest, external: Bool, rest: String = "") throws -> Resolution {
        var workspace = request.workspace
        var labels = request.site.nav.map(\.label)
        // "… to the menu after About" / "before Blog" / "at the start".
        var position = labels.count
        var placement = "to the end of the menu"
        if let match = rest.firstMatch(of: /(?i)^\s*,?\s*(?<relation>before|after)\s+(?<other>.+?)[.!]?$/),
           case .one(let index) = request.site.findNavItem(Self.cleanName(String(match.other))) {
            let before = match.relation.lowercased() == "before"
            position = before ? index : index + 1
            placement = "to the menu \(before ? "before" : "after") \(labels[index])"
        } else if rest.contains(/(?i)\b(?:start|beginning|front|first)\b/) {
            position = 0
            placement = "to the start of the menu"
        }
        try workspace.editSiteYAML(step: "menu item “\(label)” → \(url)") { try $0.insertNavItem(label: label, url: url, at: position) }
        labels.insert(label, at: position)
        let kind = external ? "an external link" : "a link"
        return .change(workspace, summary: "Added \(kind) “\(label)” (\(url)) \(placement). Menu: \(menu(labels)).")
    }

    /// A label for an external link: the words the user gave ("our GitHub"), else a name from the host.
    static func label(from what: String, url: String) -> String {
        var words = what.replacing(/(?i)(?:https?:\/\/|mailto:)[^\s<>"]+|www\.[^\s<>"]+/, with: " ")
        words = words.replacing(/(?i)\b(?:a|an|the|our|my|link|links|to|for|at|called|named|labelled|labeled)\b/, with: " ")
        words = words.replacing(/[:\-–—,()]/, with: " ").trimmingWhitespace.replacing(/\s+/, with: " ")
        if let quoted = Phrase.unquoted(words) { return quoted }
        if !words.isEmpty { return words }
        return hostLabel(url)
    }

    private static func hostLabel(_ url: String) -> String {
        let known = ["github": "GitHub", "gitlab": "GitLab", "linkedin": "LinkedIn", "youtube": "YouTube", "x": "X", "twitter": "Twitter", "instagram": "Instagram", "facebook": "Facebook", "mastodon": "Mastodon", "dribbble": "Dribbble", "behance": "Behance"]
        if url.lowercased().hasPrefix("mailto:") { return "Email" }
        let host = url.replacing(/(?i)^[a-z]+:\/\/(www\.)?/, with: "").split(separator: "/").first.map(String.init) ?? url
        let name = host.split(separator: ".").dropLast().last.map(String.init) ?? host
        return known[name.lowercased()] ?? Phrase.titleCased(name)
    }

    // MARK: - Remove

    private func remove(_ what: String, _ request: AgentRequest) throws -> Resolution {
        let site = request.site
        let name = Self.cleanName(what)
        switch site.findNavItem(name) {
        case .one(let index):
            let item = site.nav[index]
            var workspace = request.workspace
            try workspace.editSiteYAML(step: "removed menu item “\(item.label)”") { try $0.removeNavItem(at: index) }
            var labels = site.nav.map(\.label)
            labels.remove(at: index)
            let kept = site.page(url: item.url).map { " The page itself is kept and is still at \($0.url)." } ?? ""
            return .change(workspace, summary: "Removed “\(item.label)” from the menu.\(kept) Menu: \(menu(labels)).")
        case .ambiguous(let indices):
            let options = indices.map { "\(site.nav[$0].label) (\(site.nav[$0].url))" }
            let question = AgentQuestion(text: "Which menu item should I remove: \(Phrase.list(options, conjunction: "or"))?", options: options)
            if case .option(let choice) = request.answer(to: question) {
                var answered = request
                answered.context.answer = nil
                return try remove(site.nav[indices[choice]].url, answered)
            }
            return .question(question)
        case .none:
            return .noChange("“\(name)” is not in the menu. Menu: \(menu(site.nav.map(\.label))).")
        }
    }

    // MARK: - Move

    private func move(_ what: String, relation: String, other: String, _ request: AgentRequest) throws -> Resolution? {
        let site = request.site
        guard case .one(let source) = site.findNavItem(Self.cleanName(what)),
              case .one(let target) = site.findNavItem(Self.cleanName(other))
        else {
            let mentionsMenu = request.message.contains(/(?i)\b(?:menu|nav|navigation|navbar)\b/)
            return mentionsMenu ? .noChange("I could not find both “\(what)” and “\(other)” in the menu. Menu: \(menu(site.nav.map(\.label))).") : nil
        }
        guard source != target else { return .noChange("Those are the same menu item.") }
        let before = ["before", "above", "ahead of", "in front of"].contains(relation)
        var order = Array(site.nav.indices)
        order.remove(at: source)
        let targetPosition = order.firstIndex(of: target) ?? 0
        let destination = before ? targetPosition : targetPosition + 1
        order.insert(source, at: destination)
        let labels = order.map { site.nav[$0].label }
        if order == Array(site.nav.indices) {
            return .noChange("\(site.nav[source].label) is already \(before ? "before" : "after") \(site.nav[target].label). Menu: \(menu(labels)).")
        }
        var workspace = request.workspace
        try workspace.editSiteYAML(step: "moved menu item “\(site.nav[source].label)”") { try $0.moveNavItem(from: source, to: destination) }
        return .change(workspace, summary: "Moved \(site.nav[source].label) \(before ? "before" : "after") \(site.nav[target].label). Menu: \(menu(labels)).")
    }

    // MARK: - Helpers

    static func cleanName(_ text: String) -> String {
        let value = Phrase.value(text)
        return Phrase.withoutArticles(value).replacing(/(?i)\s+(?:page|item|link|entry|tab)$/, with: "")
    }

    private func menu(_ labels: [String]) -> String {
        labels.joined(separator: ", ")
    }
}
