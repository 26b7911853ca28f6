package import Foundation
package import GRDB
package import Logging
package import SiteAgent
package import SiteCompiler

/// Every service of the daemon, wired once from a ``ServerConfiguration``: the single composition root used by
/// `sitectl daemon start` and by the tests.
package struct DaemonComponents: Sendable {
    package let configuration: ServerConfiguration
    package let db: any DatabaseWriter
    package let events: EventBus
    package let artifacts: ArtifactStore
    package let accounts: AccountService
    package let auth: Authenticator
    package let sites: SiteService
    package let versions: VersionService
    package let requests: RequestService
    package let queue: JobQueue
    /// The only writer of requests, jobs and site locks.
    package let lifecycle: LifecycleStore
    package let jobs: JobService
    package let pipeline: BuildPipeline
    package let runner: JobRunner
    package let serving: SiteServing
    package let aliases: SiteAliasService
    /// The site server's certificates (nil without `--serve-tls`) and the ACME challenge answers it gives.
    package let certificates: CertificateStore?
    package let challenges = ACMEChallenges()
    package let servingMetrics = ServingMetrics()
    package let accessLog: AccessLog?
    package let runtime: RuntimeState
    package let agents: AgentSelector
    package let rateLimits: RateLimits
    package let quotas: QuotaService
    package let imports: ImportSlots
    /// The data dir's exclusive lock, held as long as these components live (nil in memory).
    package let dataDirectoryLock: DataDirectoryLock?
    /// Temporary files of an earlier run removed at start (half-written blobs, compile and import scratch).
    package private(set) var leftoversRemoved = 0

    /// - Parameters:
    ///   - inMemory: an in-memory database and blob store (unit tests); otherwise files in the data dir.
    ///   - agent: overrides the backend `configuration.agent` describes (tests).
    package init(configuration: ServerConfiguration, agent override: (any AgentBackend)? = nil, inMemory: Bool = false) throws {
        self.configuration = configuration
        let fm = FileManager.default
        let blobs: any BlobStore
        if inMemory {
            db = try MetadataDatabase.open(path: nil)
            blobs = InMemoryBlobStore()
            dataDirectoryLock = nil
        } else {
            try fm.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // First of all: a second daemon on this data dir must change nothing (not even the socket).
            dataDirectoryLock = try DataDirectoryLock(dataDirectory: configuration.dataDirectory, address: configuration.listen.description)
            // Before the database opens: SQLite gives the -wal and -shm files it creates the database file's mode.
            try DataDirectoryPermissions.restrict(configuration.dataDirectory)
            // A lost database with blobs left would look like a store nobody uses: the collector would free every
            // blob. Refuse instead; the operator restores the database or moves the blobs away.
            if let problem = DataDirectoryProblem.orphanedBlobs(databasePath: configuration.databasePath, blobs: configuration.blobsDirectory) {
                throw problem
            }
            db = try MetadataDatabase.open(path: configuration.databasePath)
            let files = try FileBlobStore(root: configuration.blobsDirectory)
            // Under the lock no other daemon writes here: what a crash left half-written goes.
            leftoversRemoved = files.removeLeftoverTemporaries()
            if let scratch = try? fm.contentsOfDirectory(atPath: configuration.workDirectory.path) {
                for name in scratch where name.hasPrefix("compile-") || name.hasPrefix("import-") {
                    if (try? fm.removeItem(at: configuration.workDirectory.appendingPathComponent(name))) != nil { leftoversRemoved += 1 }
                }
            }
            blobs = files
        }
        let now = configuration.now
        events = EventBus()
        artifacts = ArtifactStore(blobs: blobs)
        let pepper = inMemory ? Data(repeating: 7, count: 32) : try Self.pepper(in: configuration.dataDirectory)
        accounts = AccountService(
            db: db, pepper: pepper, bcryptCost: configuration.bcryptCost, accessLifetime: configuration.accessTokenLifetime,
            refreshLifetime: configuration.refreshTokenLifetime, now: now)
        auth = Authenticator(accounts: accounts)
        rateLimits = RateLimits(settings: configuration.rateLimits, now: now)
        quotas = QuotaService(db: db, settings: configuration.quotas, now: now)
        imports = ImportSlots(
            maxBytes: configuration.maxImportBytes,
            scratch: inMemory
                ? FileManager.default.temporaryDirectory.appendingPathComponent("sitectl-imports-\(UUID().uuidString)")
                : configuration.workDirectory)
        let themes = ThemeLibrary(directories: configuration.themesDirectories)
        if let override {
            agents = AgentSelector(daemonDefault: override, themes: themes)
        } else {
            // Command agents never see the data dir (accounts, tokens, every site's blobs).
            agents = try AgentSelector(
                profiles: configuration.agents, themes: themes,
                hiddenPaths: inMemory ? [] : [configuration.dataDirectory.path])
        }
        pipeline = BuildPipeline(
            db: db, artifacts: artifacts, compiler: SiteCompiler(themes: themes), now: now,
            isolation: configuration.compileIsolation, limits: configuration.compileLimits,
            themesDirectories: configuration.themesDirectories,
            scratch: inMemory ? FileManager.default.temporaryDirectory : configuration.workDirectory)
        sites = SiteService(
            db: db, themes: themes, pipeline: pipeline, events: events, sitesPerAccount: configuration.quotas.sitesPerAccount, now: now)
        versions = VersionService(db: db, artifacts: artifacts, sites: sites, events: events, now: now)
        lifecycle = LifecycleStore(
            db: db, leaseDuration: configuration.leaseDuration, events: events, versionsPerSite: configuration.quotas.versionsPerSite, now: now)
        requests = RequestService(
            db: db, sites: sites, versions: versions, artifacts: artifacts, agents: agents, installedThemes: themes.names(),
            lifecycle: lifecycle, events: events, now: now)
        queue = JobQueue(db: db, now: now)
        jobs = JobService(db: db, queue: queue, lifecycle: lifecycle, sites: sites)
        runner = JobRunner(
            db: db, queue: queue, lifecycle: lifecycle, pipeline: pipeline, artifacts: artifacts, requests: requests, agents: agents, events: events,
            pauseBeforeStore: configuration.debugPauseBeforeStore, pauseAfterStore: configuration.debugPauseAfterStore, browserCheck: BrowserCheck(settings: configuration.browserChecks),
            now: now)
        serving = SiteServing(
            db: db, artifacts: artifacts, domain: configuration.domain, cacheBytes: configuration.serveCacheBytes)
        let table = serving.table
        events.onSiteChange { table.invalidate(site: $0) }
        events.onDomainChange { table.invalidate(domain: $0) }
        if configuration.serveTLS != nil {
            let store = CertificateStore(directory: configuration.tlsDirectory)
            if !inMemory {
                try fm.createDirectory(at: configuration.tlsDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            store.reload()
            certificates = store
        } else {
            certificates = nil
        }
        aliases = SiteAliasService(
            db: db, sites: sites, events: events, domain: configuration.domain, certificates: certificates, acme: configuration.acme != nil, now: now)
        accessLog = inMemory || configuration.accessLogFormat == .off
            ? nil : AccessLog(folder: configuration.logsDirectory.appendingPathComponent("access"), format: configuration.accessLogFormat)
        runtime = RuntimeState()
    }

    /// The server-side secret mixed into password hashes; created once, mode 0600.
    static func pepper(in directory: URL) throws -> Data {
        let url = directory.appendingPathComponent("secret.key")
        if let existing = FileManager.default.contents(atPath: url.path), existing.count == 32 { return existing }
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        FileManager.default.createFile(atPath: url.path, contents: bytes, attributes: [.posixPermissions: 0o600])
        return bytes
    }
}
