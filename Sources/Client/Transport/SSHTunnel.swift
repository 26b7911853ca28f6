public import Foundation

/// The ssh transport: a private unix socket in this process that the HTTP client connects to; every connection
/// accepted there runs `ssh … HOST sitectl daemon dial-stdio` and copies bytes both ways, so HTTP (streams
/// included) goes over the child's stdin and stdout (docker's model). The system `ssh` does the connecting, so
/// `~/.ssh/config`, agents, known_hosts and ProxyJump all apply; a shared master connection (ControlMaster) makes
/// every connection after the first cheap. When ssh fails, its last stderr line is kept for the error message.
public final class SSHTunnel: @unchecked Sendable {
    public let target: SSHTarget
    let program: [String]
    private let lock = NSLock()
    private var socketPath: String?
    private var directory: String?
    private var failure: String?
    private var remoteHint: String?
    private var connections = 0

    public init(target: SSHTarget, program: [String] = SSHTarget.sshProgram()) {
        self.target = target
        self.program = program
    }

    /// The last ssh failure since the last success: ssh's last stderr line (or its exit status).
    public var lastFailure: String? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// What to do about the last failure: the remote sitectl's own hint, or one for a missing remote program.
    public var lastHint: String? {
        lock.lock()
        defer { lock.unlock() }
        if let remoteHint { return remoteHint }
        guard let failure else { return nil }
        if failure.contains("command not found") || (failure.contains(target.remoteBin) && failure.contains("No such file")) {
            return "Install sitectl on \(target.host), or point the context at it: sitectl context update NAME --remote-bin /path/to/sitectl"
        }
        if failure.contains("Permission denied") || failure.contains("Host key verification failed") {
            return "Check that `ssh \(target.user.map { $0 + "@" } ?? "")\(target.host)` works in a terminal (keys, known_hosts, ~/.ssh/config)"
        }
        return nil
    }

