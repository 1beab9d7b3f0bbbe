import NIOCore
import PostgresNIO
import RelanceCore

// CalendarDate travels as a PostgreSQL `date` (binary form: days since 2000-01-01), alone and
// in arrays, so bulk statements can bind `date[]` and rows decode straight into the domain type.
// RelanceCore never imports a driver, so these conformances cannot clash with its own.

extension CalendarDate: PostgresNonThrowingEncodable {
    /// 2000-01-01, PostgreSQL's day zero, in days since 1970-01-01.
    static let postgresEpochDays = 10_957

    public static var psqlType: PostgresDataType { .date }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer,
        context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(Int32(daysSinceEpoch - Self.postgresEpochDays))
    }
}

extension CalendarDate: PostgresArrayEncodable {
    public static var psqlArrayType: PostgresDataType { .dateArray }
}

extension CalendarDate: PostgresDecodable {
    public init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer,
        type: PostgresDataType,
        format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .date else { throw PostgresDecodingError.Code.typeMismatch }
        switch format {
        case .binary:
            // ±infinity (Int32.max / Int32.min) has no calendar day.
            guard buffer.readableBytes == 4, let days = buffer.readInteger(as: Int32.self),
                  days != .max, days != .min
            else { throw PostgresDecodingError.Code.failure }
            self.init(daysSinceEpoch: Int(days) + Self.postgresEpochDays)
        case .text:
            guard let text = buffer.readString(length: buffer.readableBytes),
                  let date = try? CalendarDate(iso: text)
            else { throw PostgresDecodingError.Code.failure }
            self = date
        }
    }
}

extension CalendarDate: PostgresArrayDecodable {}
