import Foundation
import RelanceCore

/// An event a deliverer holds (its lease runs until `lockedUntil`), with where to send it.
public struct ClaimedWebhookEvent: Sendable, Hashable {
    public var id: UUID
    public var tenantId: TenantID
    public var type: String
    /// The body to post, the same bytes on every attempt.
    public var payload: String
    /// Attempts made before this one.
    public var attempts: Int
    public var url: String
    public var secret: String
    public var lockedUntil: Date

    public init(id: UUID, tenantId: TenantID, type: String, payload: String, attempts: Int, url: String, secret: String, lockedUntil: Date) {
        self.id = id
        self.tenantId = tenantId
        self.type = type
        self.payload = payload
        self.attempts = attempts
        self.url = url
        self.secret = secret
        self.lockedUntil = lockedUntil
    }
}
