/// One value of an AMQP field table (queue arguments, message headers).
///
/// Literals map to the types RabbitMQ expects for its `x-` arguments: a string literal is
/// a long string, an integer literal a signed 64-bit "long", `true`/`false` a boolean.
public enum FieldValue: Sendable, Hashable {
    case bool(Bool)
    case int8(Int8)
    case int16(Int16)
    case int32(Int32)
    case int64(Int64)
    case float(Float)
    case double(Double)
    /// A decimal: `value` × 10^-`scale`.
    case decimal(scale: UInt8, value: UInt32)
    case string(String)
    case bytes([UInt8])
    /// Seconds since 1970-01-01 UTC.
    case timestamp(UInt64)
    case array([FieldValue])
    case table(FieldTable)
    case void

    /// The value as a signed integer when it is any integer kind, else nil.
    public var integerValue: Int64? {
        switch self {
        case .int8(let v): Int64(v)
        case .int16(let v): Int64(v)
        case .int32(let v): Int64(v)
        case .int64(let v): v
        default: nil
        }
    }

    /// The value when it is a string (or UTF-8 bytes), else nil.
    public var stringValue: String? {
        switch self {
        case .string(let s): s
        case .bytes(let b): String(validating: b, as: UTF8.self)
        default: nil
        }
    }
}

extension FieldValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension FieldValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .int64(value) }
}

extension FieldValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension FieldValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension FieldValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: FieldValue...) { self = .array(elements) }
}

extension FieldValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, FieldValue)...) {
        self = .table(FieldTable(elements))
    }
}
