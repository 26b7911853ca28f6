import Foundation
import HTTPTypes
package import Hummingbird

/// Resolves the bearer token of a request to its user; every protected route starts here.
package struct Authenticator: Sendable {
    let accounts: AccountService

    package init(accounts: AccountService) { self.accounts = accounts }

    package func user(_ request: Request) async throws -> UserRecord {
        guard let token = Self.bearerToken(request), let user = try await accounts.authenticate(accessToken: token) else {
            throw ServerError.unauthorized
        }
        return user
    }

    static func bearerToken(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
