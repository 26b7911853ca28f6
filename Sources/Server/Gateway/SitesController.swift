import Foundation
package import Hummingbird
import SiteAPI
import NIOCore

/// `/v1/sites`: create, list, show, enable, disable, delete.
package struct SitesController: Sendable {
    let sites: SiteService
    let agents: AgentSelector
    let auth: Authenticator
    let quotas: QuotaService
    /// Imports (`sites create --from`) decoded at once; each holds its whole tree in memory.
    let imports: ImportSlots

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.post("/v1/sites") { request, _ in
            let user = try await auth.user(request)
            try await quotas.checkNewSite(userID: user.id ?? 0)
            // One import at a time, each bounded: memory stays near a few times the largest allowed upload.
            return try await imports.withSlot {
                let body: CreateSiteRequest
                do {
                    body = try await HTTPJSON.decode(CreateSiteRequest.self, from: request, limit: imports.maxBytes)
                } catch var error as ServerError where error.code == "too_large" {
                    error.message = "The import is larger than this daemon accepts (\(imports.maxBytes >> 20) MB, base64 included)."
                    error.hint = "Leave large media out of the site folder, or ask the operator to raise --max-import-mb."
                    throw error
                }
                return try HTTPJSON.response(try await sites.create(body, for: user), status: .created)
            }
        }
        router.get("/v1/sites") { request, _ in
            let user = try await auth.user(request)
            let query = request.uri.queryParameters
            let limit = query.get("limit").flatMap { Int(String($0)) } ?? 50
            let status = query.get("status").flatMap { SiteStatus(rawValue: String($0)) }
            let page = try await sites.list(for: user, cursor: query.get("cursor").map { String($0) }, limit: limit, status: status)
            return try HTTPJSON.response(page)
        }
        router.get("/v1/sites/:site") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await sites.apiSite(name: try context.parameters.require("site"), for: user))
        }
        router.put("/v1/sites/:site/agent") { request, context in
            let user = try await auth.user(request)
            var request = request
            let data = Data((try? await request.collectBody(upTo: 64 * 1024))?.readableBytesView ?? ByteBuffer().readableBytesView)
            let keys = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]).map { Set($0.keys) }
            guard let keys, let body = try? APIJSON.decoder().decode(SiteAgentRequest.self, from: data) else {
                throw ServerError.badRequest("The body must be {\"profile\": NAME} or {\"profile\": null}.", hint: "sitectl sites agent SITE --profile NAME")
            }
            // Only a profile name: anything else (a whole backend, a command, env) is the operator's to set.
            guard body.config == nil, keys.isSubset(of: ["profile"]) else {
                throw ServerError(
                    .forbidden, "agent_config_forbidden",
                    "Agent backends, commands, sandboxes and keys are set by the daemon's operator, not per site.",
                    hint: "sitectl agents list; then sitectl sites agent SITE --profile NAME")
            }
            return try HTTPJSON.response(
                try await sites.setAgentProfile(body.profile, site: try context.parameters.require("site"), for: user, selector: agents))
        }
        router.get("/v1/agents") { request, _ in
            _ = try await auth.user(request)
            return try HTTPJSON.response(SiteAPI.Page(items: agents.summaries(), nextCursor: nil))
        }
        router.post("/v1/sites/:site/enable") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await sites.setStatus(.enabled, site: try context.parameters.require("site"), for: user))
        }
        router.post("/v1/sites/:site/disable") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await sites.setStatus(.disabled, site: try context.parameters.require("site"), for: user))
        }
        router.delete("/v1/sites/:site") { request, context in
            let user = try await auth.user(request)
            try await sites.delete(site: try context.parameters.require("site"), for: user)
            return HTTPJSON.noContent()
        }
    }
}
