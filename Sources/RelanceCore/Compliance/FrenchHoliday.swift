/// A French public holiday ("jour férié"), identified by the name used in the rule files.
///
/// The eleven national holidays are those of Code du travail L3133-1; `goodFriday` and
/// `saintStephen` are the two extra holidays of Alsace-Moselle (Code du travail L3134-13).
public enum FrenchHoliday: String, Sendable, Hashable, Codable, CaseIterable {
    case newYearsDay = "new_years_day"
    case goodFriday = "good_friday"
    case easterMonday = "easter_monday"
    case labourDay = "labour_day"
    case victoryInEuropeDay = "victory_in_europe_day"
    case ascension = "ascension"
    case whitMonday = "whit_monday"
    case bastilleDay = "bastille_day"
    case assumption = "assumption"
    case allSaints = "all_saints"
    case armisticeDay = "armistice_day"
    case christmas = "christmas"
    case saintStephen = "saint_stephen"

    /// The date this holiday falls on in `year`.
    public func date(in year: Int) -> CalendarDate {
        func fixed(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        // Only the movable feasts need Easter; the fixed ones are looked up far more often.
        var easter: CalendarDate { EasterComputus.easterSunday(year: year) }
        switch self {
        case .newYearsDay: return fixed(1, 1)
        case .goodFriday: return easter.adding(days: -2)
        case .easterMonday: return easter.adding(days: 1)
        case .labourDay: return fixed(5, 1)
        case .victoryInEuropeDay: return fixed(5, 8)
        case .ascension: return easter.adding(days: 39)
        case .whitMonday: return easter.adding(days: 50)
        case .bastilleDay: return fixed(7, 14)
        case .assumption: return fixed(8, 15)
        case .allSaints: return fixed(11, 1)
        case .armisticeDay: return fixed(11, 11)
        case .christmas: return fixed(12, 25)
        case .saintStephen: return fixed(12, 26)
        }
    }

    /// The holiday's name in `language`, as shown in deferral reasons and letters.
    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.newYearsDay, .fr): "Jour de l'an"
        case (.newYearsDay, .en): "New Year's Day"
        case (.goodFriday, .fr): "Vendredi saint"
        case (.goodFriday, .en): "Good Friday"
        case (.easterMonday, .fr): "Lundi de Pâques"
        case (.easterMonday, .en): "Easter Monday"
        case (.labourDay, .fr): "Fête du Travail"
        case (.labourDay, .en): "Labour Day"
        case (.victoryInEuropeDay, .fr): "Victoire 1945"
        case (.victoryInEuropeDay, .en): "Victory in Europe Day"
        case (.ascension, .fr): "Ascension"
        case (.ascension, .en): "Ascension"
        case (.whitMonday, .fr): "Lundi de Pentecôte"
        case (.whitMonday, .en): "Whit Monday"
        case (.bastilleDay, .fr): "Fête nationale"
        case (.bastilleDay, .en): "Bastille Day"
        case (.assumption, .fr): "Assomption"
        case (.assumption, .en): "Assumption"
        case (.allSaints, .fr): "Toussaint"
        case (.allSaints, .en): "All Saints' Day"
        case (.armisticeDay, .fr): "Armistice 1918"
        case (.armisticeDay, .en): "Armistice Day"
        case (.christmas, .fr): "Noël"
        case (.christmas, .en): "Christmas Day"
        case (.saintStephen, .fr): "Saint-Étienne"
        case (.saintStephen, .en): "St Stephen's Day"
        }
    }
}
