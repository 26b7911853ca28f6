import Foundation
import HTTPTypes
package import Hummingbird
import SiteAPI

/// Build requests: `POST /v1/sites/:site/requests` (chat), list, show, answer, cancel.
package struct RequestsController: Sendable {
    let requests: RequestService
    let auth: Authenticator
    let sites: SiteService
    let quotas: QuotaService

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.post("/v1/sites/:site/requests") { request, context in
            let user = try await auth.user(request)
            let body = try await HTTPJSON.decode(ChatRequest.self, from: request, limit: 64 * 1024)
            let name = try context.parameters.require("site")
            try await quotas.checkNewRequest(userID: user.id ?? 0, siteID: try await sites.site(named: name, for: user).id ?? 0)
            return try HTTPJSON.response(
                try await requests.chat(site: name, message: body.message, for: user),
                status: .created)
        }
        router.get("/v1/requests") { request, _ in
            let user = try await auth.user(request)
            let query = request.uri.queryParameters
            let state = try query.get("state").map { raw -> RequestState in
                guard let state = RequestState(rawValue: String(raw).replacingOccurrences(of: "-", with: "_")) else {
                    throw ServerError.badRequest("Unknown state '\(raw)'.",
                        hint: "Use one of: \(RequestState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return state
            }
            let items = try await requests.list(
                for: user, site: query.get("site").map { String($0) }, state: state,
                limit: query.get("limit").flatMap { Int(String($0)) } ?? 50)
            return try HTTPJSON.response(SiteAPI.Page(items: items, nextCursor: nil))
        }
        router.get("/v1/requests/:id") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await requests.show(requestID: try context.parameters.require("id", as: Int64.self), for: user))
        }
        router.post("/v1/requests/:id/answer") { request, context in
            let user = try await auth.user(request)
            let body = try await HTTPJSON.decode(AnswerRequest.self, from: request, limit: 64 * 1024)
            return try HTTPJSON.response(
                try await requests.answer(requestID: try context.parameters.require("id", as: Int64.self), answer: body.answer, for: user))
        }
        router.post("/v1/requests/:id/cancel") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await requests.cancel(requestID: try context.parameters.require("id", as: Int64.self), for: user))
        }
    }
}
