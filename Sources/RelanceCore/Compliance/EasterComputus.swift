/// The date of Easter Sunday in the Gregorian calendar.
///
/// French public holidays after Easter (Easter Monday, Ascension, Whit Monday) move every
/// year, so they are computed rather than tabulated.
public enum EasterComputus {
    /// Easter Sunday of `year` (Gregorian, valid from 1583), by the anonymous Gregorian
    /// algorithm published by Meeus: pure integer arithmetic, no table.
    public static func easterSunday(year: Int) -> CalendarDate {
        let a = year % 19                       // position in the 19-year Metonic cycle
        let b = year / 100                      // century
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25                    // lunar correction
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30  // epact: days from the new moon to the paschal full moon
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7 // days from the full moon to the next Sunday
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // The algorithm always yields a day between 22 March and 25 April.
        return CalendarDate(year: year, month: month, day: day)!
    }
}
