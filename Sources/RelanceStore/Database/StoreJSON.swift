import Foundation

/// How the store writes and reads its JSON columns.
///
/// Domain values the domain gives a JSON form to (`InvoiceState`, `DunningPolicy`) are stored
/// in that form. Addresses, legal identifiers and agency details use snake_case keys, as the
/// schema documents them (`{"lines": [...], "postal_code": "...", "country_code": "FR"}`).
enum StoreJSON {
    private static let domainEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static let snakeEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    private static let domainDecoder = JSONDecoder()

    private static let snakeDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// The domain's own JSON form of `value`, keys sorted.
    static func domain(_ value: some Encodable) throws -> String {
        String(decoding: try domainEncoder.encode(value), as: UTF8.self)
    }

    /// `value` with snake_case keys, keys sorted.
    static func snake(_ value: some Encodable) throws -> String {
        String(decoding: try snakeEncoder.encode(value), as: UTF8.self)
    }

    static func decodeDomain<T: Decodable>(_ type: T.Type, from text: String, what: String) throws -> T {
        do {
            return try domainDecoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corruptRecord, "the stored \(what) cannot be read: \(error)", underlying: error)
        }
    }

    static func decodeSnake<T: Decodable>(_ type: T.Type, from text: String, what: String) throws -> T {
        do {
            return try snakeDecoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corruptRecord, "the stored \(what) cannot be read", underlying: error)
        }
    }
}
