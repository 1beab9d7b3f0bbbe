import Foundation

/// One row of the job outbox: a message to publish.
public struct OutboxJob: Sendable, Hashable {
    public var id: UUID
    public var tenantId: UUID
    public var debtorId: UUID
    public var channel: Channel
    /// The message body (JSON of a `ReminderJob`).
    public var payload: Data

    public init(id: UUID, tenantId: UUID, debtorId: UUID, channel: Channel, payload: Data) {
        self.id = id
        self.tenantId = tenantId
        self.debtorId = debtorId
        self.channel = channel
        self.payload = payload
    }
}
