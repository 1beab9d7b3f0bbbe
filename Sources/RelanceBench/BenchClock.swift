import Foundation
import RelanceCore
import RelancePipeline

/// The benchmark's clock: real time, shifted so that the run starts at 10:30 (Europe/Paris) on
/// a working day. Every compliance window is open then (calls 09:00–12:00, emails 08:00–20:00,
/// letters and legal filings on working days), so no seeded step is deferred; and it moves at
/// the real rate, so the latencies measured with it are real.
public struct BenchClock: PipelineClock {
    public static let zone = TimeZone(identifier: "Europe/Paris")!

    /// The simulated day.
    let day: CalendarDate
    /// Simulated time minus real time.
    let offset: TimeInterval

    init(day: CalendarDate, realStart: Date = Date()) {
        self.day = day
        offset = day.moment(hour: 10, minute: 30, in: Self.zone).timeIntervalSince(realStart)
    }

    public func now() -> Date { Date().addingTimeInterval(offset) }

    /// The real moment a time read from this clock stands for.
    func real(_ simulated: Date) -> Date { simulated.addingTimeInterval(-offset) }

    /// The first working day on or after `start` (Monday to Friday, not a French public
    /// holiday in metropolitan France or Alsace-Moselle).
    public static func workingDay(from start: CalendarDate) -> CalendarDate {
        var day = start
        while day.isWeekend || HolidayCalendar.alsaceMoselle.holiday(on: day) != nil {
            day = day.adding(days: 1)
        }
        return day
    }
}
