import HTTPTypes
import Foundation
import GRDB
package import Hummingbird
import Logging
import NIOCore
import SiteAPI

/// Turns every error into `{"error":{"code","message","hint"}}`; internals go to the log, never to the client.
package struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Named in the one-line answer when the database cannot be written (a full or read-only disk).
    let databasePath: String?

    package init(databasePath: String? = nil) { self.databasePath = databasePath }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            if let cause = error.cause {
                context.logger.error("request failed", metadata: ["code": .string(error.code.rawValue), "cause": .string(cause)])
            }
            return Self.response(error)
        } catch let error as BlobError {
            let mapped = ServerError.storage(error)
            context.logger.error("storage failed", metadata: ["code": .string(mapped.code.rawValue), "cause": .string("\(error)")])
            return Self.response(mapped)
        } catch let error as DatabaseError where ServerError.storage(error, path: databasePath) != nil {
            let mapped = ServerError.storage(error, path: databasePath)!
            context.logger.error("storage failed", metadata: ["code": .string(mapped.code.rawValue), "cause": .string("\(error)")])
            return Self.response(mapped)
        } catch let error as IllegalTransition {
            // Two calls raced (two answers to one question, a cancel and a finish): the loser is told, not a 500.
            context.logger.info("request lost a race", metadata: ["detail": .string(error.description)])
            return Self.response(ServerError.conflict(
                "The \(error.subject) changed meanwhile (it is \(error.state.replacingOccurrences(of: "_", with: " ")) now).",
                hint: "Look at it again: sitectl requests list"))
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            // What the call referred to (a site, a request) was deleted by another call meanwhile.
            context.logger.info("request referred to something deleted meanwhile", metadata: ["detail": .string(error.message ?? "")])
            return Self.response(ServerError.notFound("What this refers to was deleted meanwhile.", hint: "sitectl sites list"))
        } catch let error as HTTPError {
            let code: ErrorCode = error.status == .notFound ? .notFound : error.status == .methodNotAllowed ? .methodNotAllowed : .httpError
            return Self.response(ServerError(error.status, code, error.body ?? error.status.reasonPhrase))
        } catch {
            context.logger.error("internal error", metadata: ["error": .string(String(describing: error))])
            return Self.response(ServerError(.internalServerError, .internal, "Something went wrong in the daemon; see its log.",
                hint: "sitectl daemon logs"))
        }
    }

    static func response(_ error: ServerError) -> Response {
        let data = (try? APIJSON.encoder().encode(APIErrorEnvelope(error: error.apiError))) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.xContentTypeOptions] = "nosniff"
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
