import Foundation
import RelanceCore

/// Amounts and dates as the dashboard shows them: British English (`€1,234.56`, `7 Dec 2026`),
/// the page's language, everywhere on the page.
enum DashboardFormat {
    /// `minor` units of `currency` with its symbol (€, £, US$) or its code (`CHF 1,234.56`).
    static func money(_ minor: Int64, _ currency: String) -> String {
        let digits = (try? Currency(code: currency))?.minorUnitDigits ?? 2
        var divisor: Int64 = 1
        for _ in 0..<digits { divisor *= 10 }
        let magnitude = minor.magnitude
        let major = magnitude / UInt64(divisor)
        let fraction = magnitude % UInt64(divisor)
        var number = grouped(major)
        if digits > 0 {
            let text = String(fraction)
            number += "." + String(repeating: "0", count: digits - text.count) + text
        }
        let sign = minor < 0 ? "−" : ""
        switch currency {
        case "EUR": return sign + "€" + number
        case "GBP": return sign + "£" + number
        case "USD": return sign + "US$" + number
        default: return sign + currency + "\u{00A0}" + number
        }
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: UInt64) -> String {
        let text = String(value)
        var result = ""
        for (index, character) in text.enumerated() {
            if index > 0, (text.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }

    /// A count with thousands separators.
    static func count(_ value: Int) -> String {
        (value < 0 ? "−" : "") + grouped(UInt64(value.magnitude))
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `7 Dec 2026`.
    static func day(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// `7 Dec`.
    static func dayMonth(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1])"
    }

    /// `Mon 7 Dec`.
    static func shortDay(_ date: CalendarDate) -> String {
        "\(weekdays[date.isoWeekday - 1]) \(date.day) \(months[date.month - 1])"
    }

    /// `7 Dec 14:05 UTC`.
    static func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.day, .month, .hour, .minute], from: date)
        let hour = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(parts.day ?? 0) \(months[(parts.month ?? 1) - 1]) \(hour) UTC"
    }

    /// A number of days with one decimal: `37.5`.
    static func days(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// What people call a channel.
    static func channel(_ channel: Channel) -> String {
        switch channel {
        case .email: "Email"
        case .call: "Call"
        case .letter: "Letter"
        case .registeredLetter: "Registered letter"
        case .legal: "Court dossier"
        }
    }
}