    /// Binds the local socket (once) and returns its path.
    public func start() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let socketPath { return socketPath }
        let directory = try Self.makePrivateDirectory()
        let path = directory + "/api.sock"
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw ClientError("Cannot open a socket for the ssh tunnel: \(String(cString: strerror(errno))).") }
        guard path.utf8.count < 108 else {
            close(listener)
            throw ClientError("The temporary folder's path is too long for a socket: \(path).", hint: "Set TMPDIR=/tmp")
        }
        let bound = UnixSocket.withAddress(path) { bind(listener, $0, $1) }
        guard bound == 0, listen(listener, 32) == 0 else {
            close(listener)
            throw ClientError("Cannot listen on \(path) for the ssh tunnel: \(String(cString: strerror(errno))).")
        }
        self.directory = directory
        self.socketPath = path
        let thread = Thread { [self] in acceptLoop(listener) }
        thread.name = "ssh-tunnel"
        thread.start()
        return path
    }

    /// Listens on 127.0.0.1:`port` (0: any free port) instead, for a browser (`versions preview` over ssh);
    /// returns the port.
    public func startTCP(port: Int) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        directory = try Self.makePrivateDirectory()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw ClientError("Cannot open a socket: \(String(cString: strerror(errno))).") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        guard bound == 0, listen(listener, 32) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw ClientError("Cannot listen on 127.0.0.1:\(port): \(reason).", hint: "Choose another --port, or 0 for any free one.",
                exitCode: ClientError.Exit.usage)
        }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let thread = Thread { [self] in acceptLoop(listener) }
        thread.name = "ssh-tunnel-tcp"
        thread.start()
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A private folder for this process's tunnel socket and ssh's error files: `sitectl-tunnel-<pid>-XXXXXX` under
    /// `$XDG_RUNTIME_DIR` (else the temporary folder). Folders of processes that are gone (killed before they could
    /// clean up) are removed first.
    static func makePrivateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        var base = NSTemporaryDirectory()
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty, runtime.utf8.count < 60 { base = runtime }
        if !base.hasSuffix("/") { base += "/" }
        removeStaleDirectories(in: base)
        var template = Array(base.utf8CString.dropLast()) + Array("sitectl-tunnel-\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ClientError("Cannot make a private folder for the ssh tunnel in \(base): \(String(cString: strerror(errno))).")
        }
        let directory = String(cString: made)
        TunnelCleanup.register(directory)
        return directory
    }

    static func removeStaleDirectories(in base: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix("sitectl-tunnel-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = pid_t(parts[2]), pid != getpid() else { continue }
            var info = stat()
            let path = base + name
            guard lstat(path, &info) == 0, info.st_uid == getuid(), info.st_mode & S_IFMT == S_IFDIR else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    private func acceptLoop(_ listener: Int32) {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    /// The folder for ssh's shared master connections: private, owned by this user, short enough for a socket.
    static func controlDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let base: String
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty, runtime.utf8.count < 50 {
            base = runtime + "/sitectl-ssh"
        } else {
            base = "/tmp/sitectl-ssh-\(getuid())"
        }
        mkdir(base, 0o700)
        var info = stat()
        // Refuse a folder someone else made (or a symlink): ssh would put the master socket where they choose.
        guard lstat(base, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            return nil
        }
        return base
    }

    private func serve(_ client: Int32) {
        let serial: Int = {
            lock.lock()
            defer { lock.unlock() }
            connections += 1
            TunnelCleanup.highestSerial = max(TunnelCleanup.highestSerial, connections)
            return connections
        }()
        guard let directory = lock.withLock({ self.directory }) else { close(client); return }
        let errorPath = directory + "/ssh-\(serial).err"
        defer { unlink(errorPath) }
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard Self.privatePipe(&toChild) else { record("cannot make a pipe: \(String(cString: strerror(errno)))"); close(client); return }
        guard Self.privatePipe(&fromChild) else {
            close(toChild[0]); close(toChild[1]); close(client)
            record("cannot make a pipe: \(String(cString: strerror(errno)))")
            return
        }
        let arguments = target.arguments(program: program, controlDirectory: Self.controlDirectory())
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else of this process reaches ssh (nor the master connection it may leave running).
        let keep = Set([toChild[0], fromChild[1]])
        for descriptor in Self.openDescriptors() where descriptor > 2 && !keep.contains(descriptor) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        // ssh gets its own process group: Ctrl-C in the terminal stops sitectl, which closes the pipes, and ssh ends then.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        argv.forEach { free($0) }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            record("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
            close(toChild[1]); close(fromChild[0]); close(client)
            return
        }
        var childInput = toChild[1]
        let childOutput = fromChild[0]
        var clientOpen = true
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var descriptors = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: childOutput, events: Int16(POLLIN), revents: 0)]
        loop: while true {
            descriptors[0].fd = clientOpen ? client : -1
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if clientOpen, descriptors[0].revents != 0 {
                let count = read(client, &buffer, buffer.count)
                if count <= 0 || !Self.writeAll(childInput, buffer, count) {
                    clientOpen = false
                    close(childInput)
                    childInput = -1
                }
            }
            if descriptors[1].revents != 0 {
                let count = read(childOutput, &buffer, buffer.count)
                if count <= 0 { break loop }
                if !Self.writeAll(client, buffer, count) {
                    kill(pid, SIGTERM)
                    break loop
                }
            }
        }
        if childInput >= 0 { close(childInput) }
        close(childOutput)
        // Wait for ssh before closing the client's connection, so a failure is recorded before the client sees it.
        let status = Self.wait(pid, seconds: 10)
        if status == 0 {
            lock.withLock { failure = nil; remoteHint = nil }
        } else {
            let line = Self.lastLine(ofFile: errorPath)
            let hint = Self.remoteHint(ofFile: errorPath)
            lock.withLock { remoteHint = hint }
            record(line ?? (status < 0 ? "ssh did not exit" : "ssh exited with status \(status)"))
        }
        close(client)
    }

    /// A pipe whose ends are closed in children (marked close-on-exec).
    static func privatePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    static func openDescriptors() -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    private func record(_ line: String) { lock.withLock { failure = line } }

    static func writeAll(_ descriptor: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// The child's exit status (a signal as 128+N), or -1 when it did not exit within `seconds` (it is killed then).
    static func wait(_ pid: pid_t, seconds: Double) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                if status & 0x7f == 0 { return (status >> 8) & 0xff }
                return 128 + (status & 0x7f)
            }
            if result < 0 && errno != EINTR { return -1 }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return -1
            }
            usleep(10_000)
        }
    }

    /// The remote sitectl's "Hint:" line, when it wrote one.
    static func remoteHint(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data.suffix(8192), as: UTF8.self).split(whereSeparator: \.isNewline)
            .last { $0.hasPrefix("Hint:") }.map { String($0.dropFirst("Hint:".count)).trimmingCharacters(in: .whitespaces) }
    }

    /// The last non-empty line ssh wrote to stderr (what it says when it fails: "Connection refused", …).
    static func lastLine(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data.suffix(8192), as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // A remote sitectl's "Hint:" line is less telling than its "Error:" line.
        if let error = lines.last(where: { $0.hasPrefix("Error:") }) { return String(error.dropFirst("Error:".count)).trimmingCharacters(in: .whitespaces) }
        return lines.last.map { String($0.prefix(400)) }
    }
}

