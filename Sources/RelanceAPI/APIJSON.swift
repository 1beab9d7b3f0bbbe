import Foundation
import Hummingbird

/// JSON as the API writes and reads it: snake_case keys, RFC 3339 moments, `YYYY-MM-DD` dates.
enum APIJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value the API encodes is built from its own types: encoding cannot fail.
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// A JSON response.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: encode(value))))
    }

    /// The request's body as `T`: at most `APILimits.jsonBodyBytes`, a JSON object, every
    /// problem a 400 naming the field.
    static func body<T: Decodable>(_ type: T.Type, of request: Request, context: APIContext) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: APILimits.jsonBodyBytes)
        return try decode(type, from: Data(buffer.readableBytesView))
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else {
            throw APIError(status: .badRequest, code: "missing_body", message: "send a JSON object as the body")
        }
        do {
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw APIError.from(error) ?? APIError(status: .badRequest, code: "malformed_json", message: "the body cannot be read")
        }
    }
}
