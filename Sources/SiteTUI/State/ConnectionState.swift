package import Foundation
import SiteAPI

/// Whether the TUI hears the daemon: the event stream is the heartbeat of the whole UI, so its state is the
/// connection's state.
package enum ConnectionState: Equatable, Sendable {
    /// Subscribing for the first time.
    case connecting
    /// Events are flowing.
    case live
    /// The daemon stopped answering at `since` (the first failure, kept across retries); the TUI retries with
    /// backoff and shows the last data it had.
    case down(since: Date, reason: String)
    /// The session was refused (expired or revoked); retrying cannot help, signing in again can.
    case signedOut(reason: String)

    package var isLive: Bool { self == .live }

    /// When the daemon went away, if it has.
    package var downSince: Date? {
        if case .down(let since, _) = self { return since }
        return nil
    }
}

extension AppState {
    /// A one-line description for banners over stale data, such as
    /// `daemon unreachable since 12:04 — retrying (connection refused)`; nil while connected.
    package func connectionBanner(in timeZone: TimeZone) -> String? {
        switch connection {
        case .connecting, .live:
            return nil
        case .down(let since, let reason):
            return "daemon unreachable since \(Format.clock(since, in: timeZone)) — retrying (\(reason))"
        case .signedOut(let reason):
            return "signed out: \(reason)"
        }
    }

    mutating func connected() -> [Effect] {
        let wasDown = connection.downSince != nil
        connection = .live
        guard wasDown else { return [] }
        status = StatusMessage("Reconnected to the daemon", kind: .success)
        return reloadAfterReconnect()
    }

    mutating func disconnected(at time: Date, reason: String, signedOut: Bool) {
        if signedOut {
            connection = .signedOut(reason: reason)
            return
        }
        connection = .down(since: connection.downSince ?? time, reason: reason)
    }

    /// Events sent while the TUI was away are gone, so everything on screen is fetched again.
    private func reloadAfterReconnect() -> [Effect] {
        var effects: [Effect] = [.loadSites, .loadActivity]
        if let modal = versions { effects.append(.loadVersions(site: modal.site)) }
        for session in chats.values.sorted(by: { $0.site < $1.site }) {
            if !session.historyLoaded, chatSite == session.site { effects.append(.loadChatHistory(site: session.site)) }
            if let request = session.activeRequest, !request.state.isTerminal { effects.append(.fetchRequest(id: request.id)) }
        }
        return effects
    }
}
