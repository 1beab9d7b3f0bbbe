/// The public holidays observed in one place: the national list plus a region's extras.
public struct HolidayCalendar: Sendable, Hashable {
    /// The holidays observed, whatever the year.
    public let observed: Set<FrenchHoliday>

    public init(observed: Set<FrenchHoliday>) {
        self.observed = observed
    }

    /// Metropolitan France: the eleven holidays of Code du travail L3133-1.
    public static let metropolitanFrance = HolidayCalendar(observed: [
        .newYearsDay, .easterMonday, .labourDay, .victoryInEuropeDay, .ascension, .whitMonday,
        .bastilleDay, .assumption, .allSaints, .armisticeDay, .christmas,
    ])

    /// Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle): the national list plus Good Friday and
    /// 26 December.
    public static let alsaceMoselle = HolidayCalendar(
        observed: metropolitanFrance.observed.union([.goodFriday, .saintStephen])
    )

    /// Every holiday of `year`, in date order.
    public func holidays(in year: Int) -> [PublicHoliday] {
        observed.map { PublicHoliday(holiday: $0, date: $0.date(in: year)) }.sorted()
    }

    /// The holiday falling on `date`, if any.
    public func holiday(on date: CalendarDate) -> PublicHoliday? {
        // Several holidays can share a date only in theory (Ascension on 1 or 8 May); report
        // the first in a stable order.
        for holiday in FrenchHoliday.allCases where observed.contains(holiday) && holiday.date(in: date.year) == date {
            return PublicHoliday(holiday: holiday, date: date)
        }
        return nil
    }
}
