import Foundation

// Ids in responses are written in lower case, as the CLI prints them (Foundation writes UUIDs
// in upper case). Requests may send either.

@propertyWrapper
struct LowercaseID: Encodable, Sendable {
    var wrappedValue: UUID

    init(wrappedValue: UUID) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.uuidString.lowercased())
    }
}

@propertyWrapper
struct LowercaseOptionalID: Encodable, Sendable {
    var wrappedValue: UUID?

    init(wrappedValue: UUID?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue.uuidString.lowercased()) } else { try container.encodeNil() }
    }
}

@propertyWrapper
struct LowercaseIDs: Encodable, Sendable {
    var wrappedValue: [UUID]

    init(wrappedValue: [UUID]) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.map { $0.uuidString.lowercased() })
    }
}
