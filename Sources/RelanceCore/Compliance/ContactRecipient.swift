import Foundation

/// What the contact rules need to know about the person reached: where their wall clock is,
/// which holidays they keep, and whether they are a consumer.
public struct ContactRecipient: Sendable, Hashable {
    public let timeZone: TimeZone
    public let debtorKind: DebtorKind
    /// A region key of the rule set's `publicHolidays.regions` (e.g. `alsace_moselle`), or nil
    /// for the national list.
    public let holidayRegion: String?

    /// Throws when `timeZoneIdentifier` is not an IANA zone known to this machine.
    public init(timeZoneIdentifier: String, debtorKind: DebtorKind, holidayRegion: String? = nil) throws(ComplianceError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw ComplianceError(.unknownTimeZone, "'\(timeZoneIdentifier)' is not a known IANA time zone")
        }
        self.init(timeZone: zone, debtorKind: debtorKind, holidayRegion: holidayRegion)
    }

    public init(timeZone: TimeZone, debtorKind: DebtorKind, holidayRegion: String? = nil) {
        self.timeZone = timeZone
        self.debtorKind = debtorKind
        self.holidayRegion = holidayRegion
    }
}
