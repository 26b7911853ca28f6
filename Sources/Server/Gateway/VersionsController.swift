import Foundation
package import Hummingbird
import NIOCore
import SiteAPI
import SiteCompiler

/// `/v1/sites/:site/versions`, diff, deploy, preview, rollback.
package struct VersionsController: Sendable {
    let versions: VersionService
    let auth: Authenticator

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.get("/v1/sites/:site/versions") { request, context in
            let user = try await auth.user(request)
            let limit = request.uri.queryParameters.get("limit").flatMap { Int(String($0)) } ?? 100
            let items = try await versions.list(site: try context.parameters.require("site"), for: user, limit: limit)
            return try HTTPJSON.response(SiteAPI.Page(items: items, nextCursor: nil))
        }
        router.get("/v1/sites/:site/versions/:ref") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(
                try await versions.show(site: try context.parameters.require("site"), ref: try context.parameters.require("ref"), for: user))
        }
        router.get("/v1/sites/:site/versions/:ref/log") { request, context in
            let user = try await auth.user(request)
            let text = try await versions.buildLog(
                site: try context.parameters.require("site"), ref: try context.parameters.require("ref"), for: user)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/v1/sites/:site/versions/:ref/transcript") { request, context in
            let user = try await auth.user(request)
            let site = try context.parameters.require("site")
            let ref = try context.parameters.require("ref")
            guard let data = try await versions.transcript(site: site, ref: ref, for: user) else {
                throw ServerError.notFound("\(site)@\(ref) has no agent transcript (it was not made by an agent).")
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/v1/sites/:site/versions/:ref/screenshot") { request, context in
            let user = try await auth.user(request)
            let site = try context.parameters.require("site")
            let ref = try context.parameters.require("ref")
            guard let data = try await versions.screenshot(site: site, ref: ref, for: user) else {
                throw ServerError.notFound(
                    "\(site)@\(ref) has no screenshot (browser checks were skipped or did not run for it).",
                    hint: "sitectl versions show \(site)@\(ref)")
            }
            var headers = HTTPFields()
            headers[.contentType] = "image/png"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("/v1/sites/:site/versions/:ref/source") { request, context in
            let user = try await auth.user(request)
            let (_, files) = try await versions.source(
                site: try context.parameters.require("site"), ref: try context.parameters.require("ref"), for: user)
            return try HTTPJSON.response(files.paths.map { SourceFile(path: $0, content: files.files[$0] ?? Data()) })
        }
        router.get("/v1/sites/:site/versions/:ref/archive") { request, context in
            let user = try await auth.user(request)
            let site = try context.parameters.require("site")
            let (number, files) = try await versions.source(site: site, ref: try context.parameters.require("ref"), for: user)
            let archive = try TarArchive.gzip(TarArchive.tar(files, prefix: "\(site)-v\(number)"))
            var headers = HTTPFields()
            headers[.contentType] = "application/gzip"
            headers[.contentDisposition] = "attachment; filename=\"\(site)-v\(number).tar.gz\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: archive)))
        }
        router.delete("/v1/sites/:site/versions/:ref") { request, context in
            let user = try await auth.user(request)
            let number = try await versions.delete(
                site: try context.parameters.require("site"), ref: try context.parameters.require("ref"), for: user)
            return try HTTPJSON.response(["deleted": number])
        }
        router.get("/v1/sites/:site/diff/:from/:to") { request, context in
            let user = try await auth.user(request)
            return try HTTPJSON.response(
                try await versions.diff(
                    site: try context.parameters.require("site"), from: try context.parameters.require("from"),
                    to: try context.parameters.require("to"), for: user))
        }
        for pointer in ["deploy", "preview"] {
            router.post("/v1/sites/:site/\(pointer)") { request, context in
                let user = try await auth.user(request)
                let body = try await HTTPJSON.decode(PointerMoveRequest.self, from: request)
                return try HTTPJSON.response(
                    try await versions.move(
                        pointer: pointer == "deploy" ? "live" : "preview", site: try context.parameters.require("site"),
                        ref: body.version, force: body.force ?? false, for: user))
            }
        }
        router.post("/v1/sites/:site/rollback") { request, context in
            let user = try await auth.user(request)
            let body = try await HTTPJSON.decode(RollbackRequest.self, from: request)
            return try HTTPJSON.response(try await versions.rollback(site: try context.parameters.require("site"), to: body.to, for: user))
        }
    }
}
