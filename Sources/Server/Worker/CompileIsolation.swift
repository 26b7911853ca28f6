package import Foundation
import SiteAgent
import SiteAPI
import SiteCompiler
import HTTPTypes
import Synchronization

/// Where compiles run. Site sources come from accounts and agents, so a compile is untrusted work: it must not
/// starve serving or the API, and one that runs away must be stopped.
package enum CompileIsolation: Sendable, Equatable {
    /// On a Dispatch thread, off the cooperative pool that serves requests; no CPU or memory limit (tests).
    case inProcess
    /// In a child process of `executable` (`sitectl daemon compile-child`), niced, with CPU-time and
    /// address-space limits; the daemon's default.
    case childProcess(executable: String)
}

/// Limits on one compile (operator-configurable: `daemon start --compile-cpu-seconds`, `--compile-memory-mb`).
package struct CompileLimits: Sendable, Equatable {
    /// CPU seconds (RLIMIT_CPU) of the compile child.
    /// Kept under the CLI's two-minute wait, so a user sees this limit named rather than a timeout.
    package var cpuSeconds = 60
    /// Address space of the compile child, in bytes (RLIMIT_AS).
    package var memoryBytes = 4 << 30
    /// Wall-clock seconds before the child is killed (a compile blocked on I/O uses no CPU).
    package var wallSeconds: Double = 90
    /// Compiles at once across the daemon; more wait their turn.
    package var concurrent = 1

    package init() {}
}

/// The parent's side of a compile child: hands the source over in a scratch folder, waits within the limits,
/// reads the result back.
struct CompileChild: Sendable {
    let executable: String
    let themes: [URL]
    let limits: CompileLimits
    let scratch: URL

    func run(_ source: SiteFiles, now: Date) async throws -> BuiltSite {
        let folder = scratch.appendingPathComponent("compile-\(UUID().uuidString)")
        // A full or read-only work folder is said in one line naming it, like the blob store's failures.
        if mkdir(folder.path, 0o700) != 0 {
            let reason = String(cString: strerror(errno))
            if errno != ENOENT { throw BlobError.unwritable(path: scratch.path, reason: reason) }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw BlobError.unwritable(path: scratch.path, reason: reason)
            }
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("source.bin")
        let output = folder.appendingPathComponent("result.bin")
        let errors = folder.appendingPathComponent("stderr.txt")
        guard FileManager.default.createFile(atPath: input.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BlobError.unwritable(path: folder.path, reason: "cannot create \(input.lastPathComponent)")
        }
        do {
            let handle = try FileHandle(forWritingTo: input)
            defer { try? handle.close() }
            try source.writeArchive(to: handle)
        }
        var arguments = [
            executable, "daemon", "compile-child", "--now", String(now.timeIntervalSince1970),
            "--cpu-seconds", String(limits.cpuSeconds), "--memory-bytes", String(limits.memoryBytes),
        ]
        for theme in themes { arguments += ["--themes", theme.path] }
        arguments += [input.path, output.path]
        var environment: [String: String] = [:]
        for name in ["PATH", "HOME", "LANG", "TMPDIR"] { environment[name] = ProcessInfo.processInfo.environment[name] }
        let process = try ChildProcess.spawn(
            arguments, environment: environment, directory: folder.path, stdin: nil, stdout: "/dev/null", stderr: errors.path)
        // The exit is noticed the moment it happens (a thread blocks in waitid) rather than by polling, which
        // added up to a poll interval to every job; the wall-clock limit and cancellation kill the group.
        let timedOut = Flag()
        let wallSeconds = limits.wallSeconds
        let watchdog = Task {
            try await Task.sleep(for: .milliseconds(Int(wallSeconds * 1000)))
            timedOut.set()
            process.signalGroup(SIGKILL)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    process.waitForExit()
                    continuation.resume()
                }
            }
        } onCancel: {
            process.signalGroup(SIGKILL)
        }
        watchdog.cancel()
        let termination = process.reap()
        if Task.isCancelled { throw CancellationError() }
        if timedOut.isSet {
            throw ServerError(
                .unprocessableContent, .compileLimit,
                "The compile did not finish within \(Int(limits.wallSeconds)) seconds and was stopped.",
                hint: "Split very large pages, or ask the operator to raise the compile limits.")
        }
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        switch termination {
        case .exited(0):
            return try CompileChildResult.read(from: output, source: source)
        case .signalled(SIGKILL):
            // Not our limits (the CPU limit is SIGXCPU, the wall limit is reported above): the system's
            // out-of-memory killer or an operator stopped it.
            throw ServerError(
                .serviceUnavailable, .unavailable,
                "The compile process was killed before it finished (by the system's out-of-memory killer or an operator). Nothing was stored.",
                hint: "Send the request again; if it keeps happening, the operator should check the machine's free memory.", cause: stderr)
        case .signalled(SIGXCPU):
            throw ServerError(
                .unprocessableContent, .compileLimit,
                "The compile used more than its \(limits.cpuSeconds) seconds of CPU time and was stopped.",
                hint: "Split very large pages, or ask the operator to raise --compile-cpu-seconds.", cause: stderr)
        default:
            throw ServerError(
                .unprocessableContent, .compileLimit,
                "The compile \(termination): it went over its \(limits.memoryBytes >> 20) MB memory limit or crashed.",
                hint: "Make very large files smaller, or ask the operator to raise --compile-memory-mb.", cause: String(stderr.suffix(2000)))
        }
    }
}

