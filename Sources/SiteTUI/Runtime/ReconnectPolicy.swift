/// How the TUI retries a lost event stream: quickly at first, then every few seconds, and how long a silent stream
/// is trusted before it counts as lost.
package struct ReconnectPolicy: Sendable {
    /// The wait before each retry; the last one repeats.
    package var delays: [Duration]
    /// A stream that brings nothing, not even the daemon's heartbeat, for this long is dropped and reopened (it
    /// catches half-open connections over SSH and HTTPS).
    package var silence: Duration

    package init(delays: [Duration], silence: Duration) {
        self.delays = delays.isEmpty ? [.seconds(1)] : delays
        self.silence = silence
    }

    /// 0.25 s, 0.5 s, 1 s, 2 s, then every 4 s; three missed 15 s heartbeats count as a lost stream.
    package static let standard = ReconnectPolicy(
        delays: [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4)], silence: .seconds(45))

    /// Over ssh each attempt starts an `ssh` process: 1 s, 2 s, then every 4 s.
    package static let overSSH = ReconnectPolicy(delays: [.seconds(1), .seconds(2), .seconds(4)], silence: .seconds(45))

    /// The wait before retry number `attempt` (0 for the first).
    package func delay(attempt: Int) -> Duration { delays[min(max(0, attempt), delays.count - 1)] }
}
