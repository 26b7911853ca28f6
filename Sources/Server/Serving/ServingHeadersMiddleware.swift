import Logging
package import Hummingbird

/// Puts ``SiteServing/defaultHeaders`` on every response of the serving router, also those that never reach
/// `SiteServing` (a `POST` or `OPTIONS`, which no route matches) and errors (a plain 500, no internals).
struct ServingHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Response(status: error.status)
        } catch {
            context.logger.error("serving failed", metadata: ["error": "\(error)"])
            response = Response(status: .internalServerError)
        }
        SiteServing.addDefaultHeaders(&response.headers)
        return response
    }
}
