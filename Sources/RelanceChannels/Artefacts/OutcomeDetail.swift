import Foundation

/// How channels write an outcome's detail (`job_outcomes.detail`): one JSON object, keys
/// sorted, slashes of paths left as they are.
enum OutcomeDetail {
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The details are strings, numbers, flags and lists of them: they always encode.
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
