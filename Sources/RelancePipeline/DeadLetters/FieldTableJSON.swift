import AMQP
import Foundation

/// AMQP headers as JSON, for operators to read: strings and numbers as themselves, timestamps
/// as RFC 3339 text, bytes as UTF-8 text when they are, tables as objects.
enum FieldTableJSON {
    static func encode(_ table: FieldTable) -> String {
        let object = Dictionary(uniqueKeysWithValues: table.map { ($0.key, value($0.value)) })
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func value(_ field: FieldValue) -> Any {
        switch field {
        case .bool(let v): return v
        case .int8, .int16, .int32, .int64: return field.integerValue!
        case .float(let v): return Double(v)
        case .double(let v): return v.isFinite ? v : String(v)
        case .decimal(let scale, let value): return Double(value) / pow(10, Double(scale))
        case .string(let v): return v
        case .bytes(let v): return String(validating: v, as: UTF8.self) ?? v.map { String(format: "%02x", $0) }.joined()
        case .timestamp(let seconds): return Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
        case .array(let values): return values.map(value)
        case .table(let table): return Dictionary(uniqueKeysWithValues: table.map { ($0.key, value($0.value)) })
        case .void: return NSNull()
        }
    }

    /// FNV-1a, 64 bits: a stable name for a body that carries no job id.
    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
