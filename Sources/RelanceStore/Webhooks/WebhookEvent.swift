import Foundation
import RelanceCore

/// A recorded webhook event and where its delivery stands, as a tenant lists them.
public struct WebhookEvent: Sendable, Hashable {
    /// Where the delivery stands.
    public enum DeliveryState: String, Sendable, Hashable {
        /// Not delivered yet: the next attempt is due at `nextAttemptAt`.
        case pending
        /// The endpoint answered 2xx.
        case delivered
        /// Given up: too many attempts, or the endpoint was removed or disabled.
        case failed
    }

    /// The id receivers deduplicate on (the payload's `id`, the `Relance-Event-Id` header).
    public var id: UUID
    public var tenantId: TenantID
    /// `invoice.payment`, `invoice.state_changed` or `job.outcome`.
    public var type: String
    public var occurredAt: Date
    /// The JSON body sent, exactly.
    public var payload: String
    public var attempts: Int
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    public var failedAt: Date?
    /// The last attempt's HTTP status, when the receiver answered.
    public var lastStatus: Int?
    public var lastError: String?

    public var state: DeliveryState {
        if deliveredAt != nil { return .delivered }
        if failedAt != nil { return .failed }
        return .pending
    }

    public init(
        id: UUID, tenantId: TenantID, type: String, occurredAt: Date, payload: String, attempts: Int,
        nextAttemptAt: Date, deliveredAt: Date?, failedAt: Date?, lastStatus: Int?, lastError: String?
    ) {
        self.id = id
        self.tenantId = tenantId
        self.type = type
        self.occurredAt = occurredAt
        self.payload = payload
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.failedAt = failedAt
        self.lastStatus = lastStatus
        self.lastError = lastError
    }
}