/// Removes the tunnels' private folders when the process exits.
enum TunnelCleanup {
    nonisolated(unsafe) private static var directories: [String] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// The folders as C strings, for the signal handler (which must not allocate).
    nonisolated(unsafe) private static var cPaths: [UnsafeMutablePointer<CChar>] = []

    static func register(_ directory: String) {
        lock.withLock {
            directories.append(directory)
            cPaths.append(strdup(directory))
            if !installed {
                installed = true
                atexit { TunnelCleanup.removeAll() }
                // Ctrl-C, SIGTERM, SIGHUP: remove the folders (their socket and ssh's error files), then die of the
                // signal as before.
                for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
                    signal(signalNumber) { received in
                        TunnelCleanup.removeFromSignal()
                        signal(received, SIG_DFL)
                        raise(received)
                    }
                }
            }
        }
    }

    /// The most connections any tunnel of this process has opened (names its `ssh-N.err` files).
    nonisolated(unsafe) static var highestSerial = 0
    /// Preallocated: the signal handler must not allocate.
    nonisolated(unsafe) private static let scratch = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)

    /// unlink and rmdir only, on names built in a preallocated buffer (async-signal-safe).
    static func removeFromSignal() {
        /// Writes `text` at `cursor` and returns the position after it.
        func append(_ text: StaticString, at cursor: Int) -> Int {
            var position = cursor
            text.withUTF8Buffer { bytes in
                for byte in bytes { scratch[position] = CChar(bitPattern: byte); position += 1 }
            }
            return position
        }
        for path in cPaths {
            var length = 0
            while path[length] != 0, length < 4000 { scratch[length] = path[length]; length += 1 }
            scratch[length] = 0x2F  // "/"
            scratch[append("api.sock", at: length + 1)] = 0
            unlink(scratch)
            var serial = 1
            while serial <= min(highestSerial, 9999) {
                var cursor = append("ssh-", at: length + 1)
                var divisor = 1
                while serial / divisor >= 10 { divisor *= 10 }
                while divisor > 0 {
                    scratch[cursor] = CChar(48 + (serial / divisor) % 10)
                    cursor += 1
                    divisor /= 10
                }
                scratch[append(".err", at: cursor)] = 0
                unlink(scratch)
                serial += 1
            }
            rmdir(path)
        }
    }

    static func removeAll() {
        let list = lock.withLock { directories }
        for directory in list { try? FileManager.default.removeItem(atPath: directory) }
    }
}
