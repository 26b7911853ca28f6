import ArgumentParser
import Foundation
import SiteAPI
import SiteAgent
import SiteClient

struct VersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions", abstract: "Immutable versions of a site: list, show, diff, deploy, preview, roll back.",
        discussion: "Versions are named SITE@N, SITE@live, SITE@preview, SITE@latest or SITE@previous.",
        subcommands: [List.self, Show.self, Diff.self, Deploy.self, Preview.self, Rollback.self, Download.self, Delete.self],
        aliases: ["ver"])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a site's versions, newest first.", aliases: ["ls"])
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var site: String
        @Option(help: "At most this many.") var limit = 100

        func run() async throws {
            let versions = try await global.client().versions(site: site, limit: limit)
            try Output.emit(versions, format: global.format, names: { versions.map { "\(site)@\($0.number)" } }) {
                // -o wide: the version it was made on, its request and the whole summary.
                let wide = Output.style.wide
                Output.table(
                    ["VERSION", "CREATED", "SOURCE", "STATUS", "CHECKS", "SIZE"] + (wide ? ["MADE ON", "REQUEST"] : []) + ["SUMMARY"],
                    versions.map {
                        ["v\($0.number)", Output.time($0.createdAt), $0.origin,
                         [$0.isLive ? "live" : nil, $0.isPreview ? "preview" : nil].compactMap { $0 }.joined(separator: ",").ifEmpty("-"),
                         $0.checkStatus.rawValue, Output.bytes($0.outputBytes)]
                            + (wide ? [$0.baseVersion.map { "v\($0)" } ?? "-", $0.requestId.map(String.init) ?? "-"] : [])
                            + [wide ? $0.summary.replacingOccurrences(of: "\n", with: " ") : Output.cell($0.summary)]
                    })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a version with its check findings.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SITE@V (default @latest).", completion: NameCompletion.versions) var version: String
        @Flag(help: "Also print the build log.") var log = false
        @Flag(help: "Also print the agent transcript (prompt, tool calls or command output, usage, summary).") var transcript = false
        @Option(help: ArgumentHelp("Write the home page screenshot (PNG) taken by the browser checks to FILE ('-' for stdout).",
            valueName: "file")) var screenshot: String?

        func run() async throws {
            let ref = try VersionRef(version)
            let client = try global.client()
            if let screenshot {
                let data = try await client.versionScreenshot(site: ref.site, ref: ref.ref)
                if screenshot == "-" {
                    Terminal.put(data)
                    return
                }
                let url = URL(fileURLWithPath: screenshot)
                try data.write(to: url, options: .atomic)
                Terminal.err("Wrote the screenshot to \(url.path) (\(Output.bytes(Int64(data.count)))).")
            }
            let shown = try await client.version(site: ref.site, ref: ref.ref)
            try Output.emit(shown, format: global.format, names: { ["\(ref.site)@\(shown.number)"] }) {
                var rows = [["version", "\(ref.site)@\(shown.number)"], ["created", APIJSON.formatDate(shown.createdAt)],
                            ["source", shown.origin], ["summary", shown.summary.replacingOccurrences(of: "\n", with: " ")],
                            ["live", shown.isLive ? "yes" : "no"], ["preview", shown.isPreview ? "yes" : "no"],
                            ["checks", shown.checkStatus.rawValue], ["files", "\(shown.sourceFiles) source, \(shown.outputFiles) output"],
                            ["size", Output.bytes(shown.outputBytes)]]
                if let request = shown.requestId { rows.append(["request", String(request)]) }
                if let base = shown.baseVersion { rows.append(["made on", "\(ref.site)@\(base)"]) }
                if let browser = shown.browserChecks { rows.append(["browser", browser]) }
                Output.table(["FIELD", "VALUE"], rows)
                let findings = shown.findings ?? []
                if !findings.isEmpty {
                    Terminal.out("")
                    for finding in findings {
                        let location = finding.file.map { $0 + (finding.line.map { ":\($0)" } ?? "") + ": " } ?? ""
                        Terminal.out("\(location)\(finding.severity): [\(finding.check)] \(finding.message)")
                    }
                }
            }
            if log {
                Terminal.out("")
                Terminal.out(try await client.versionLog(site: ref.site, ref: ref.ref))
            }
            if transcript {
                let data = try await client.versionTranscript(site: ref.site, ref: ref.ref)
                Terminal.out("")
                if let decoded = try? JSONDecoder().decode(AgentTranscript.self, from: data) {
                    Terminal.out(decoded.rendered)
                } else {
                    Terminal.out(String(decoding: data, as: UTF8.self))
                }
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unified diff of two versions' sources (one version: what it changed from the one before).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SITE@A.", completion: NameCompletion.versions) var from: String
        @Argument(help: "SITE@B or @REF (default: compare A with the version before it).", completion: NameCompletion.versions) var to: String?
        @Flag(help: "Only a per-file summary.") var stat = false
        @Flag(help: "Only the changed paths.") var nameOnly = false
        @Flag(help: "Exit 1 when there are differences.") var exitCode = false

        func run() async throws {
            let a = try VersionRef(from)
            let client = try global.client()
            var fromRef = a.ref
            var toRef: String
            if let to {
                toRef = to.hasPrefix("@") ? String(to.dropFirst()) : try VersionRef(to).ref
            } else {
                // One version: what it changed from the version it was made on, or (for versions no request made)
                // from the newest earlier version that still exists.
                let version = try await client.version(site: a.site, ref: a.ref)
                let base = version.diffBase(existing: try await client.versions(site: a.site).map(\.number))
                guard let base else {
                    throw ClientError("\(a.site)@\(version.number) has no earlier version to compare with.",
                        hint: "sitectl versions diff \(a.site)@\(version.number) \(a.site)@latest",
                        exitCode: ClientError.Exit.usage)
                }
                fromRef = String(base)
                toRef = String(version.number)
            }
            let diff = try await client.diff(site: a.site, from: fromRef, to: toRef)
            try Output.emit(diff, format: global.format, names: { diff.files.map(\.path) }) {
                for file in diff.files {
                    if nameOnly {
                        Terminal.out(file.path)
                    } else if stat {
                        Terminal.out(" \(file.path) | +\(file.additions) -\(file.deletions)")
                    } else {
                        Terminal.put(Data(Terminal.safe(file.unified).utf8))
                    }
                }
                if stat { Terminal.out(" \(diff.files.count) file(s) changed") }
            }
            if exitCode, !diff.files.isEmpty { throw ExitCode(1) }
        }
    }

    struct Deploy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a version live (one atomic pointer move).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SITE@V.", completion: NameCompletion.versions) var version: String
        @Flag(help: "Deploy even when the version's checks failed.") var force = false
        @Flag(help: "Show what would happen, change nothing.") var dryRun = false

        func run() async throws {
            let ref = try VersionRef(version)
            let client = try global.client()
            let target = try await client.version(site: ref.site, ref: ref.ref)
            let site = try await client.site(ref.site)
            let from = site.liveVersion.map { "v\($0)" } ?? "nothing"
            for finding in target.findings ?? [] where !global.quiet {
                Terminal.err("\(finding.severity): [\(finding.check)] \(finding.file.map { $0 + ": " } ?? "")\(finding.message)")
            }
            if target.checkStatus == .failed, !force {
                throw ClientError("\(ref.site)@\(target.number) failed its checks and is not deployed.",
                    hint: "sitectl versions deploy \(version) --force", exitCode: ClientError.Exit.failure)
            }
            if dryRun {
                Terminal.out("Would deploy \(ref.site)@\(target.number) (live now: \(from)).")
                return
            }
            guard try Terminal.confirm("Deploy \(ref.site)@\(target.number) (live now: \(from))?", options: global,
                command: "sitectl versions deploy \(version)")
            else { throw ExitCode(ClientError.Exit.cancelled) }
            let move = try await client.deploy(site: ref.site, ref: String(target.number), force: force)
            try Output.emit(move, format: global.format, names: { ["\(move.site)@\(move.to)"] }) {
                Terminal.out("\(move.site)@\(move.to) is live (was \(move.from.map { "v\($0)" } ?? "nothing")).")
            }
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Point the site's preview at a version and print its URL.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SITE@V.", completion: NameCompletion.versions) var version: String
        @Flag(help: "Print only the URL (the daemon's own, even over ssh) and return.") var printURL = false
        @Option(help: "Over an ssh:// context: the local port of the tunnel to the preview (0: any free port).") var port = 0

        func run() async throws {
            let ref = try VersionRef(version)
            guard (0...65535).contains(port) else {
                throw ClientError("--port must be between 0 and 65535.", exitCode: ClientError.Exit.usage)
            }
            let client = try global.client()
            let move = try await client.preview(site: ref.site, ref: ref.ref)
            let serve = try await client.status().serveAddress
            let url = SiteURL.make(site: ref.site, serveAddress: serve, prefix: "preview--")
            if printURL { Terminal.out(url); return }
            /// `-o json`: the move and the URL it is served at.
            struct Result: Encodable {
                var site: String
                var from: Int?
                var to: Int
                var url: String
            }
            // Over ssh, the daemon's site server is on its machine: tunnel it here until Ctrl-C (kubectl port-forward).
            if var target = client.tunnel?.target {
                target.dialTarget = "preview"
                let tunnel = SSHTunnel(target: target)
                let local = try tunnel.startTCP(port: port)
                let localURL = SiteURL.make(site: ref.site, serveAddress: "127.0.0.1:\(local)", prefix: "preview--")
                try Output.emit(Result(site: move.site, from: move.from, to: move.to, url: localURL), format: global.format, names: { [localURL] }) {
                    Terminal.out("Preview of \(move.site) is v\(move.to): \(localURL)")
                }
                Terminal.err("Tunnelled over \(target) to the daemon's site server (\(serve)); Ctrl-C stops.")
                while true { try await Task.sleep(for: .seconds(3600)) }
            }
            try Output.emit(Result(site: move.site, from: move.from, to: move.to, url: url), format: global.format, names: { [url] }) {
                Terminal.out("Preview of \(move.site) is v\(move.to): \(url)")
            }
        }
    }

    struct Rollback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put the previous live version back (or --to V).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Site name.", completion: NameCompletion.sites) var site: String
        @Option(help: "Version to go back to (default: the one live before the current).") var to: String?
        @Flag(help: "Show what would happen, change nothing.") var dryRun = false

        func run() async throws {
            let client = try global.client()
            let current = try await client.site(site)
            let target = try await client.version(site: site, ref: to ?? "previous")
            let live = current.liveVersion.map { "v\($0)" } ?? "nothing"
            if dryRun {
                Terminal.out("Would roll \(site) back from \(live) to v\(target.number).")
                return
            }
            guard try Terminal.confirm("Roll \(site) back from \(live) to v\(target.number)?", options: global,
                command: "sitectl versions rollback \(site)")
            else { throw ExitCode(ClientError.Exit.cancelled) }
            let move = try await client.rollback(site: site, to: String(target.number))
            try Output.emit(move, format: global.format, names: { ["\(move.site)@\(move.to)"] }) {
                Terminal.out("\(move.site) rolled back: v\(move.to) is live (was \(move.from.map { "v\($0)" } ?? "nothing")).")
            }
        }
    }

    struct Download: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download a version's source as a .tar.gz.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SITE@V.", completion: NameCompletion.versions) var version: String
        @Option(name: [.customShort("O"), .long], help: "Output file ('-' for stdout). Default: SITE-vN.tar.gz.") var outputFile: String?

        func run() async throws {
            let ref = try VersionRef(version)
            let client = try global.client()
            let number = try await client.version(site: ref.site, ref: ref.ref).number
            let data = try await client.versionArchive(site: ref.site, ref: String(number))
            let path = outputFile ?? "\(ref.site)-v\(number).tar.gz"
            if path == "-" {
                Terminal.put(data)
            } else {
                try data.write(to: URL(fileURLWithPath: path))
                if !global.quiet { Terminal.err("Wrote \(path) (\(Output.bytes(Int64(data.count)))).") }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a version (never the live or preview one).", aliases: ["rm"])
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SITE@V.", completion: NameCompletion.versions) var version: String

        func run() async throws {
            let ref = try VersionRef(version)
            let client = try global.client()
            let number = try await client.version(site: ref.site, ref: ref.ref).number
            guard try Terminal.confirm("Delete \(ref.site)@\(number)?", options: global, command: "sitectl versions delete \(version)") else {
                throw ExitCode(ClientError.Exit.cancelled)
            }
            try await client.deleteVersion(site: ref.site, ref: String(number))
            if !global.quiet { Terminal.err("Deleted \(ref.site)@\(number).") }
        }
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
