import ArgumentParser
import Foundation
import GRDB
import SiteAPI
import SiteClient
import SiteCompiler
import SiteServer

/// `sitectl doctor [--fix]`: checks this machine's daemon data (permissions, disk, database, every blob) and the
/// tools the checks use, prints a fix for each problem, and with `--fix` applies the safe ones.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the daemon's data dir (permissions, disk, database, every stored blob) and the tools it uses.",
        discussion: """
            Every blob is read and hashed; a corrupt or missing one is listed with the versions that use it. \
            --fix makes the data dir private again and rebuilds damaged output files from their version's source \
            (a rebuild that reproduces the same bytes). Source files, logs and screenshots exist nowhere else: \
            restore those from a backup. Exits 1 while a problem remains. Safe while the daemon runs.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The daemon's data dir (default: $XDG_DATA_HOME/sitectl).") var dataDir: String?
    @Flag(help: "Apply the safe fixes: permissions, and rebuilding damaged output blobs from source.") var fix = false

    struct Check: Codable {
        var name: String
        /// ok, warning, error, info
        var status: String
        var detail: String
        var fix: String?
    }

    struct Result: Codable {
        var dataDir: String
        var checks: [Check]
        var blobs: StoreAudit.Report?
        var healthy: Bool
    }

    func run() async throws {
        let settings = try DaemonSettings(dataDir: dataDir, listen: nil, serve: "127.0.0.1:0", workers: 1)
        let data = settings.dataDirectory
        var checks: [Check] = []
        var report: StoreAudit.Report?
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: data.path, isDirectory: &isDirectory) {
            checks.append(Check(name: "data dir", status: "info", detail: "\(data.path) does not exist: no daemon has run with it",
                fix: "sitectl daemon start --wait   (or pass the daemon's --data-dir)"))
        } else if !isDirectory.boolValue {
            checks.append(Check(name: "data dir", status: "error", detail: "\(data.path) exists but is not a folder",
                fix: "Move it away, or pass the daemon's real --data-dir."))
        } else {
            checks.append(Self.daemonCheck(data))
            checks.append(fix ? Self.fixPermissions(data) : Self.permissionsCheck(data))
            checks.append(Self.diskCheck(data))
            checks.append(Self.writableCheck(data))
            let databasePath = data.appendingPathComponent("sitectl.db").path
            var databaseInfo = stat()
            let hasDatabase = stat(databasePath, &databaseInfo) == 0 && databaseInfo.st_size > 0
            if let problem = DataDirectoryProblem.orphanedBlobs(databasePath: databasePath, blobs: data.appendingPathComponent("blobs")) {
                checks.append(Check(name: "database", status: "error", detail: problem.message, fix: problem.hint))
            } else if hasDatabase {
                do {
                    let blobsPath = data.appendingPathComponent("blobs")
                    var blobsInfo = stat()
                    if stat(blobsPath.path, &blobsInfo) == 0, blobsInfo.st_mode & S_IFMT != S_IFDIR {
                        throw ClientError("\(blobsPath.path) is not a folder.", hint: "Move it away and restore blobs/ from a backup.")
                    }
                    let db = try MetadataDatabase.open(path: databasePath)
                    let blobs = try FileBlobStore(root: blobsPath)
                    let audit = StoreAudit(db: db, artifacts: ArtifactStore(blobs: blobs))
                    if global.format == .table { Terminal.err("Verifying every blob in \(blobs.root.path) …") }
                    var audited = try await audit.run()
                    if fix, !audited.damaged.isEmpty {
                        guard let themes = ThemeLibrary.locateBuiltin() else {
                            throw ClientError("Cannot find the built-in themes to rebuild with.", hint: "Set SITECTL_THEMES_DIR to the themes/ folder.")
                        }
                        audited = try await audit.repair(audited, compiler: SiteCompiler(themes: ThemeLibrary(directories: [themes])))
                    }
                    report = audited
                    checks.append(Check(
                        name: "database", status: audited.database == "ok" ? "ok" : "error",
                        detail: audited.database == "ok" ? "integrity ok, \(audited.versions) versions" : "integrity check failed: \(audited.database)",
                        fix: audited.database == "ok" ? nil : "Stop the daemon and restore \(databasePath) from a backup (sqlite3 .recover can salvage rows)."))
                    checks.append(Self.blobCheck(audited))
                } catch let error as ClientError {
                    checks.append(Check(name: "blobs", status: "error", detail: error.message, fix: error.hint))
                } catch {
                    // A malformed database, an unreadable file: say which, keep the rest of the report.
                    checks.append(Check(name: "database", status: "error", detail: "\(databasePath) cannot be read: \(Self.oneLine(error))",
                        fix: "Stop the daemon and restore it from a backup (sqlite3 .recover can salvage rows)."))
                }
            } else {
                checks.append(Check(name: "database", status: "info", detail: "no database yet in \(data.path)", fix: nil))
            }
        }
        checks = await contextChecks() + checks
        checks += Self.toolChecks()
        let healthy = !checks.contains { $0.status == "error" }
        let result = Result(dataDir: data.path, checks: checks, blobs: report, healthy: healthy)
        try Output.emit(result, format: global.format) {
            let width = checks.map(\.name.count).max() ?? 8
            for check in checks {
                let mark = switch check.status { case "ok": "✓"; case "error": "✗"; case "warning": "!"; default: "-" }
                Terminal.out("\(mark) \(check.name.padding(toLength: width, withPad: " ", startingAt: 0))   \(check.detail)")
                if check.name == "blobs", let report {
                    for damage in report.damaged {
                        let uses = damage.uses.prefix(4).map { "\($0.site)@\($0.version) \($0.role)" }.joined(separator: ", ")
                        let more = damage.uses.count > 4 ? " and \(damage.uses.count - 4) more" : ""
                        let state = damage.repaired ? "repaired" : damage.state.rawValue
                        Terminal.out("    \(state) \(damage.digest)  used by \(uses.isEmpty ? "nothing" : uses + more)")
                        if let reason = damage.unrepairable { Terminal.out("      not repaired: \(reason)") }
                    }
                }
                if let fix = check.fix, check.status != "ok" { Terminal.out("    fix: \(fix)") }
            }
        }
        if !healthy { throw ExitCode(ClientError.Exit.failure) }
    }

    /// An error in one line: SQLite's message without the statement, a POSIX reason with its path.
    static func oneLine(_ error: any Error) -> String {
        if let database = error as? DatabaseError { return database.message ?? "SQLite error \(database.resultCode.rawValue)" }
        let ns = error as NSError
        if let path = ns.userInfo[NSFilePathErrorKey] as? String {
            let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) } ?? ns.localizedDescription
            return "\(path): \(underlying)"
        }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }

    static func daemonCheck(_ data: URL) -> Check {
        do {
            try DataDirectoryLock.checkFree(dataDirectory: data)
            return Check(name: "daemon", status: "info", detail: "not running on this data dir", fix: nil)
        } catch let held as DataDirectoryLock.Held {
            return Check(name: "daemon", status: "ok",
                detail: "running (pid \(held.pid.map { String($0) } ?? "?")\(held.address.map { ", API \($0)" } ?? ""))", fix: nil)
        } catch {
            return Check(name: "daemon", status: "warning", detail: "cannot read \(data.path)/daemon.lock: \(error)", fix: nil)
        }
    }

    static func permissionsCheck(_ data: URL) -> Check {
        let problems = DataDirectoryPermissions.problems(data)
        if problems.isEmpty { return Check(name: "permissions", status: "ok", detail: "data dir private (0700, files 0600)", fix: nil) }
        return Check(name: "permissions", status: "error",
            detail: "readable by others: " + problems.prefix(3).joined(separator: ", ") + (problems.count > 3 ? " and \(problems.count - 3) more" : ""),
            fix: "sitectl doctor --fix   (or restart the daemon, which tightens them)")
    }

    static func fixPermissions(_ data: URL) -> Check {
        let before = DataDirectoryPermissions.problems(data)
        do {
            try DataDirectoryPermissions.restrict(data)
        } catch {
            return Check(name: "permissions", status: "error", detail: "\(error)", fix: "Run as the user who owns \(data.path).")
        }
        return before.isEmpty ? permissionsCheck(data)
            : Check(name: "permissions", status: "ok", detail: "made \(before.count) paths private again", fix: nil)
    }

    static func diskCheck(_ data: URL) -> Check {
        var info = statvfs()
        guard statvfs(data.path, &info) == 0 else {
            return Check(name: "disk", status: "warning", detail: "cannot read free space: \(String(cString: strerror(errno)))", fix: nil)
        }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize)
        let total = Int64(info.f_blocks) * Int64(info.f_frsize)
        let detail = "\(Output.bytes(free)) free of \(Output.bytes(total)) on \(data.path)"
        if free < 256 << 20 {
            return Check(name: "disk", status: "error", detail: detail, fix: "Free space: jobs fail to store versions when the disk is full.")
        }
        if free < 2 << 30 || (total > 0 && free * 20 < total) {
            return Check(name: "disk", status: "warning", detail: detail, fix: "Free space soon, or delete old versions (sitectl versions delete SITE@N).")
        }
        return Check(name: "disk", status: "ok", detail: detail, fix: nil)
    }

    /// Writes and removes a file where the daemon writes (a read-only mount shows here, not only in failed jobs).
    static func writableCheck(_ data: URL) -> Check {
        var failures: [String] = []
        for folder in ["", "blobs", "work"].map({ data.appendingPathComponent($0).path }) where FileManager.default.fileExists(atPath: folder) {
            let probe = folder + "/.doctor-\(getpid())"
            let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                failures.append("\(folder): \(String(cString: strerror(errno)))")
            } else {
                close(descriptor)
                unlink(probe)
            }
        }
        return failures.isEmpty
            ? Check(name: "writable", status: "ok", detail: "data dir, blobs/ and work/ accept new files", fix: nil)
            : Check(name: "writable", status: "error", detail: failures.joined(separator: "; "),
                fix: "Remount read-write or fix ownership: the daemon cannot store versions until then.")
    }

    static func blobCheck(_ report: StoreAudit.Report) -> Check {
        let checked = "\(report.blobs) blobs (\(Output.bytes(report.bytes))) verified"
        let repaired = report.damaged.filter(\.repaired).count
        let outstanding = report.outstanding
        if outstanding.isEmpty {
            return Check(name: "blobs", status: "ok", detail: repaired > 0 ? "\(checked); repaired \(repaired)" : checked, fix: nil)
        }
        let corrupt = outstanding.filter { $0.state == .corrupt }.count
        let missing = outstanding.count - corrupt
        let summary = [corrupt > 0 ? "\(corrupt) corrupt" : nil, missing > 0 ? "\(missing) missing" : nil].compactMap { $0 }.joined(separator: ", ")
        let tried = outstanding.contains { $0.unrepairable != nil } || outstanding.allSatisfy { !$0.uses.contains { $0.role.hasPrefix("output") } }
        return Check(name: "blobs", status: "error", detail: "\(checked): \(summary)" + (repaired > 0 ? "; repaired \(repaired)" : ""),
            fix: tried ? "Restore the data dir's blobs/ from a backup, or delete the versions listed (sitectl versions delete SITE@N)."
                : "sitectl doctor --fix   (rebuilds damaged output files from each version's source)")
    }

    /// Tools the daemon and the tests use: their absence degrades a feature, it breaks nothing.
    /// The context in use: credentials file mode, reachable, version skew, logged in, session expiry.
    func contextChecks() async -> [Check] {
        var checks: [Check] = []
        let directory = ConfigDirectory(override: global.configDir)
        let credentialsPath = directory.credentialsFile.path
        var info = stat()
        if stat(credentialsPath, &info) == 0, info.st_mode & 0o077 != 0 {
            if fix, chmod(credentialsPath, 0o600) == 0 {
                checks.append(Check(name: "credentials", status: "ok", detail: "\(credentialsPath) made private (was mode \(String(info.st_mode & 0o777, radix: 8)))"))
            } else {
                checks.append(Check(name: "credentials", status: "error",
                    detail: "\(credentialsPath) is readable by other users (mode \(String(info.st_mode & 0o777, radix: 8))): sitectl refuses to use it",
                    fix: "chmod 600 \(credentialsPath)   (or sitectl doctor --fix)"))
            }
        }
        let client: APIClient
        do {
            client = try global.client()
        } catch let error as ClientError {
            checks.append(Check(name: "context", status: "error", detail: error.message, fix: error.hint))
            return checks
        } catch {
            checks.append(Check(name: "context", status: "error", detail: Self.oneLine(error), fix: "sitectl context list"))
            return checks
        }
        let name = client.contextName
        let status: DaemonStatus
        do {
            status = try await client.status()
        } catch let error as ClientError {
            let isLocal = name == "local"
            checks.append(Check(
                name: "context", status: isLocal ? "info" : "error", detail: "\(name): \(error.message)",
                fix: error.hint ?? "sitectl context test \(name)"))
            return checks
        } catch {
            checks.append(Check(name: "context", status: "error", detail: "\(name): \(Self.oneLine(error))", fix: "sitectl context test \(name)"))
            return checks
        }
        checks.append(Check(name: "context", status: "ok", detail: "\(name): \(client.endpoint) answers (daemon \(status.version), API \(status.apiAddress))"))
        if status.version != SitectlVersion.current {
            checks.append(Check(name: "versions", status: "warning",
                detail: "client \(SitectlVersion.current), daemon \(status.version)", fix: "Upgrade the older one so both match."))
        }
        let session = try? client.credentials.session(for: name)
        if client.staticToken == nil, session == nil {
            checks.append(Check(name: "login", status: "info", detail: "not logged in on \(name)", fix: client.loginHintText))
            return checks
        }
        do {
            let user = try await client.me()
            var detail = "\(user.email)" + (client.staticToken != nil ? " (SITECTL_TOKEN)" : "")
            var state = "ok"
            var advice: String?
            if client.staticToken == nil, let session, !session.refreshToken.isEmpty {
                let days = session.refreshExpiresAt.timeIntervalSinceNow / 86400
                detail += ", session renews until \(APIJSON.formatDate(session.refreshExpiresAt))"
                if days < 3 {
                    state = "warning"
                    advice = client.loginHintText + "   (the session ends in \(max(0, Int(days * 24))) hours)"
                }
            } else if client.staticToken == nil {
                detail += " (API token)"
            }
            checks.append(Check(name: "login", status: state, detail: detail, fix: advice))
        } catch let error as ClientError {
            checks.append(Check(name: "login", status: "error", detail: error.message, fix: error.hint))
        } catch {
            checks.append(Check(name: "login", status: "error", detail: Self.oneLine(error), fix: client.loginHintText))
        }
        return checks
    }

    static func toolChecks() -> [Check] {
        let tools: [(String, [String], String)] = [
            ("chromium", ["chromium", "chromium-browser", "google-chrome"], "browser checks are skipped without it: apt-get install chromium"),
            ("bubblewrap", ["bwrap"], "command agents run unsandboxed without it: apt-get install bubblewrap"),
            ("ssh", ["ssh"], "ssh:// contexts need it: apt-get install openssh-client"),
            ("tmux", ["tmux"], "only the TUI tests use it: apt-get install tmux"),
        ]
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return tools.map { name, programs, fix in
            let candidates = programs.flatMap { program in path.map { directory in directory + "/" + program } }
            let found = candidates.first { (candidate: String) in access(candidate, X_OK) == 0 }
            return found.map { Check(name: name, status: "ok", detail: $0, fix: nil) }
                ?? Check(name: name, status: "warning", detail: "not found on PATH", fix: fix)
        }
    }
}
