import HTTPTypes
package import Foundation
package import Hummingbird
import NIOCore
import SiteAPI

/// Reading and writing JSON bodies with the API's conventions (snake_case, ISO-8601), and a byte limit per route.
package enum HTTPJSON {
    package static let defaultLimit = 1024 * 1024

    package static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try APIJSON.encoder().encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    package static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = defaultLimit) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw ServerError(.contentTooLarge, .tooLarge, "The request body is larger than \(limit) bytes.")
        }
        do {
            return try APIJSON.decoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw ServerError.badRequest("The request body is not valid JSON for this call.")
        }
    }

    package static func noContent() -> Response { Response(status: .noContent) }
}
