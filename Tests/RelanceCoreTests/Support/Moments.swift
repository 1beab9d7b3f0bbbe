import Foundation
import RelanceCore

/// Builds instants from ISO 8601 text with an explicit offset, e.g. `2025-05-29T10:00:00+02:00`.
enum Moments {
    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad ISO 8601 moment \(text)") }
        return date
    }

    static let paris = TimeZone(identifier: "Europe/Paris")!
}
