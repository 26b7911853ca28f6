import Foundation
import ServiceLifecycle
import SiteCompiler

/// Polls a site folder (and the theme folders) for changes and rebuilds incrementally after each one, so
/// `sitectl serve --watch` shows every save. A failed build is reported and the last good one stays up.
struct SourceWatcher: Service {
    /// The site folder.
    let directory: URL
    /// Theme folders, watched too so theme authors see their edits.
    let themeDirectories: [URL]
    /// Builds the folder's current files.
    let rebuild: @Sendable () -> Void
    /// Told about shutdown first, so browsers waiting for a reload let go.
    let site: PreviewSite
    /// Time between scans.
    var interval: Duration = .milliseconds(300)

    func run() async throws {
        await withGracefulShutdownHandler {
            await watch()
        } onGracefulShutdown: {
            site.stop()
        }
    }

    private func watch() async {
        let folders = [directory] + themeDirectories
        var last = SourceSnapshot(folders: folders)
        while !Task.isCancelled, !site.isStopping {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            let current = SourceSnapshot(folders: folders)
            guard current != last else { continue }
            last = current
            rebuild()
        }
    }
}
