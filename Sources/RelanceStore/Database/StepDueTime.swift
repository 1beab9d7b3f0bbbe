import Foundation
import RelanceCore

/// When a schedule step becomes due: its calendar date at 08:00 in the debtor's time zone.
///
/// The hour is a wall-clock hour in the debtor's own zone (an explicit `TimeZone`, never the
/// server's), so a step dated in summer is due at 06:00 UTC in Paris and one dated in winter at
/// 07:00 UTC. 08:00 exists on every day in the zones Relance serves (clocks change at night).
/// The dispatcher's compliance rules may defer a step further (quiet hours, holidays).
public struct StepDueTime: Sendable {
    /// The local hour at which a step falls due.
    public static let hour = 8

    private var cache: [Key: Date] = [:]
    private var zones: [String: TimeZone] = [:]

    private struct Key: Hashable {
        var zone: String
        var day: Int
    }

    public init() {}

    /// The moment `date` at 08:00 in `timeZone`; remembers answers, since the invoices of a
    /// batch share few dates and zones.
    public mutating func dueAt(_ date: CalendarDate, timeZone identifier: String) throws -> Date {
        let key = Key(zone: identifier, day: date.daysSinceEpoch)
        if let known = cache[key] { return known }
        let zone: TimeZone
        if let known = zones[identifier] {
            zone = known
        } else {
            guard let found = TimeZone(identifier: identifier) else {
                throw StoreError(.invalidRecord, "'\(identifier)' is not a known time zone")
            }
            zones[identifier] = found
            zone = found
        }
        let moment = try Self.dueAt(date, in: zone)
        cache[key] = moment
        return moment
    }

    /// The moment `date` at 08:00 in `zone`.
    public static func dueAt(_ date: CalendarDate, in zone: TimeZone) throws -> Date {
        date.moment(hour: hour, in: zone)
    }
}
