public import Foundation

/// `sitectl daemon dial-stdio`: connects to the daemon's unix socket and copies stdin to it and its answers to
/// stdout, until the daemon closes the connection. Run by ssh on the daemon's machine for an ssh:// context.
public enum StdioBridge {
    /// Bridges stdin/stdout to TCP `host:port` (the daemon's site server, for a preview tunnel).
    public static func run(host: String, port: Int) throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { throw ClientError("Cannot open a socket: \(String(cString: strerror(errno))).") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr(host)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            throw ClientError("The daemon's site server at \(host):\(port) does not answer (\(String(cString: strerror(errno)))).",
                hint: "sitectl daemon status", exitCode: ClientError.Exit.unreachable)
        }
        bridge(socketFD)
    }

    /// Bridges stdin/stdout to `socketPath`; throws (exit 69) when nothing listens there.
    public static func run(socketPath: String) throws {
        guard socketPath.utf8.count < 108 else {
            throw ClientError("The socket path is longer than 107 bytes: \(socketPath)", exitCode: ClientError.Exit.usage)
        }
        guard let socketFD = UnixSocket.connect(socketPath) else {
            let reason = String(cString: strerror(errno))
            throw ClientError(
                "No sitectl daemon is listening at unix://\(socketPath) on \(ProcessInfo.processInfo.hostName) (\(reason)).",
                hint: "Start it there (sitectl daemon start --wait), or give the context its socket: sitectl context update NAME --remote-socket PATH",
                exitCode: ClientError.Exit.unreachable)
        }
        defer { close(socketFD) }
        bridge(socketFD)
    }

    static func bridge(_ socketFD: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let inputOpen = true
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            descriptors[0].fd = inputOpen ? STDIN_FILENO : -1
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if inputOpen, descriptors[0].revents != 0 {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count <= 0 || !SSHTunnel.writeAll(socketFD, buffer, count) {
                    // The client end is gone (its connection closed, or sitectl exited): nothing will read an answer,
                    // so stop now rather than keep a stream (jobs logs -f, events) and this ssh session open.
                    return
                }
            }
            if descriptors[1].revents != 0 {
                let count = read(socketFD, &buffer, buffer.count)
                if count <= 0 { return }
                if !SSHTunnel.writeAll(STDOUT_FILENO, buffer, count) { return }
            }
        }
    }
}