/// What a compile child writes back: a length-prefixed JSON header (findings, status, log, or the compile error)
/// followed by the output tree (``SiteFiles/archived()``).
package struct CompileChildResult: Codable {
    var findings: [CheckFinding] = []
    var checkStatus: CheckStatus = .passed
    var log: [String] = []
    var errorCode: String?
    var errorMessage: String?

    /// Runs in the child: compiles `input` and writes the result to `output`.
    package static func runChild(input: URL, output: URL, themes: [URL], now: Date) throws {
        let source = try SiteFiles(archived: try Data(contentsOf: input, options: .alwaysMapped))
        let compiler = SiteCompiler(themes: ThemeLibrary(directories: themes))
        var header = CompileChildResult()
        var tree = SiteFiles()
        do {
            let built = try BuildPipeline.compileNow(source, compiler: compiler, now: now)
            header.findings = built.findings
            header.checkStatus = built.checkStatus
            header.log = built.log
            tree = built.output
        } catch let error as ServerError {
            header.errorCode = error.code.rawValue
            header.errorMessage = error.message
        }
        let json = try JSONEncoder().encode(header)
        var data = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        guard FileManager.default.createFile(atPath: output.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try tree.writeArchive(to: handle)
    }

    /// Reads the result mapped from disk: the output's files stay slices of the mapping until they are stored.
    static func read(from url: URL, source: SiteFiles) throws -> BuiltSite {
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        guard data.count >= 8, data.startIndex == 0 else { throw ServerError(.internalServerError, .internal, "The compile child wrote no result.") }
        var length: UInt64 = 0
        for (index, byte) in data.prefix(8).enumerated() { length |= UInt64(byte) << (8 * UInt64(index)) }
        guard length <= UInt64(data.count - 8) else { throw ServerError(.internalServerError, .internal, "The compile child's result is truncated.") }
        let headerEnd = 8 + Int(length)
        let header = try JSONDecoder().decode(CompileChildResult.self, from: data[8..<headerEnd])
        if let message = header.errorMessage {
            throw ServerError(.unprocessableContent, header.errorCode.flatMap(ErrorCode.init(rawValue:)) ?? .compileFailed, message)
        }
        let output = try SiteFiles(archived: data[headerEnd...])
        return BuiltSite(source: source, output: output, findings: header.findings, checkStatus: header.checkStatus, log: header.log)
    }
}

/// A one-way flag shared with a watchdog task.
private final class Flag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var isSet: Bool { state.withLock { $0 } }
}
