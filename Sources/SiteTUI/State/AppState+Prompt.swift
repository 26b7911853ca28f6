import Foundation
import SiteAPI

/// The bottom input line: the site filter, the command line, a new site's name, a deletion's confirmation.
extension AppState {
    mutating func handlePrompt(_ key: Key) -> [Effect] {
        guard var line = prompt else { return [] }
        let action = KeyMap.action(for: key, in: .prompt)
        switch action {
        case .back?:
            if line.kind == .filter { filter = "" }
            prompt = nil
            return []
        case .complete?:
            if line.kind == .command { complete(&line.editor) }
            prompt = line
            return []
        case .run?:
            prompt = nil
            return submit(line)
        default:
            _ = line.editor.handle(key)
            prompt = line
            if line.kind == .filter {
                filter = line.editor.text
                if let first = visibleSites.first, !visibleSites.contains(where: { $0.name == selectedName }) {
                    selectedName = first.name
                }
            }
            return []
        }
    }

    private mutating func submit(_ line: Prompt) -> [Effect] {
        let text = line.editor.text.trimmingCharacters(in: .whitespaces)
        switch line.kind {
        case .filter:
            filter = text
            return []
        case .newSite:
            guard !text.isEmpty else { return [] }
            if let problem = SiteNameRules.problem(with: text) {
                status = StatusMessage("A site name \(problem)", kind: .error)
                prompt = line
                return []
            }
            status = StatusMessage("Creating \(text)…")
            return [.createSite(name: text)]
        case .confirmDelete(let site):
            guard text == site else {
                status = StatusMessage("Not deleted: the name typed was not \(site)", kind: .error)
                return []
            }
            status = StatusMessage("Deleting \(site)…")
            return [.deleteSite(name: site)]
        case .command:
            do {
                // The answer is everything after the id, as typed (an apostrophe is not a quote there).
                let answer = text.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
                if answer.count == 4, answer[0] == "requests", answer[1] == "answer" {
                    return try run(["requests", "answer", String(answer[2]), String(answer[3])])
                }
                return try run(Palette.words(text))
            } catch {
                status = StatusMessage(error.message, kind: .error)
                return []
            }
        }
    }

