import Foundation

/// One jurisdiction's contact rules, read from a JSON rule file (`schemas/compliance/fr.json`):
/// public holidays, contact windows per channel, the contact budget, and the wording collection
/// agencies' letters must carry. The caller reads the file; this type only parses its text.
public struct ComplianceRules: Sendable {
    public let jurisdiction: String
    public let version: String
    /// The national holiday calendar.
    public let nationalHolidays: HolidayCalendar
    /// Regional calendars (national list plus extras), by region key.
    public let regionalHolidays: [String: HolidayCalendar]
    /// The window per channel for any debtor, before per-kind overrides.
    public let windows: [Channel: ContactWindow]
    /// Overrides for one kind of debtor (consumers may be called at other hours).
    public let windowsByDebtorKind: [DebtorKind: [Channel: ContactWindow]]
    public let budget: ContactBudget
    public let collectionAgency: CollectionAgencyRules

    /// The window that applies to `channel` for a debtor of `kind`.
    public func window(for channel: Channel, debtorKind kind: DebtorKind) -> ContactWindow {
        // `parse` guarantees every channel has a window.
        windowsByDebtorKind[kind]?[channel] ?? windows[channel]!
    }

    /// The holidays kept in `region` (nil: the national list).
    public func holidayCalendar(region: String?) throws(ComplianceError) -> HolidayCalendar {
        guard let region else { return nationalHolidays }
        guard let calendar = regionalHolidays[region] else {
            let known = regionalHolidays.keys.sorted().joined(separator: ", ")
            throw ComplianceError(.unknownRegion, "holiday region '\(region)' is not in the \(jurisdiction) rules (known: \(known))")
        }
        return calendar
    }

    /// Parses a rule file's text. Every channel must have a window; unknown channels,
    /// holidays, weekdays or malformed hours are errors, never silently ignored.
    public static func parse(json text: String) throws(ComplianceError) -> ComplianceRules {
        let file: RuleFile
        do {
            file = try JSONDecoder().decode(RuleFile.self, from: Data(text.utf8))
        } catch {
            throw ComplianceError(.invalidRules, "the compliance rules are not valid: \(Self.describe(error))")
        }
        return try file.rules()
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context)?:
            return "\(path(context.codingPath)) \(context.debugDescription)"
        case .keyNotFound(let key, let context)?:
            return "missing field '\(path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

// The file's shape, decoded first and then checked into the public model.
private struct RuleFile: Decodable {
    struct Holidays: Decodable {
        let national: [String]
        let regions: [String: [String]]?
    }

    struct Window: Decodable {
        let days: [String]
        let hours: [String]
        let excludePublicHolidays: Bool
        let byDebtorKind: [String: Window]?
    }

    struct Budget: Decodable {
        let rollingDays: Int
        let maxContacts: Int
        let maxPerChannel: [String: Int]?
        let countedChannels: [String]
    }

    struct AgencyLetters: Decodable {
        struct Article: Decodable {
            let citation: String
            let paragraphs: [String]
        }
        let activityStatement: [String: String]
        let costsArticle: Article
    }

    let jurisdiction: String
    let version: String
    let publicHolidays: Holidays
    let contactWindows: [String: Window]
    let contactBudget: Budget
    let collectionAgencyLetters: AgencyLetters

