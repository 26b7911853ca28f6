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
