import Foundation
import RelanceChannels
import Testing

@Suite("Email addresses")
struct EmailAddressTests {
    @Test("common addresses are accepted as written", arguments: [
        "paul@example.com", "paul.martin+relances@mail.example.fr", "o'brien@example.ie", "x@[127.0.0.1]",
        "  padded@example.com ", "a@localhost",
    ])
    func valid(_ text: String) throws {
        let address = try EmailAddress(text)
        #expect(address.description == text.trimmingCharacters(in: .whitespaces))
        #expect(address.angleBracketed == "<" + address.description + ">")
    }

    @Test("malformed addresses are refused with the reason", arguments: [
        "", "paul", "paul@", "@example.com", "paul martin@example.com", "paul@exa mple.com", "paul..martin@example.com",
        ".paul@example.com", "paul@example..com", "paul@-example.com", "<paul@example.com>", "paul@example.com,eve@example.com",
        "paul@example.com\r\nBcc: eve@example.com", "hélène@example.fr", "paul@exämple.fr", "a@b@example.com",
    ])
    func invalid(_ text: String) {
        #expect(throws: EmailAddressError.self) { try EmailAddress(text) }
    }
}
