import Foundation
package import Hummingbird
import SiteAPI
import Logging

/// `/v1/auth/*`: register, login, refresh (rotating), logout, me.
package struct AuthController: Sendable {
    /// API tokens are made and revoked by a person logged in with a password, never by another token (a leaked CI
    /// token must not be able to mint itself successors).
    static func refuseAPIToken(_ request: Request, doing action: String) throws {
        if Authenticator.bearerToken(request)?.hasPrefix(AccountService.apiTokenPrefix) == true {
            throw ServerError(.forbidden, .forbidden, "An API token cannot \(action) API tokens.",
                hint: "Log in with your password (sitectl login) to \(action) tokens.")
        }
    }

    let accounts: AccountService
    let auth: Authenticator
    let limits: RateLimits

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.post(.init(stringLiteral: Routes.register)) { request, context in
            try limits.checkClient(context.clientKey)
            let body = try await HTTPJSON.decode(Credentials.self, from: request, limit: 16 * 1024)
            return try HTTPJSON.response(try await accounts.register(email: body.email, password: body.password), status: .created)
        }
        router.post(.init(stringLiteral: Routes.login)) { request, context in
            try limits.checkClient(context.clientKey)
            let body = try await HTTPJSON.decode(Credentials.self, from: request, limit: 16 * 1024)
            // No account's email holds control characters; `a@b\u{0}x` would otherwise get a limit of its own.
            guard !body.email.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
                throw ServerError(.unauthorized, .invalidCredentials, "Email or password is wrong.", hint: "sitectl login")
            }
            try limits.checkAccount(body.email)
            do {
                return try HTTPJSON.response(try await accounts.login(email: body.email, password: body.password))
            } catch let error as ServerError where error.code == .invalidCredentials {
                // For the operator (fail2ban and the like): who and from where, never the password.
                context.logger.warning(
                    "failed login",
                    metadata: ["email": .string(String(body.email.prefix(254))), "client": .string(context.clientKey)])
                throw error
            }
        }
        router.post(.init(stringLiteral: Routes.refresh)) { request, context in
            // A valid refresh token (256 random bits) is never throttled: all unix-socket clients share one
            // address, and a flood of failed logins from one of them must not sign everyone else out. Only
            // failed refreshes count against the address.
            let body = try await HTTPJSON.decode(RefreshRequest.self, from: request, limit: 16 * 1024)
            do {
                return try HTTPJSON.response(try await accounts.refresh(token: body.refreshToken))
            } catch let error as ServerError where error.status == .unauthorized {
                try limits.checkClient(context.clientKey)
                throw error
            }
        }
        router.post(.init(stringLiteral: Routes.logout)) { request, _ in
            let body = try await HTTPJSON.decode(RefreshRequest.self, from: request, limit: 16 * 1024)
            try await accounts.logout(refreshToken: body.refreshToken)
            return HTTPJSON.noContent()
        }
        router.post(.init(stringLiteral: Routes.tokens)) { request, _ in
            let user = try await auth.user(request)
            try Self.refuseAPIToken(request, doing: "create")
            let body = try await HTTPJSON.decode(CreateTokenRequest.self, from: request, limit: 16 * 1024)
            return try HTTPJSON.response(
                try await accounts.createAPIToken(userID: user.id ?? 0, name: body.name, expiresInSeconds: body.expiresInSeconds),
                status: .created)
        }
        router.get(.init(stringLiteral: Routes.tokens)) { request, _ in
            let user = try await auth.user(request)
            return try HTTPJSON.response(try await accounts.apiTokens(userID: user.id ?? 0))
        }
        router.delete("/v1/auth/tokens/:id") { request, context in
            let user = try await auth.user(request)
            try Self.refuseAPIToken(request, doing: "revoke")
            guard let id = context.parameters.get("id").flatMap(Int64.init) else {
                throw ServerError.badRequest("A token id is a number.", hint: "sitectl auth token list")
            }
            return try HTTPJSON.response(try await accounts.revokeAPIToken(userID: user.id ?? 0, id: id))
        }
        router.get(.init(stringLiteral: Routes.me)) { request, _ in
            let user = try await auth.user(request)
            return try HTTPJSON.response(User(id: user.id ?? 0, email: user.email, createdAt: user.createdAt))
        }
    }
}
