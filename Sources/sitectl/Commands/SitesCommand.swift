import ArgumentParser
import Foundation
import SiteAPI
import SiteClient
import SiteCompiler

struct SitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites", abstract: "Create, list and manage sites.",
        subcommands: [Create.self, List.self, Show.self, Enable.self, Disable.self, Agent.self, Alias.self, Delete.self], aliases: ["site"])

    /// `-o wide` adds the agent profile, creation time and description.
    static func table(_ sites: [Site]) {
        let wide = Output.style.wide
        Output.table(
            ["NAME", "STATUS", "THEME", "LIVE", "PREVIEW", "LATEST", "UPDATED"] + (wide ? ["AGENT", "CREATED", "DESCRIPTION"] : []),
            sites.map {
                [$0.name, $0.status.rawValue, $0.theme, $0.liveVersion.map { "v\($0)" } ?? "-",
                 $0.previewVersion.map { "v\($0)" } ?? "-", $0.latestVersion.map { "v\($0)" } ?? "-", Output.time($0.updatedAt)]
                    + (wide ? [$0.agent ?? "-", APIJSON.formatDate($0.createdAt), $0.description ?? "-"] : [])
            })
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a site from a theme's starter content (or --from an existing source tree); version 1 goes live.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name (a DNS label: lower-case letters, digits, '-').") var name: String
        @Option(help: "Theme to use.", completion: NameCompletion.themes) var theme: String?
        @Option(help: "Short description.") var description: String?
        @Option(help: "Import this folder (site.yaml, content/, static/) as version 1.") var from: String?

        func run() async throws {
            var archive: Data?
            if let from {
                let url = URL(fileURLWithPath: from)
                guard FileManager.default.fileExists(atPath: url.appendingPathComponent("site.yaml").path) else {
                    throw ClientError("\(from) has no site.yaml.", hint: "Point --from at a site folder (site.yaml, content/, static/).",
                        exitCode: ClientError.Exit.usage)
                }
                var skipped: [String] = []
                let files = try SiteFiles.load(from: url, skippedLinks: &skipped)
                Links.warnSkipped(skipped)
                archive = TarArchive.tar(files, prefix: "")
            }
            let client = try global.client()
            let site: Site
            if let archive {
                site = try await client.importSite(name: name, theme: theme, description: description, archive: archive)
            } else {
                site = try await client.createSite(CreateSiteRequest(name: name, theme: theme, description: description))
            }
            let serve = try? await client.status().serveAddress
            try Output.emit(site, format: global.format, names: { [site.name] }) {
                Terminal.out("Created \(site.name) (\(site.theme) theme), v\(site.liveVersion ?? 1) live.")
                if let serve {
                    let url = SiteURL.make(site: site.name, serveAddress: serve)
                    if client.endpoint.isRemote {
                        Terminal.err("Served at \(url) on the daemon's machine; see a version here with: sitectl versions preview \(site.name)@1")
                    } else {
                        Terminal.err("Open \(url)")
                    }
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List your sites.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only enabled or disabled sites.") var status: String?
        @Option(help: "Page size (with --cursor).") var limit: Int?
        @Option(help: "Continue after this site name (printed on stderr as the next page's command).") var cursor: String?
        @Option(help: "Only sites whose name, description or theme contains this text (any case).") var search: String?
        @Option(help: "Order: name (default) or updated (most recent first).") var sort = "name"

        enum Order: String, CaseIterable { case name, updated }

        func run() async throws {
            let client = try global.client()
            let status = try self.status.map { try Output.choice($0, as: SiteStatus.self, option: "--status") }
            let order = try Output.choice(sort, as: Order.self, option: "--sort")
            if let limit, !(1...500).contains(limit) {
                throw ClientError("--limit must be between 1 and 500.", hint: "sitectl sites list --limit 50", exitCode: ClientError.Exit.usage)
            }
            // One shape whatever the flags: an array of sites (the next page's command goes to stderr).
            var sites: [Site]
            var next: String?
            if let limit {
                let page = try await client.listSites(cursor: cursor, limit: limit, status: status)
                sites = page.items
                next = page.nextCursor
            } else {
                sites = try await client.allSites(status: status)
            }
            if let search = search?.lowercased(), !search.isEmpty {
                sites = sites.filter { site in
                    [site.name, site.description ?? "", site.theme].contains { $0.lowercased().contains(search) }
                }
            }
            if order == .updated { sites.sort { $0.updatedAt > $1.updatedAt } }
            let shown = sites
            try Output.emit(shown, format: global.format, names: { shown.map(\.name) }) { SitesCommand.table(shown) }
            if let next, let limit { Terminal.err("More: sitectl sites list --limit \(limit) --cursor \(next)") }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a site.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var name: String

        func run() async throws {
            let site = try await global.client().site(name)
            try Output.emit(site, format: global.format, names: { [site.name] }) {
                Output.table(
                    ["FIELD", "VALUE"],
                    [["name", site.name], ["status", site.status.rawValue], ["theme", site.theme],
                     ["description", site.description ?? "-"], ["live", site.liveVersion.map { "v\($0)" } ?? "-"],
                     ["preview", site.previewVersion.map { "v\($0)" } ?? "-"], ["latest", site.latestVersion.map { "v\($0)" } ?? "-"],
                     ["created", APIJSON.formatDate(site.createdAt)], ["updated", APIJSON.formatDate(site.updatedAt)]])
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the site again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var name: String
        func run() async throws {
            let site = try await global.client().setSiteEnabled(name, true)
            if !global.quiet { Terminal.err("\(site.name) is enabled.") }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop serving the site (visitors get a 503 maintenance page).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var name: String
        func run() async throws {
            let site = try await global.client().setSiteEnabled(name, false)
            if !global.quiet { Terminal.err("\(site.name) is disabled; visitors see a maintenance page.") }
        }
    }

    struct Agent: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or choose the agent profile this site's jobs use.",
            discussion: """
                Profiles are defined by the daemon's operator (`daemon start --agent-config`, see docs/agents.md); \
                list them with `sitectl agents list`. Without --profile or --clear, shows the site's choice.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var name: String
        @Option(help: "One of the operator's agent profiles (sitectl agents list).") var profile: String?
        @Flag(help: "Use the daemon's default profile again.") var clear = false
        @Option(help: .hidden) var config: String?

        func run() async throws {
            if config != nil {
                throw ClientError(
                    "Agent backends, commands and keys are set by the daemon's operator, not per site.",
                    hint: "sitectl agents list; then sitectl sites agent \(name) --profile NAME", exitCode: ClientError.Exit.usage)
            }
            if clear, profile != nil {
                throw ClientError("--profile and --clear cannot be used together.", exitCode: ClientError.Exit.usage)
            }
            let client = try global.client()
            let site: Site
            if clear {
                site = try await client.setSiteAgent(name, profile: nil)
            } else if let profile {
                site = try await client.setSiteAgent(name, profile: profile)
            } else {
                site = try await client.site(name)
            }
            try Output.emit(site, format: global.format, names: { [site.agent ?? "default"] }) {
                Terminal.out("\(site.name): \(site.agent.map { "agent profile \($0)" } ?? "the daemon's default agent profile")")
            }
        }
    }

    struct Alias: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Custom domains that serve a site's live version.",
            discussion: """
                A domain serves one site: the daemon's site server answers requests whose Host is the domain with the \
                site's live version. Point the domain's DNS at the daemon's machine; see docs/usage.md. With \
                --serve-tls, the HTTPS column shows the domain's certificate: a file in the data dir's tls/ folder, or \
                one obtained over ACME (--acme-directory); see docs/usage.md.
                """,
            subcommands: [AliasList.self, AliasAdd.self, AliasRemove.self], defaultSubcommand: AliasList.self)
    }

    static func aliasTable(_ aliases: [SiteAlias]) {
        // HTTPS only when the daemon serves it (--serve-tls): what certificate the domain has, or why not.
        // SITE says what the domain does: serves the site, or redirects to another of its domains.
        let serves: (SiteAlias) -> String = { alias in alias.redirectTo.map { "→ \($0)" } ?? alias.site }
        if aliases.contains(where: { $0.certificate != nil }) {
            Output.table(["DOMAIN", "SITE", "ADDED", "HTTPS"], aliases.map { [$0.domain, serves($0), Output.time($0.createdAt), httpsCell($0.certificate)] })
        } else {
            Output.table(["DOMAIN", "SITE", "ADDED"], aliases.map { [$0.domain, serves($0), Output.time($0.createdAt)] })
        }
    }

    static func httpsCell(_ status: CertificateStatus?) -> String {
        guard let status else { return "-" }
        let source = status.source == "acme" ? "ACME" : "file"
        let when = status.notAfter.map { APIJSON.formatDate($0).replacingOccurrences(of: "T", with: " ").prefix(16) + " UTC" } ?? "?"
        let failing = status.error.map { Output.cell("; " + $0, width: 60) } ?? ""
        switch status.state {
        case "valid":
            return "until \(when) (\(source))" + failing
        case "expired":
            return "EXPIRED \(when) (\(source))" + failing
        case "not yet valid":
            return "not yet valid (\(source))"
        case "pending": return "obtaining (ACME)"
        case "failed": return Output.cell("failed: " + (status.error ?? "?"), width: 70)
        default: return "no certificate"
        }
    }

    struct AliasList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a site's custom domains.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var site: String

        func run() async throws {
            let aliases = try await global.client().siteAliases(site)
            try Output.emit(aliases, format: global.format, names: { aliases.map(\.domain) }) {
                if aliases.isEmpty, !global.quiet {
                    Terminal.err("\(site) has no custom domains. Add one with: sitectl sites alias add \(site) www.example.com")
                } else {
                    SitesCommand.aliasTable(aliases)
                }
            }
        }
    }

    struct AliasAdd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Serve a site's live version at a domain.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var site: String
        @Argument(help: "Domain name (www.example.com).") var domain: String
        @Option(help: "Redirect this domain (308, path and query kept) to another domain of the same site instead of serving it: the apex to www, or the other way round.")
        var redirectTo: String?

        func run() async throws {
            for name in [domain] + (redirectTo.map { [$0] } ?? []) {
                if let problem = DomainNameRules.problem(with: name) {
                    throw ClientError("'\(name)' is not a domain name sitectl can serve: \(problem)",
                        hint: "sitectl sites alias add \(site) www.example.com", exitCode: ClientError.Exit.usage)
                }
            }
            let client = try global.client()
            let alias = try await client.addSiteAlias(site, domain: domain, redirectTo: redirectTo)
            try Output.emit(alias, format: global.format, names: { [alias.domain] }) {
                if let target = alias.redirectTo {
                    Terminal.out("\(alias.domain) redirects to \(target) (\(alias.site)@live).")
                } else {
                    Terminal.out("\(alias.domain) serves \(alias.site)@live.")
                }
                if !global.quiet {
                    Terminal.err("Point \(alias.domain)'s DNS (an A/AAAA record, or a CNAME) at the daemon's machine; its site server answers for it.")
                }
            }
        }
    }

    struct AliasRemove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop serving a site at a domain.", aliases: ["rm"])
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var site: String
        @Argument(help: "Domain name.") var domain: String

        func run() async throws {
            guard try Terminal.confirm(
                "Stop serving \(site) at \(domain)?", options: global, command: "sitectl sites alias remove \(site) \(domain)")
            else {
                throw ClientError("Not removed.", exitCode: ClientError.Exit.cancelled)
            }
            try await global.client().removeSiteAlias(site, domain: domain)
            if !global.quiet { Terminal.err("\(domain) no longer serves \(site).") }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a site and all its versions.", aliases: ["rm"])
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var name: String
        @Flag(help: "Show what would be deleted, delete nothing.") var dryRun = false

        func run() async throws {
            let client = try global.client()
            let site = try await client.site(name)
            if dryRun {
                Terminal.out("Would delete \(site.name) and its \(site.latestVersion ?? 0) version(s).")
                return
            }
            if !global.yes {
                guard global.canPrompt else {
                    throw ClientError("Refusing to delete \(name) without confirmation.", hint: "sitectl sites delete \(name) --yes",
                        exitCode: ClientError.Exit.usage)
                }
                guard Terminal.ask("Type the site name (\(name)) to delete it: ")?.trimmingCharacters(in: .whitespaces) == name else {
                    throw ClientError("Not deleted.", exitCode: ClientError.Exit.cancelled)
                }
            }
            try await client.deleteSite(name)
            if !global.quiet { Terminal.err("Deleted \(name).") }
        }
    }
}


/// Browser URLs of a site on the daemon's serving address (`<prefix><site>.localhost:PORT`).
