package import Foundation
import SiteAgent
import SiteAPI
package import SiteCompiler
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
    let pool: CompileServerPool
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
        guard FileManager.default.createFile(atPath: input.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BlobError.unwritable(path: folder.path, reason: "cannot create \(input.lastPathComponent)")
        }
        do {
            let handle = try FileHandle(forWritingTo: input)
            defer { try? handle.close() }
            try source.writeArchive(to: handle)
        }
        // A warm child (themes loaded, runtime started) compiles it; a new one is started when none is idle.
        let server = try await pool.checkout()
        guard server.send("\(now.timeIntervalSince1970)\t\(input.path)\t\(output.path)\n") else {
            // It died while idle (the OOM killer, an operator): a fresh one takes the job.
            await pool.discard(server)
            return try await run(source, now: now)
        }
        // The wall-clock limit and cancellation kill the child; its reply (or end of file) ends the wait.
        let timedOut = Flag()
        let wallSeconds = limits.wallSeconds
        let process = server.process
        let watchdog = Task {
            try await Task.sleep(for: .milliseconds(Int(wallSeconds * 1000)))
            timedOut.set()
            process.signalGroup(SIGKILL)
        }
        let reply = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
                Thread.detachNewThread { continuation.resume(returning: server.readLine()) }
            }
        } onCancel: {
            process.signalGroup(SIGKILL)
        }
        watchdog.cancel()
        if reply == "ok" {
            await pool.checkin(server)
            return try CompileChildResult.read(from: output, source: source)
        }
        if reply == nil, !timedOut.isSet, !Task.isCancelled {
            // End of file: the child is exiting (a limit, a crash). Let it finish dying so its own signal is the one
            // recorded, not the kill that cleans up after it.
            for _ in 0..<200 where !server.process.hasExited() { try? await Task.sleep(for: .milliseconds(10)) }
        }
        await pool.discard(server)
        if Task.isCancelled { throw CancellationError() }
        if timedOut.isSet {
            throw ServerError(
                .unprocessableContent, .compileLimit,
                "The compile did not finish within \(Int(limits.wallSeconds)) seconds and was stopped.",
                hint: "Split very large pages, or ask the operator to raise the compile limits.")
        }
        // "fail …": the child could not read the source or write the result (its memory limit, a disk) and said so.
        let termination = reply?.hasPrefix("fail") == true ? .exited(1) : server.termination ?? .exited(1)
        let stderr = reply.map { "child: \($0)" } ?? server.stderrTail()
        switch termination {
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
        try runChild(input: input, output: output, compiler: SiteCompiler(themes: ThemeLibrary(directories: themes)), now: now)
    }

    /// Runs in a warm child: the compiler (and the themes it has loaded) is kept across compiles.
    package static func runChild(input: URL, output: URL, compiler: SiteCompiler, now: Date) throws {
        let source = try SiteFiles(archived: try Data(contentsOf: input, options: .alwaysMapped))
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

/// Warm compile children (`sitectl daemon compile-child --serve`), one per concurrent compile, each recycled after
/// ``maxCompiles``. Starting the runtime and loading the themes cost more than compiling a small site; a warm
/// child keeps the same limits per compile (it sets its CPU limit relative to what it has used, its address
/// space limit is fixed) and the same isolation (a crash or a limit ends the child, not the daemon).
package actor CompileServerPool {
    let executable: String
    let themes: [URL]
    let limits: CompileLimits
    let errorLog: String
    private var idle: [CompileServer] = []
    static let maxCompiles = 100

    package init(executable: String, themes: [URL], limits: CompileLimits, errorLog: String) {
        self.executable = executable
        self.themes = themes
        self.limits = limits
        self.errorLog = errorLog
    }

    func checkout() throws -> CompileServer {
        while let server = idle.popLast() {
            if !server.process.hasExited() { return server }
            server.stop()
        }
        var arguments = [
            executable, "daemon", "compile-child", "--serve", "--cpu-seconds", String(limits.cpuSeconds),
            "--memory-bytes", String(limits.memoryBytes),
        ]
        for theme in themes { arguments += ["--themes", theme.path] }
        var environment: [String: String] = [:]
        for name in ["PATH", "HOME", "LANG", "TMPDIR"] { environment[name] = ProcessInfo.processInfo.environment[name] }
        return try CompileServer.start(arguments, environment: environment, errorLog: errorLog)
    }

    func checkin(_ server: CompileServer) {
        server.compiles += 1
        if server.compiles >= Self.maxCompiles {
            server.stop()
        } else {
            idle.append(server)
        }
    }

    func discard(_ server: CompileServer) {
        server.stop()
    }

    /// Process ids of the idle warm children (tests).
    package func idleProcessIDs() -> [Int32] { idle.map(\.process.pid) }

    /// Stops every idle child (the daemon is stopping; a child also exits on its own when its input closes).
    package func shutdown() {
        for server in idle { server.stop() }
        idle = []
    }
}

/// One warm child and its pipes; used by one compile at a time (the pool hands it out).
final class CompileServer: @unchecked Sendable {
    let process: ChildProcess
    private let requests: Int32
    private let replies: Int32
    private var buffer = Data()
    private let errorLog: String
    var compiles = 0
    private(set) var termination: ChildProcess.Termination?

    private init(process: ChildProcess, requests: Int32, replies: Int32, errorLog: String) {
        self.process = process
        self.requests = requests
        self.replies = replies
        self.errorLog = errorLog
    }

    static func start(_ arguments: [String], environment: [String: String], errorLog: String) throws -> CompileServer {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0 else { throw BlobError.unwritable(path: "pipe", reason: String(cString: strerror(errno))) }
        guard pipe(&output) == 0 else {
            close(input[0]); close(input[1])
            throw BlobError.unwritable(path: "pipe", reason: String(cString: strerror(errno)))
        }
        // Our ends are not inherited by other children (agents, Chromium); the child's ends are dup2'ed into it.
        for descriptor in input + output { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        defer { close(input[0]); close(output[1]) }
        do {
            let process = try ChildProcess.spawn(
                arguments, environment: environment, stdinDescriptor: input[0], stdoutDescriptor: output[1], stderr: errorLog)
            return CompileServer(process: process, requests: input[1], replies: output[0], errorLog: errorLog)
        } catch {
            close(input[1]); close(output[0])
            throw error
        }
    }

    /// Writes one request line; false when the child is gone (EPIPE).
    func send(_ line: String) -> Bool {
        var data = Array(line.utf8)
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeMutableBytes { write(requests, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Blocks until the child answers a line; nil at end of file (the child died). Call off the cooperative pool.
    func readLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[(newline + 1)...])
                return line
            }
            let count = chunk.withUnsafeMutableBytes { read(replies, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Kills and reaps the child and closes its pipes; records how it ended.
    func stop() {
        close(requests)
        close(replies)
        termination = process.reap()
    }

    /// The end of the children's shared error log, for a crash's cause.
    func stderrTail() -> String {
        guard let data = FileManager.default.contents(atPath: errorLog) else { return "" }
        return String(decoding: data.suffix(2000), as: UTF8.self)
    }

}
