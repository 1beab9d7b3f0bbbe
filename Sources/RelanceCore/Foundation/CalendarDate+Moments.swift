import Foundation

extension CalendarDate {
    /// The calendar date of `moment` in `timeZone`.
    public init(_ moment: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        self = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The moment this date shows `hour`:`minute` on the clocks of `timeZone`. On a day when
    /// the clocks skip that time (spring forward), the first moment after the gap.
    public func moment(hour: Int, minute: Int = 0, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        if let date = calendar.date(from: parts) { return date }
        // Not representable (inside a DST gap): step forward an hour.
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour + 1, minute: minute))!
    }
}
