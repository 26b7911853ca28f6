import Foundation
import SiteAPI
import SiteCompiler
@testable import SiteServer
import Testing

/// Issue 8, item 4: compiles run in a child process of the real `sitectl` binary with CPU-time and memory limits;
/// a compile over its limit fails its job with a clear message and the daemon carries on.
@Suite struct CompileIsolationTests {
    static let binary = TestDaemon.repositoryRoot.appendingPathComponent(".build/debug/sitectl").path
    static let hasBinary = FileManager.default.isExecutableFile(atPath: binary)

    static func daemon(cpuSeconds: Int = 120, memoryMB: Int = 4096) throws -> TestDaemon {
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            themesDirectories: [TestDaemon.themesDirectory])
        configuration.bcryptCost = 4
        configuration.compileIsolation = .childProcess(executable: binary)
        configuration.compileLimits.cpuSeconds = cpuSeconds
        configuration.compileLimits.memoryBytes = memoryMB << 20
        return try TestDaemon(configuration: configuration)
    }

    @Test(.enabled(if: hasBinary)) func aCompileInAChildProcessGivesTheSameSiteAsInProcess() async throws {
        let daemon = try Self.daemon()
        let source = try ThemeLibrary(directories: [TestDaemon.themesDirectory]).starterSource(theme: "starter", siteName: "blog")
        let child = try await daemon.components.pipeline.compile(source)
        let local = try BuildPipeline.compileNow(
            source, compiler: SiteCompiler(themes: ThemeLibrary(directories: [TestDaemon.themesDirectory])), now: Date())
        #expect(child.output.paths == local.output.paths)
        #expect(child.checkStatus == local.checkStatus)
        #expect(child.output["index.html"] == local.output["index.html"])
    }

    @Test(.enabled(if: hasBinary)) func aCompileErrorFromTheChildKeepsItsPosition() async throws {
        let daemon = try Self.daemon()
        var source = try ThemeLibrary(directories: [TestDaemon.themesDirectory]).starterSource(theme: "starter", siteName: "blog")
        source.setText("content/bad.md", "---\ntitle: [unclosed\n---\n")
        let error = await #expect(throws: ServerError.self) { _ = try await daemon.components.pipeline.compile(source) }
        #expect(error?.message.contains("content/bad.md:3") == true, "\(error?.message ?? "")")
    }

    @Test(.enabled(if: hasBinary)) func aCompileOverItsCPULimitFailsTheJobWithAClearMessage() async throws {
        let daemon = try Self.daemon(cpuSeconds: 1)
        let (user, _) = try await daemon.user("ann@example.test")
        // Thousands of pages: many CPU seconds in a debug build, far over the one-second limit.
        var files = [SourceFile(path: "site.yaml", content: Data("name: big\ntitle: Big\ntheme: starter\n".utf8))]
        for index in 0..<6000 {
            let body = "---\ntitle: Page \(index)\ntags: [a, b]\n---\n\n" + String(repeating: "Some *text* with a [link](/). ", count: 40)
            files.append(SourceFile(path: "content/blog/p\(index).md", content: Data(body.utf8)))
        }
        let error = await #expect(throws: ServerError.self) {
            _ = try await daemon.components.sites.create(CreateSiteRequest(name: "big", source: files), for: user)
        }
        #expect(error?.code == .compileLimit, "\(error?.message ?? "")")
        #expect(error?.message.contains("1 seconds of CPU time") == true, "\(error?.message ?? "")")
        // Nothing half-made: no site row, and a small site still compiles.
        #expect(try await daemon.components.sites.list(for: user, cursor: nil, limit: 10, status: nil).items.isEmpty)
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "small"), for: user)
    }

    @Test(.enabled(if: hasBinary)) func aCompileOverItsMemoryLimitFailsClearly() async throws {
        let daemon = try Self.daemon(memoryMB: 300)
        var source = try ThemeLibrary(directories: [TestDaemon.themesDirectory]).starterSource(theme: "starter", siteName: "blog")
        source["static/huge.bin"] = Data(count: 200 << 20)
        let error = await #expect(throws: ServerError.self) { _ = try await daemon.components.pipeline.compile(source) }
        #expect(error?.code == .compileLimit, "\(error?.message ?? "")")
        #expect(error?.message.contains("300 MB memory limit") == true, "\(error?.message ?? "")")
    }

    /// Compiles reuse a warm child (starting one costs more than compiling a small site); a child that died while
    /// idle is replaced, and one killed during a compile is reported as killed, not as a limit.
    @Test(.enabled(if: hasBinary)) func compilesReuseAWarmChildAndADeadOneIsReplaced() async throws {
        let daemon = try Self.daemon(memoryMB: 2048)
        let pool = try #require(daemon.components.pipeline.compileServers)
        let source = try ThemeLibrary(directories: [TestDaemon.themesDirectory]).starterSource(theme: "starter", siteName: "blog")
        let first = try await daemon.components.pipeline.compile(source)
        let warm = await pool.idleProcessIDs()
        #expect(warm.count == 1)
        let second = try await daemon.components.pipeline.compile(source)
        #expect(await pool.idleProcessIDs() == warm, "the same child compiled both")
        #expect(first.output == second.output)
        kill(warm[0], SIGKILL)
        try await Task.sleep(for: .milliseconds(100))
        let third = try await daemon.components.pipeline.compile(source)
        #expect(third.output == first.output)
        #expect(await pool.idleProcessIDs() != warm)
    }
}
