import Foundation
import RelanceCore

/// Where a tenant's webhook events go: one endpoint per tenant, its URL and the secret that
/// signs every request to it.
public struct WebhookEndpoint: Sendable, Hashable {
    public var tenantId: TenantID
    /// An `http://` or `https://` URL.
    public var url: String
    /// The HMAC-SHA256 key of the `Relance-Signature` header (16 characters at least).
    public var secret: String
    /// A disabled endpoint receives nothing: no event is recorded for it, and events already
    /// recorded are given up.
    public var enabled: Bool
    /// Set by the store.
    public var createdAt: Date?
    public var updatedAt: Date?

    /// The shortest secret accepted.
    public static let minimumSecretLength = 16

    public init(tenantId: TenantID, url: String, secret: String, enabled: Bool = true, createdAt: Date? = nil, updatedAt: Date? = nil) {
        self.tenantId = tenantId
        self.url = url
        self.secret = secret
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Why the endpoint cannot be stored, or nil when it can (the table checks the same).
    public var problem: String? {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            return "a webhook URL starts with http:// or https://"
        }
        guard let parsed = URL(string: url), let host = parsed.host, !host.isEmpty else {
            return "the webhook URL has no host"
        }
        guard secret.count >= Self.minimumSecretLength else {
            return "a webhook secret has \(Self.minimumSecretLength) characters at least"
        }
        return nil
    }
}
