internal import Foundation

/// Wall-clock time per build phase on standard error when `SITECTL_TIMINGS` is set: for finding where a slow build
/// spends its time, without a profiler.
package struct PhaseTimer {
    private static let enabled = ProcessInfo.processInfo.environment["SITECTL_TIMINGS"] != nil
    private var last = Date()

    package init() {}

    /// Prints the time since the previous mark (or creation) under `name`.
    package mutating func mark(_ name: String) {
        guard Self.enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "timing %-14@ %7.1f ms\n", name, now.timeIntervalSince(last) * 1000).utf8))
        last = now
    }
}