    /// Runs a command line split into words.
    mutating func run(_ words: [String]) throws(PaletteError) -> [Effect] {
        guard let verb = words.first else { return [] }
        let args = Array(words.dropFirst())
        func arg(_ index: Int, _ usage: String) throws(PaletteError) -> String {
            guard args.indices.contains(index), !args[index].isEmpty else { throw PaletteError("Usage: :\(usage)") }
            return args[index]
        }
        func mutating(_ what: String) throws(PaletteError) {
            if readonly { throw PaletteError("Read-only: \(what) is disabled (started with --readonly)") }
        }
        func knownSite(_ name: String) throws(PaletteError) -> String {
            guard site(named: name) != nil else {
                throw PaletteError("No site named \(name) (hint: :sites lists them; Tab completes names)")
            }
            return name
        }
        status = nil
        versions = nil
        diff = nil
        switch (verb, args.first) {
        case ("sites", nil), ("dashboard", _):
            route = .dashboard
        case ("sites", "create"?):
            try mutating("creating sites")
            let name = try arg(1, "sites create NAME")
            if let problem = SiteNameRules.problem(with: name) { throw PaletteError("A site name \(problem)") }
            return [.createSite(name: name)]
        case ("sites", "delete"?):
            try mutating("deleting sites")
            let name = try knownSite(try arg(1, "sites delete NAME"))
            route = .dashboard
            prompt = Prompt(.confirmDelete(site: name))
        case ("sites", let toggle?) where toggle == "enable" || toggle == "disable":
            try mutating("enabling and disabling sites")
            let name = try knownSite(try arg(1, "sites \(toggle) NAME"))
            confirmation = .setEnabled(site: name, enabled: toggle == "enable")
        case ("chat", _):
            return openChat(try knownSite(try arg(0, "chat SITE")))
        case ("versions", "diff"?):
            let ref = try Palette.versionRef(try arg(1, "versions diff SITE@V"))
            let effects = openVersions(try knownSite(ref.site))
            versions?.pendingDiff = ref.version
            return effects
        case ("versions", "preview"?):
            try mutating("preview")
            let ref = try Palette.versionRef(try arg(1, "versions preview SITE@V"))
            return [.preview(site: try knownSite(ref.site), version: ref.version)]
        case ("versions", "deploy"?):
            try mutating("deploy")
            let ref = try Palette.versionRef(try arg(1, "versions deploy SITE@V"))
            confirmation = .deploy(site: try knownSite(ref.site), version: ref.version)
        case ("versions", "rollback"?):
            try mutating("rollback")
            let name = try knownSite(try arg(1, "versions rollback SITE"))
            confirmation = .rollback(site: name, fromVersion: site(named: name)?.liveVersion)
        case ("versions", let name):
            let site = name == "list" ? try arg(1, "versions SITE") : try arg(0, "versions SITE")
            return openVersions(try knownSite(site))
        case ("jobs", "logs"?), ("jobs", "show"?):
            guard let id = Int64(try arg(1, "jobs logs ID")) else { throw PaletteError("Usage: :jobs logs ID (a job number)") }
            return showJobs(state: nil, site: nil, job: id)
        case ("jobs", "cancel"?):
            try mutating("cancelling jobs")
            guard let id = Int64(try arg(1, "jobs cancel ID")) else { throw PaletteError("Usage: :jobs cancel ID") }
            confirmation = .cancelJob(id: id, site: jobs.jobs.first { $0.id == id }?.site ?? "its site")
        case ("jobs", "retry"?):
            try mutating("retrying jobs")
            guard let id = Int64(try arg(1, "jobs retry ID")) else { throw PaletteError("Usage: :jobs retry ID") }
            guard let job = jobs.jobs.first(where: { $0.id == id }), let request = job.requestId else {
                throw PaletteError("Job #\(id) is not in the jobs list or has no request (hint: :jobs shows them)")
            }
            confirmation = .retryJob(requestID: request, site: job.site, jobID: id)
        case ("jobs", _):
            var state: JobState?
            var siteName: String?
            var index = 0
            while index < args.count {
                let word = args[index]
                if word == "--site" {
                    siteName = try knownSite(try arg(index + 1, "jobs --site SITE"))
                    index += 2
                    continue
                }
                let value = word.hasPrefix("--state=") ? String(word.dropFirst(8)) : word == "--state" ? try arg(index + 1, "jobs --state STATE") : word
                if word == "--state" { index += 1 }
                guard let parsed = JobState(rawValue: value) else {
                    throw PaletteError("Unknown job state \(value): one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                state = parsed
                index += 1
            }
            jobs.stateFilter = state
            jobs.siteFilter = siteName
            jobs.select(jobs.visibleJobs.first?.id)
            return showJobs()
        case ("requests", "answer"?):
            try mutating("answering")
            guard let id = Int64(try arg(1, "requests answer ID TEXT")) else { throw PaletteError("Usage: :requests answer ID TEXT") }
            let text = args.dropFirst(2).joined(separator: " ")
            guard !text.isEmpty else { throw PaletteError("Usage: :requests answer ID TEXT") }
            return [.answer(requestID: id, answer: text)]
        case ("whoami", _), ("account", _):
            return showAccount()
        case ("auth", "token"?), ("tokens", "revoke"?):
            let offset = verb == "auth" ? 1 : 0
            guard args.count > offset, args[offset] == "revoke" || verb == "tokens" else {
                return showAccount()
            }
            try mutating("revoking tokens")
            guard let id = Int64(try arg(offset + 1, "auth token revoke ID")) else { throw PaletteError("Usage: :auth token revoke ID") }
            confirmation = .revokeToken(id: id, name: account.info?.tokens.first { $0.id == id }?.name ?? "token")
        case ("tokens", _), ("auth", _):
            return showAccount()
        case ("logout", _):
            try mutating("logging out")
            confirmation = .logout(context: contextName)
        case ("daemon", _):
            return showDaemon()
        case ("context", nil), ("ctx", nil), ("contexts", _):
            return [.listContexts]
        case ("context", let name?), ("ctx", let name?):
            guard name != contextName else { throw PaletteError("Already on context \(name)") }
            status = StatusMessage("Connecting to context \(name)…")
            return [.switchContext(name: name)]
        case ("help", _):
            showHelp = true
        case ("quit", _), ("q", _):
            return quit()
        default:
            throw PaletteError("Unknown command: \(words.joined(separator: " ")) (hint: :help lists the commands)")
        }
        return []
    }

    /// Tab: completes the word at the cursor, a command for the first word and a site name after it.
    private mutating func complete(_ editor: inout LineEditor) {
        let before = editor.beforeCursor
        let words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        let candidates: [String]
        if words.count <= 1 {
            candidates = Palette.verbs.filter { $0.hasPrefix(current) }
        } else if words.count == 2, let verb = words.first, let subs = Self.subcommands[verb] {
            candidates = (subs + sites.map(\.name)).filter { $0.hasPrefix(current) }
        } else {
            let prefix = current.split(separator: "@").first.map(String.init) ?? current
            candidates = sites.map(\.name).filter { $0.hasPrefix(prefix) }
        }
        guard !candidates.isEmpty else {
            status = StatusMessage("No completion for \(current.isEmpty ? "an empty word" : current)")
            return
        }
        var common = candidates[0]
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        if candidates.count == 1 { common += " " } else {
            status = StatusMessage(candidates.sorted().joined(separator: "  "))
        }
        guard common.count > current.count || candidates.count == 1 else { return }
        for _ in 0..<current.count { _ = editor.handle(.backspace) }
        for character in common { _ = editor.handle(.character(character)) }
    }

    private static let subcommands: [String: [String]] = [
        "sites": ["create", "delete", "enable", "disable"],
        "versions": ["diff", "preview", "deploy", "rollback"],
        "jobs": ["logs", "cancel", "retry", "queued", "running", "failed", "succeeded", "cancelled", "--site"],
        "requests": ["answer"], "auth": ["token"], "daemon": ["status"],
    ]
}
