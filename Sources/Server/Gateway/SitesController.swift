import Foundation
package import Hummingbird
import SiteAPI
import NIOCore
import HTTPTypes
import SiteCompiler

/// `/v1/sites`: create, list, show, enable, disable, delete.
package struct SitesController: Sendable {
    let sites: SiteService
    let aliases: SiteAliasService
    let agents: AgentSelector
    let auth: Authenticator
    let quotas: QuotaService
    /// Imports (`sites create --from`): tar uploads spooled to disk, JSON bodies bounded.
    let imports: ImportSlots

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.post("/v1/sites") { request, context in
            let user = try await auth.user(request)
            try await quotas.checkNewSite(userID: user.id ?? 0)
            if let type = request.headers[.contentType], type.lowercased().hasPrefix("application/x-tar") {
                return try await importArchive(request, context: context, for: user)
            }
            return try await imports.withSlot {
                let body: CreateSiteRequest
                do {
                    body = try await HTTPJSON.decode(CreateSiteRequest.self, from: request, limit: imports.maxJSONBytes)
                } catch var error as ServerError where error.code == .tooLarge {
                    if imports.maxJSONBytes < imports.maxBytes {
                        error.message = "A JSON import is limited to \(imports.maxJSONBytes >> 20) MB (base64 included)."
                        error.hint = "Send the folder as a tar archive (Content-Type: application/x-tar), as sitectl sites create --from does."
                    } else {
                        error.message = "The import is larger than this daemon accepts (\(imports.maxBytes >> 20) MB, base64 included)."
                        error.hint = "Leave large media out of the site folder, or ask the operator to raise --max-import-mb."
                    }
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
                    .forbidden, .agentConfigForbidden,
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
        router.get("/v1/sites/:site/aliases") { request, context in
            let user = try await auth.user(request)
            let items = try await aliases.list(site: try context.parameters.require("site"), for: user)
            return try HTTPJSON.response(SiteAPI.Page(items: items, nextCursor: nil))
        }
        router.post("/v1/sites/:site/aliases") { request, context in
            let user = try await auth.user(request)
            let body = try await HTTPJSON.decode(AddAliasRequest.self, from: request, limit: 4096)
            return try HTTPJSON.response(
                try await aliases.add(body.domain, site: try context.parameters.require("site"), redirectTo: body.redirectTo, for: user), status: .created)
        }
        router.delete("/v1/sites/:site/aliases/:domain") { request, context in
            let user = try await auth.user(request)
            try await aliases.remove(try context.parameters.require("domain"), site: try context.parameters.require("site"), for: user)
            return HTTPJSON.noContent()
        }
    }

    /// `POST /v1/sites?name=N[&theme=T][&description=D]` with a tar body: the folder arrives streamed to a scratch
    /// file, is read back mapped, and becomes version 1.
    private func importArchive(_ request: Request, context: APIRequestContext, for user: UserRecord) async throws -> Response {
        let query = request.uri.queryParameters
        guard let name = query.get("name").map({ String($0) }), !name.isEmpty else {
            throw ServerError.badRequest("A tar import needs the site's name in the query (?name=NAME).", hint: "sitectl sites create NAME --from DIR")
        }
        let theme = query.get("theme").map { String($0) }
        let description = query.get("description").map { String($0) }
        // Receiving costs disk, not memory, so uploads are not queued behind each other (two slow clients must not
        // block every import); each account has at most two in flight, and each must arrive within its deadline.
        let file = try await imports.spool(
            request.body, declaredLength: request.headers[.contentLength].flatMap { Int($0) }, account: user.id ?? 0, context: context)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await imports.withSlot {
            let contents: TarArchive.Contents
            do {
                contents = try TarArchive.untar(try Data(contentsOf: file, options: .alwaysMapped), maxFiles: SourcePolicy.maxFiles)
            } catch let malformed as TarArchive.Malformed {
                throw ServerError.badRequest(
                    "The upload is not a readable tar archive: \(malformed)",
                    hint: "sitectl sites create NAME --from DIR sends the folder for you (or: tar -C DIR -cf - .).")
            }
            if !contents.skipped.isEmpty {
                let shown = contents.skipped.prefix(5).joined(separator: ", ")
                throw ServerError(
                    .unprocessableContent, .policyViolation,
                    "The archive holds entries a site's source cannot: \(shown)\(contents.skipped.count > 5 ? " and \(contents.skipped.count - 5) more" : "").",
                    hint: "Replace links with the files they point to (tar --dereference), or leave them out.")
            }
            let files = TarArchive.strippingSingleTopFolder(contents.files, marker: "site.yaml")
            let site = try await sites.create(name: name, theme: theme, description: description, imported: files, for: user)
            return try HTTPJSON.response(site, status: .created)
        }
    }

}
