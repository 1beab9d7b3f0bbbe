import Foundation
import Synchronization

/// An IANA time zone (`Europe/Paris`, `America/Martinique`), checked once where it enters —
/// a debtor's row, a request, a file — and carried with its `TimeZone` from then on, so that
/// no later reader looks the name up again or falls back to a guess.
public struct TimeZoneID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The IANA name, as stored.
    public let identifier: String
    /// The zone the name designates.
    public let zone: TimeZone

    /// Throws when `identifier` names no zone this system knows.
    public init(_ identifier: String) throws(ModelValidationError) {
        // Rows name a handful of zones, thousands of times a second: each is looked up once.
        if let known = Self.known.withLock({ $0[identifier] }) {
            self = known
            return
        }
        guard let zone = TimeZone(identifier: identifier) else {
            throw ModelValidationError(.invalidTimeZone, "'\(identifier)' is not a known time zone identifier")
        }
        self.identifier = identifier
        self.zone = zone
        let found = self
        Self.known.withLock { known in
            if known.count >= 1_024 { known.removeAll(keepingCapacity: true) }
            known[identifier] = found
        }
    }

    /// The zones looked up so far, by name.
    private static let known = Mutex<[String: TimeZoneID]>([:])

    /// Metropolitan France, the zone of French law's deadlines.
    public static let paris = try! TimeZoneID("Europe/Paris")

    public var description: String { identifier }

    // Equal names are equal zones: comparing and hashing the name alone is enough.
    public static func == (lhs: TimeZoneID, rhs: TimeZoneID) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}

extension CalendarDate {
    /// The local hour at which a schedule step dated on a day falls due, on the debtor's own
    /// clock. 08:00 exists on every day in the zones Relance serves (clocks change at night).
    public static let stepDueHour = 8

    /// The moment a step dated on this day falls due in `zone` (08:00 there).
    public func stepDueMoment(in zone: TimeZoneID) -> Date { moment(hour: Self.stepDueHour, in: zone.zone) }

    /// The calendar date of `moment` in `zone`.
    public init(_ moment: Date, in zone: TimeZoneID) { self.init(moment, in: zone.zone) }
}
