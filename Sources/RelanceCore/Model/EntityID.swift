import Foundation

/// A typed identifier: a UUID that cannot be mistaken for the id of another kind of entity.
///
/// Encodes as the bare UUID string (`"8F0C…"`), as the database and the queue messages carry it.
public struct EntityID<Entity>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) { self.uuid = uuid }

    /// A fresh identifier, time-ordered (version 7): records created together sit together in
    /// their indexes.
    public init() { self.uuid = UUID.timeOrdered() }

    /// Parses the canonical UUID text form; nil when `text` is not a UUID.
    public init?(uuidString text: String) {
        // The canonical form is read directly; anything else goes to Foundation, which also
        // takes a few lenient forms (its `sscanf` skips spaces and signs).
        guard let uuid = UUID(text: text) ?? UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// The lower-case text form, as PostgreSQL prints a `uuid`.
    public var description: String { uuid.text(uppercase: false) }

    /// The order of the upper-case text forms (`uuidString`), compared without writing them.
    public static func < (lhs: EntityID, rhs: EntityID) -> Bool {
        UUID.textOrder(lhs.uuid, rhs.uuid)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.uuid = try container.decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuid)
    }
}

public typealias TenantID = EntityID<Tenant>
public typealias CreditorID = EntityID<Creditor>
public typealias DebtorID = EntityID<Debtor>
public typealias InvoiceID = EntityID<Invoice>
public typealias PaymentID = EntityID<Payment>
public typealias DunningPolicyID = EntityID<DunningPolicy>
