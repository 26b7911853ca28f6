import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on
/// its fd 3, replies and events on its fd 4, each message a JSON object ended by a NUL byte), reused for every
/// page of every version: starting Chromium costs seconds, a page in a running one costs milliseconds.
///
/// Each page gets its own target (tab) and flat session, so concurrent jobs do not see each other's events.
/// When Chromium dies the session is marked closed and ``ChromiumSessions`` starts a new one on next use.
final class ChromiumSession: Sendable {
    struct Event: Sendable {
        var method: String
        var params: Data
    }

    private struct State {
        var nextID = 1
        var pending: [Int: CheckedContinuation<Data, any Error>] = [:]
        var listeners: [String: AsyncStream<Event>.Continuation] = [:]
        var closed = false
    }

    let pid: pid_t
    private let commands: Int32
    private let profile: URL
    private let state = Mutex(State())

    private init(pid: pid_t, commands: Int32, replies: Int32, profile: URL) {
        self.pid = pid
        self.commands = commands
        self.profile = profile
        let reader = Thread { [self] in self.read(replies) }
        reader.name = "sitectl-chromium-reader"
        reader.start()
    }

    var isAlive: Bool { !state.withLock { $0.closed } }

    /// Starts Chromium with a fresh profile and a minimal environment.
    static func launch(executable: String) throws -> ChromiumSession {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
            throw BrowserCheckError("could not create pipes for Chromium: \(String(cString: strerror(errno)))")
        }
        // Only the child's copies (placed at 3 and 4) may cross into other processes.
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        // Chromium's own sandbox needs a non-root user; as root (containers, CI) it only runs without it.
        var arguments = [
            executable, "--headless=new", "--remote-debugging-pipe", "--disable-gpu", "--disable-dev-shm-usage",
            "--user-data-dir=\(profile.appendingPathComponent("profile").path)", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--mute-audio", "--window-size=1280,800", "about:blank",
        ]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 2) }
        let environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": profile.path, "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": profile.appendingPathComponent("config").path, "XDG_CACHE_HOME": profile.appendingPathComponent("cache").path,
        ]
        let pid: pid_t
        do {
            pid = try ChromiumRunner.spawn(arguments, stderr: "/dev/null", descriptors: [3: toChild[0], 4: fromChild[1]], environment: environment)
        } catch {
            for descriptor in toChild + fromChild { Glibc.close(descriptor) }
            try? FileManager.default.removeItem(at: profile)
            throw error
        }
        Glibc.close(toChild[0])
        Glibc.close(fromChild[1])
        return ChromiumSession(pid: pid, commands: toChild[1], replies: fromChild[0], profile: profile)
    }

    /// Sends a command (to the browser, or to a page's `session`) and returns its `result` as JSON.
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Duration = .seconds(10)) async throws -> Data {
        var message: [String: Any] = ["method": method, "params": params]
        if let session { message["sessionId"] = session }
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            return state.nextID
        }
        message["id"] = id
        var bytes = try JSONSerialization.data(withJSONObject: message)
        bytes.append(0)
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.fail(id, BrowserCheckError("timed out: Chromium did not answer \(method) within \(timeout)"))
            // A browser that does not answer a browser-level command is hung: the next page gets a new one.
            if session == nil { self?.close() }
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let closed = state.withLock { state -> Bool in
                if state.closed { return true }
                state.pending[id] = continuation
                return false
            }
            if closed {
                continuation.resume(throwing: BrowserCheckError("Chromium is not running"))
                return
            }
            let written = bytes.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let count = write(commands, buffer.baseAddress! + offset, buffer.count - offset)
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { return false }
                    offset += count
                }
                return true
            }
            if !written { fail(id, BrowserCheckError("Chromium closed its pipe")) }
        }
    }

    /// The events of one page session, from now until `stopListening`.
    func listen(_ session: String) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        state.withLock { $0.listeners[session] = continuation }
        return stream
    }

    func stopListening(_ session: String) {
        state.withLock { $0.listeners.removeValue(forKey: session) }?.finish()
    }

    /// Kills Chromium and removes its profile.
    func close() {
        kill(-pid, SIGKILL)
        markClosed(BrowserCheckError("Chromium was stopped"))
        try? FileManager.default.removeItem(at: profile)
    }

    private func fail(_ id: Int, _ error: any Error) {
        state.withLock { $0.pending.removeValue(forKey: id) }?.resume(throwing: error)
    }

    private func markClosed(_ error: any Error) {
        let (pending, listeners) = state.withLock { state -> ([CheckedContinuation<Data, any Error>], [AsyncStream<Event>.Continuation]) in
            state.closed = true
            defer {
                state.pending.removeAll()
                state.listeners.removeAll()
            }
            return (Array(state.pending.values), Array(state.listeners.values))
        }
        for continuation in pending { continuation.resume(throwing: error) }
        for listener in listeners { listener.finish() }
    }

    /// The reader thread: splits replies on NUL and routes them; at end of file the browser is gone.
    private func read(_ descriptor: Int32) {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.append(contentsOf: chunk[0..<count])
            while let end = buffer.firstIndex(of: 0) {
                let message = buffer[buffer.startIndex..<end]
                buffer.removeSubrange(buffer.startIndex...end)
                route(Data(message))
            }
        }
        Glibc.close(descriptor)
        Glibc.close(commands)
        markClosed(BrowserCheckError("Chromium exited"))
        var status: Int32 = 0
        // The whole process group: Chromium leaves helpers (zygote, renderers) behind otherwise.
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        try? FileManager.default.removeItem(at: profile)
    }

    private func route(_ message: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any] else { return }
        if let id = object["id"] as? Int {
            let continuation = state.withLock { $0.pending.removeValue(forKey: id) }
            if let error = object["error"] as? [String: Any] {
                continuation?.resume(throwing: BrowserCheckError("Chromium: \(error["message"] as? String ?? "error")"))
            } else {
                let result = (try? JSONSerialization.data(withJSONObject: object["result"] ?? [:])) ?? Data("{}".utf8)
                continuation?.resume(returning: result)
            }
        } else if let method = object["method"] as? String, let session = object["sessionId"] as? String {
            let params = (try? JSONSerialization.data(withJSONObject: object["params"] ?? [:])) ?? Data("{}".utf8)
            _ = state.withLock { $0.listeners[session] }?.yield(Event(method: method, params: params))
        }
    }

    // MARK: - Pages

    /// What loading one page produced.
    struct PageLoad: Sendable {
        var consoleErrors: [String]
        var screenshot: Data?
    }

    /// Opens `url` in a new tab at 1280×800, waits for its load event, collects console errors and uncaught
    /// exceptions, optionally takes a PNG screenshot, and closes the tab.
    func load(_ url: String, screenshot: Bool, timeout: Duration) async throws -> PageLoad {
        let deadline = ContinuousClock.now + timeout
        func remaining() -> Duration { max(.milliseconds(1), deadline - ContinuousClock.now) }
        let target = try Self.object(await send("Target.createTarget", ["url": "about:blank"], timeout: remaining()))
        guard let targetID = target["targetId"] as? String else { throw BrowserCheckError("Chromium opened no tab") }
        defer { Task { _ = try? await self.send("Target.closeTarget", ["targetId": targetID]) } }
        let attached = try Self.object(await send("Target.attachToTarget", ["targetId": targetID, "flatten": true], timeout: remaining()))
        guard let session = attached["sessionId"] as? String else { throw BrowserCheckError("Chromium attached no session") }
        let events = listen(session)
        defer { stopListening(session) }
        _ = try await send("Runtime.enable", session: session, timeout: remaining())
        _ = try await send("Page.enable", session: session, timeout: remaining())
        _ = try await send("Emulation.setDeviceMetricsOverride", ["width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false],
                           session: session, timeout: remaining())
        let navigation = try Self.object(await send("Page.navigate", ["url": url], session: session, timeout: remaining()))
        if let error = navigation["errorText"] as? String { throw BrowserCheckError("\(url) did not load: \(error)") }
        let (loaded, errors) = try await withThrowingTaskGroup(of: (Bool, [String]).self) { group in
            group.addTask {
                var collected: [String] = []
                for await event in events {
                    if event.method == "Page.loadEventFired" { return (true, collected) }
                    if let message = Self.consoleError(event) { collected.append(message) }
                }
                return (false, collected)
            }
            group.addTask {
                try await Task.sleep(for: remaining())
                return (false, [])
            }
            let first = try await group.next() ?? (false, [])
            group.cancelAll()
            return first
        }
        guard loaded else { throw BrowserCheckError("timed out: \(url) did not finish loading within \(timeout)") }
        var png: Data?
        if screenshot {
            let shot = try Self.object(await send("Page.captureScreenshot", ["format": "png"], session: session, timeout: remaining()))
            png = (shot["data"] as? String).flatMap { Data(base64Encoded: $0) }
        }
        return PageLoad(consoleErrors: errors, screenshot: png)
    }

    /// A console error or uncaught exception from a page event, as text.
    static func consoleError(_ event: Event) -> String? {
        guard let params = try? JSONSerialization.jsonObject(with: event.params) as? [String: Any] else { return nil }
        switch event.method {
        case "Runtime.consoleAPICalled":
            guard params["type"] as? String == "error" else { return nil }
            let args = (params["args"] as? [[String: Any]] ?? []).map { arg in
                (arg["value"].map { "\($0)" }) ?? (arg["description"] as? String) ?? ""
            }
            var text = args.joined(separator: " ")
            if text.hasPrefix(CheckServer.consoleErrorTag) { text.removeFirst(CheckServer.consoleErrorTag.count) }
            return text
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"] as? [String: Any]
            let exception = details?["exception"] as? [String: Any]
            let description = exception?["description"] as? String ?? details?["text"] as? String ?? "exception"
            return description.hasPrefix("Uncaught") ? description : "Uncaught " + description
        default:
            return nil
        }
    }

    static func object(_ data: Data) throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}

/// The daemon's Chromium sessions, one per executable, started on first use and restarted when one dies.
final class ChromiumSessions: Sendable {
    static let shared = ChromiumSessions()
    private let sessions = Mutex<[String: ChromiumSession]>([:])

    func session(for executable: String) throws -> ChromiumSession {
        try sessions.withLock { sessions in
            if let running = sessions[executable], running.isAlive { return running }
            let started = try ChromiumSession.launch(executable: executable)
            sessions[executable] = started
            return started
        }
    }

    /// Stops every session (graceful shutdown of the daemon).
    func closeAll() {
        let all = sessions.withLock { sessions in
            defer { sessions.removeAll() }
            return Array(sessions.values)
        }
        for session in all { session.close() }
    }
}
