import Hummingbird
import Logging
import RelanceStore

/// A request's context: Hummingbird's, plus who the request's key says it is.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `Authentication` before any `/v1` route runs.
    public var principal: APIPrincipal?
    /// Set instead of `principal` when the key is an operator's: it acts for no tenant.
    public var operatorPrincipal: OperatorPrincipal?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = nil
        self.operatorPrincipal = nil
    }

    /// JSON bodies are small; the import streams its body and sets its own limit.
    public var maxUploadSize: Int { APILimits.jsonBodyBytes }

    /// The authenticated caller, allowed `permission`: 403 otherwise.
    func require(_ permission: Permission) throws(APIError) -> APIPrincipal {
        if operatorPrincipal != nil {
            throw APIError(status: .forbidden, code: "forbidden",
                           message: "an operator key acts for no tenant: use one of the tenant's keys")
        }
        guard let principal else {
            throw APIError.unauthenticated("send an API key: Authorization: Bearer <key>")
        }
        guard permission.allowed(for: principal.role) else {
            throw APIError(
                status: .forbidden, code: "forbidden",
                message: "a key with the role '\(principal.role.rawValue)' may not \(permission.description)"
            )
        }
        return principal
    }
}

/// What a route needs of a key's role.
enum Permission: CustomStringConvertible {
    /// Read anything of the tenant.
    case read
    /// Record what debtors say and pay: payments, promises, disputes, plans, call results.
    case collect
    /// Everything else: parties, invoices, imports, policies, pauses, write-offs, keys, webhooks.
    case manage

    func allowed(for role: APIRole) -> Bool {
        switch (self, role) {
        case (_, .admin): true
        case (.read, _): true
        case (.collect, .agent): true
        default: false
        }
    }

    var description: String {
        switch self {
        case .read: "read"
        case .collect: "record payments, promises, disputes or plans"
        case .manage: "change the tenant's data (an admin key may)"
        }
    }
}

/// Limits on what a client may send or ask for.
enum APILimits {
    /// A JSON body: 1 MiB.
    static let jsonBodyBytes = 1 << 20
    /// An import body: 512 MiB, streamed.
    static let importBodyBytes = 512 << 20
    /// Items per page: default and maximum.
    static let defaultPageSize = 50
    static let maximumPageSize = 500
}

extension APIContext {
    /// The operator the request's key names: 403 for a tenant's key.
    func requireOperator() throws(APIError) -> OperatorPrincipal {
        if let operatorPrincipal { return operatorPrincipal }
        guard principal != nil else {
            throw APIError.unauthenticated("send an operator key: Authorization: Bearer rlo_…")
        }
        throw APIError(status: .forbidden, code: "forbidden",
                       message: "the operator routes need an operator key (relance ops key create), not a tenant's")
    }
}
