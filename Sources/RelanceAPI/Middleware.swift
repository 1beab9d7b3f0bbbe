import Foundation
import Crypto
import Hummingbird
import Logging
import RelanceStore

/// Turns whatever a route throws into the API's error shape; logs what is not the client's doing.
struct ErrorShaping: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let apiError = APIError.from(error) {
                return try apiError.response(from: request, context: context)
            }
            context.logger.error("Request failed", metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(String(reflecting: error))",
            ])
            let failure = APIError(
                status: .internalServerError, code: "internal_error",
                message: "the request could not be completed; it was logged under request id \(context.id)"
            )
            return try failure.response(from: request, context: context)
        }
    }
}

/// Refuses, before reading it, a body its Content-Length says is over the limit (the import,
/// which streams, has its own).
struct BodyLimit: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > APILimits.jsonBodyBytes,
           !request.uri.path.hasSuffix("/import") {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}

/// Refuses a query string holding a NUL character (`%00`): PostgreSQL's text cannot hold one,
/// so a filter carrying it would fail in the database rather than as the client's mistake.
struct QueryText: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        for (name, value) in request.uri.queryParameters where name.contains("\0") || value.contains("\0") {
            throw APIError(status: .badRequest, code: "invalid_query", message: "the query parameter '\(name.replacingOccurrences(of: "\0", with: ""))' holds a NUL character",
                           field: String(name))
        }
        return try await next(request, context)
    }
}

/// Reads `Authorization: Bearer <key>` and finds the key's tenant and role, or for an operator's
/// key (`rlo_…`) the operator: 401 for a missing, unknown or revoked key. The key is compared by
/// its SHA-256 only.
struct Authentication: RouterMiddleware {
    typealias Context = APIContext
    let keys: APIKeyStore
    /// Operator keys, read through the owner's connection; nil when the server has none.
    let operators: OperatorKeyStore?

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthenticated("send an API key: Authorization: Bearer <key>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw APIError.unauthenticated("the Authorization header must read 'Bearer <key>'")
        }
        let key = String(parts[1])
        var context = context
        if key.hasPrefix(APIKeyMaker.operatorPrefix) {
            guard let operators else {
                throw APIError(status: .serviceUnavailable, code: "operations_unavailable",
                               message: "this server has no operator access (it was started without the owner's database URL)")
            }
            guard let principal = try await operators.authenticate(sha256: APIKeyMaker.sha256(of: key)) else {
                throw APIError.unauthenticated("this operator key is unknown or revoked")
            }
            context.operatorPrincipal = principal
            context.logger[metadataKey: "operator"] = "\(principal.name)"
            return try await next(request, context)
        }
        guard let principal = try await keys.authenticate(sha256: APIKeyMaker.sha256(of: key)) else {
            throw APIError.unauthenticated("this API key is unknown or revoked")
        }
        context.principal = principal
        context.logger[metadataKey: "tenant_id"] = "\(principal.tenantId)"
        return try await next(request, context)
    }
}

/// Makes API keys: `rlk_` (a tenant's) or `rlo_` (an operator's) and 43 characters of base64url
/// from 32 random bytes (256 bits); the prefix shown afterwards is the first 12 characters.
public enum APIKeyMaker {
    public static let tenantPrefix = "rlk_"
    public static let operatorPrefix = "rlo_"

    public struct NewKey: Sendable {
        /// The key itself: shown once, stored nowhere.
        public var key: String
        public var prefix: String
        public var sha256: [UInt8]
    }

    public static func make(prefix: String = tenantPrefix) -> NewKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let key = prefix + base64URL(bytes)
        return NewKey(key: key, prefix: String(key.prefix(12)), sha256: sha256(of: key))
    }

    public static func sha256(of key: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(key.utf8)))
    }

    /// Base64 with the URL-safe alphabet and no padding (RFC 4648, section 5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
