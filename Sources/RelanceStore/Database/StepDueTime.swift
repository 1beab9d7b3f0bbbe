import Foundation
import RelanceCore

/// When schedule steps become due (`CalendarDate.stepDueMoment(in:)`: their date at 08:00 in
/// the debtor's time zone), remembered per zone and day, since the invoices of a batch share
/// few dates and zones.
///
/// The hour is a wall-clock hour in the debtor's own zone, never the server's, so a step dated
/// in summer is due at 06:00 UTC in Paris and one dated in winter at 07:00 UTC. The
/// dispatcher's compliance rules may defer a step further (quiet hours, holidays).
public struct StepDueTime: Sendable {
    private var cache: [Key: Date] = [:]

    private struct Key: Hashable {
        var zone: TimeZoneID
        var day: Int
    }

    public init() {}

    /// The moment `date` at 08:00 in `zone`.
    public mutating func dueAt(_ date: CalendarDate, in zone: TimeZoneID) -> Date {
        let key = Key(zone: zone, day: date.daysSinceEpoch)
        if let known = cache[key] { return known }
        let moment = date.stepDueMoment(in: zone)
        cache[key] = moment
        return moment
    }
}