    func rules() throws(ComplianceError) -> ComplianceRules {
        let national = try holidays(publicHolidays.national, at: "publicHolidays.national")
        var regional: [String: HolidayCalendar] = [:]
        for (region, extras) in publicHolidays.regions ?? [:] {
            let extra = try holidays(extras, at: "publicHolidays.regions.\(region)")
            regional[region] = HolidayCalendar(observed: national.union(extra))
        }

        var windows: [Channel: ContactWindow] = [:]
        var byKind: [DebtorKind: [Channel: ContactWindow]] = [:]
        for (name, window) in contactWindows {
            let channel = try Self.channel(name, at: "contactWindows")
            windows[channel] = try contactWindow(window, at: "contactWindows.\(name)")
            for (kindName, override) in window.byDebtorKind ?? [:] {
                guard let kind = DebtorKind(rawValue: kindName) else {
                    throw ComplianceError(.invalidRules, "contactWindows.\(name).byDebtorKind: '\(kindName)' is not business or consumer")
                }
                guard override.byDebtorKind == nil else {
                    throw ComplianceError(.invalidRules, "contactWindows.\(name).byDebtorKind.\(kindName) cannot nest byDebtorKind")
                }
                byKind[kind, default: [:]][channel] = try contactWindow(override, at: "contactWindows.\(name).byDebtorKind.\(kindName)")
            }
        }
        for channel in Channel.allCases where windows[channel] == nil {
            throw ComplianceError(.invalidRules, "contactWindows has no entry for channel '\(channel.rawValue)'")
        }

        var caps: [Channel: Int] = [:]
        for (name, cap) in contactBudget.maxPerChannel ?? [:] {
            caps[try Self.channel(name, at: "contactBudget.maxPerChannel")] = cap
        }
        var counted: Set<Channel> = []
        for name in contactBudget.countedChannels {
            counted.insert(try Self.channel(name, at: "contactBudget.countedChannels"))
        }
        let budget = try ContactBudget(
            rollingDays: contactBudget.rollingDays,
            maxContacts: contactBudget.maxContacts,
            maxPerChannel: caps,
            countedChannels: counted
        )

        var statements: [Language: String] = [:]
        for (code, text) in collectionAgencyLetters.activityStatement {
            guard let language = Language(rawValue: code) else {
                throw ComplianceError(.invalidRules, "collectionAgencyLetters.activityStatement: '\(code)' is not a supported language")
            }
            statements[language] = text
        }
        let agency = try CollectionAgencyRules(
            activityStatement: statements,
            costsArticleCitation: collectionAgencyLetters.costsArticle.citation,
            costsArticleParagraphs: collectionAgencyLetters.costsArticle.paragraphs
        )

        return ComplianceRules(
            jurisdiction: jurisdiction,
            version: version,
            nationalHolidays: HolidayCalendar(observed: national),
            regionalHolidays: regional,
            windows: windows,
            windowsByDebtorKind: byKind,
            budget: budget,
            collectionAgency: agency
        )
    }

    private func holidays(_ names: [String], at path: String) throws(ComplianceError) -> Set<FrenchHoliday> {
        var result: Set<FrenchHoliday> = []
        for name in names {
            guard let holiday = FrenchHoliday(rawValue: name) else {
                let known = FrenchHoliday.allCases.map(\.rawValue).joined(separator: ", ")
                throw ComplianceError(.invalidRules, "\(path): '\(name)' is not a known holiday (known: \(known))")
            }
            result.insert(holiday)
        }
        return result
    }

    private func contactWindow(_ window: Window, at path: String) throws(ComplianceError) -> ContactWindow {
        var days: Set<ContactWeekday> = []
        for day in window.days {
            guard let weekday = ContactWeekday(rawValue: day) else {
                throw ComplianceError(.invalidRules, "\(path).days: '\(day)' is not one of mon, tue, wed, thu, fri, sat, sun")
            }
            days.insert(weekday)
        }
        var ranges: [WallClockRange] = []
        for text in window.hours {
            guard let range = WallClockRange(text: text) else {
                throw ComplianceError(.invalidRules, "\(path).hours: '\(text)' is not a range such as 09:00-12:00")
            }
            ranges.append(range)
        }
        do {
            return try ContactWindow(days: days, hours: ranges, excludesPublicHolidays: window.excludePublicHolidays)
        } catch {
            throw ComplianceError(.invalidRules, "\(path): \(error.message)")
        }
    }

    private static func channel(_ name: String, at path: String) throws(ComplianceError) -> Channel {
        guard let channel = Channel(rawValue: name) else {
            let known = Channel.allCases.map(\.rawValue).joined(separator: ", ")
            throw ComplianceError(.invalidRules, "\(path): '\(name)' is not a channel (known: \(known))")
        }
        return channel
    }
}
