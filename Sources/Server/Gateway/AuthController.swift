import Foundation
package import Hummingbird
import SiteAPI

/// `/v1/auth/*`: register, login, refresh (rotating), logout, me.
package struct AuthController: Sendable {
    let accounts: AccountService
    let auth: Authenticator

    package func addRoutes(to router: Router<APIRequestContext>) {
        router.post(.init(stringLiteral: Routes.register)) { request, _ in
            let body = try await HTTPJSON.decode(Credentials.self, from: request, limit: 16 * 1024)
            return try HTTPJSON.response(try await accounts.register(email: body.email, password: body.password), status: .created)
        }
        router.post(.init(stringLiteral: Routes.login)) { request, _ in
            let body = try await HTTPJSON.decode(Credentials.self, from: request, limit: 16 * 1024)
            return try HTTPJSON.response(try await accounts.login(email: body.email, password: body.password))
        }
        router.post(.init(stringLiteral: Routes.refresh)) { request, _ in
            let body = try await HTTPJSON.decode(RefreshRequest.self, from: request, limit: 16 * 1024)
            return try HTTPJSON.response(try await accounts.refresh(token: body.refreshToken))
        }
        router.post(.init(stringLiteral: Routes.logout)) { request, _ in
            let body = try await HTTPJSON.decode(RefreshRequest.self, from: request, limit: 16 * 1024)
            try await accounts.logout(refreshToken: body.refreshToken)
            return HTTPJSON.noContent()
        }
        router.get(.init(stringLiteral: Routes.me)) { request, _ in
            let user = try await auth.user(request)
            return try HTTPJSON.response(User(id: user.id ?? 0, email: user.email, createdAt: user.createdAt))
        }
    }
}
