import Foundation

/// The JSON object stored in `invoice_events.detail`: a few named facts, keys sorted.
struct EventDetail: Encodable {
    enum Value: Encodable {
        case string(String)
        case int(Int64)
        case strings([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .strings(let value): try container.encode(value)
            }
        }
    }

    private(set) var values: [String: Value] = [:]

    init(_ values: [String: Value] = [:]) {
        self.values = values
    }

    subscript(key: String) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func encode(to encoder: any Encoder) throws {
        try values.encode(to: encoder)
    }

    var json: String {
        (try? StoreJSON.domain(self)) ?? "{}"
    }
}
