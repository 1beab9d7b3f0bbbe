import Foundation
import Hummingbird
import RelanceCore
import RelanceStore

/// The one shape of every error the API answers:
/// `{"error": {"code": "...", "message": "...", "field": "..."}}` with the right status. The
/// message says what to change; it never carries SQL, a stack trace or another tenant's data.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = ErrorBody(error: .init(code: code, message: message, field: field))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: APIJSON.encode(body))))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var field: String?
        }
        var error: Detail
    }

    static func unauthenticated(_ message: String) -> APIError {
        APIError(status: .unauthorized, code: "unauthenticated", message: message, headers: [.wwwAuthenticate: "Bearer"])
    }

    static func notFound(_ what: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: "no \(what)")
    }

    static func invalid(_ field: String, _ message: String) -> APIError {
        APIError(status: .badRequest, code: "invalid", message: message, field: field)
    }

    static func missing(_ field: String) -> APIError {
        APIError(status: .badRequest, code: "missing", message: "'\(field)' is required", field: field)
    }

    /// What a client sees for `error`, whatever threw it: the API's own errors as they are,
    /// the domain's refusals as 409 or 422 with their message, a malformed body as 400 naming
    /// the field, and anything unexpected as a bare 500 (logged in full, told to nobody).
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            return fromHTTP(error)
        case let error as any HTTPResponseError:
            // Hummingbird's own refusals, e.g. a body over the limit while it is collected.
            return fromHTTP(HTTPError(error.status))
        case let error as DecodingError:
            return fromDecoding(error)
        case let error as StoreError:
            switch error.code {
            case .notFound: return APIError(status: .notFound, code: "not_found", message: error.message)
            case .constraintViolation:
                return APIError(status: .conflict, code: "conflict", message: "the record conflicts with one already stored (\(error.message))")
            case .invalidRecord: return APIError(status: .unprocessableContent, code: "invalid_record", message: error.message)
            case .callTaskClosed, .callTaskNotHeld: return APIError(status: .conflict, code: error.code.name, message: error.message)
            case .callResultRefused: return APIError(status: .unprocessableContent, code: error.code.name, message: error.message)
            default: return nil
            }
        case let error as InvoiceStateError:
            return APIError(status: .conflict, code: error.code.name, message: error.message)
        case let error as CallResultError:
            return APIError(status: .unprocessableContent, code: error.code.name, message: error.message)
        case let error as ModelValidationError:
            return APIError(status: .unprocessableContent, code: error.code.name, message: error.message)
        case let error as MoneyError:
            return APIError(status: .unprocessableContent, code: error.code.name, message: error.message)
        case let error as DunningPolicyError:
            return APIError(status: .unprocessableContent, code: error.code.name, message: error.message)
        default:
            return nil
        }
    }

    private static func fromHTTP(_ error: HTTPError) -> APIError {
        switch error.status {
        case .notFound:
            return APIError(status: .notFound, code: "not_found", message: "no such route; the API is under /v1 (see schemas/openapi.yaml)")
        case .contentTooLarge:
            return APIError(status: .contentTooLarge, code: "body_too_large",
                            message: "the body is larger than \(APILimits.jsonBodyBytes) bytes; send bulk data to POST /v1/invoices/import")
        case .methodNotAllowed:
            return APIError(status: .methodNotAllowed, code: "method_not_allowed", message: "this route does not answer that method")
        default:
            return APIError(status: error.status, code: "http_error", message: error.body ?? error.status.reasonPhrase)
        }
    }

    private static func fromDecoding(_ error: DecodingError) -> APIError {
        switch error {
        case .keyNotFound(let key, let context):
            let field = fieldName(context.codingPath + [key])
            return APIError(status: .badRequest, code: "missing", message: "'\(field)' is required", field: field)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = fieldName(context.codingPath)
            if field.hasSuffix("amount") {
                return APIError(status: .badRequest, code: "invalid", message:
                    "'\(field)' must be a decimal string such as \"1250.40\" (or send '\(field)_minor' in integer minor units); numbers with a fraction are refused",
                    field: field)
            }
            return APIError(status: .badRequest, code: "invalid", message: "'\(field)' must be \(describe(type))", field: field.isEmpty ? nil : field)
        case .dataCorrupted(let context):
            let field = fieldName(context.codingPath)
            if field.isEmpty {
                return APIError(status: .badRequest, code: "malformed_json", message: "the body is not a JSON object")
            }
            if context.debugDescription.contains("UUID") {
                return APIError(status: .badRequest, code: "invalid", message: "'\(field)' is not an id (a UUID)", field: field)
            }
            return APIError(status: .badRequest, code: "invalid", message: "'\(field)': \(context.debugDescription)", field: field)
        @unknown default:
            return APIError(status: .badRequest, code: "malformed_json", message: "the body cannot be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "of another type"
        }
    }

    /// `a.b[0].c` in the JSON's own snake_case names.
    static func fieldName(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += snakeCase(key.stringValue)
            }
        }
        return text
    }

    static func snakeCase(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.isUppercase {
                if !result.isEmpty { result += "_" }
                result += String(scalar).lowercased()
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
