import Foundation
import RelanceCore
import Testing

@Suite("UUID text form, written and read without Foundation's codec")
struct UUIDTextTests {
    /// Random identifiers plus the extremes and one using every hex digit in each nibble.
    private static func samples(_ count: Int = 2_000) -> [UUID] {
        var list = (0..<count).map { _ in UUID() }
        list.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        list.append(UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
        list.append(UUID(uuid: (0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0xFE, 0xDC, 0xBA, 0x98, 0x76, 0x54, 0x32, 0x10)))
        return list
    }

    @Test("The text is Foundation's uuidString, upper case, or its lower-cased form")
    func writesAsFoundation() {
        for uuid in Self.samples() {
            #expect(uuid.text() == uuid.uuidString)
            #expect(uuid.text(uppercase: false) == uuid.uuidString.lowercased())
            var bytes: [UInt8] = Array("x".utf8)
            uuid.appendText(to: &bytes)
            uuid.appendText(to: &bytes, uppercase: false)
            #expect(bytes == Array(("x" + uuid.uuidString + uuid.uuidString.lowercased()).utf8))
        }
    }

    @Test("Reading either case gives back the UUID, as Foundation reads it")
    func readsAsFoundation() {
        for uuid in Self.samples() {
            let upper = uuid.uuidString
            let lower = upper.lowercased()
            #expect(UUID(text: upper) == uuid)
            #expect(UUID(text: lower) == uuid)
            #expect(UUID(text: lower) == UUID(uuidString: lower))
            // Mixed case and a substring of a longer text.
            let mixed = String(zip(upper, lower).enumerated().map { $0.offset % 2 == 0 ? $0.element.0 : $0.element.1 })
            #expect(UUID(text: mixed) == uuid)
            let framed = "<\(lower)>"
            #expect(UUID(text: framed.dropFirst().dropLast()) == uuid)
            let bytes = Array(upper.utf8)
            #expect(bytes.withUnsafeBufferPointer { UUID(utf8: $0) } == uuid)
        }
    }

    @Test("Malformed text is refused", arguments: [
        "",
        "E621E1F8-C36C-495A-93FC-0C247A3E6E5",        // 35 characters
        "E621E1F8-C36C-495A-93FC-0C247A3E6E5F0",      // 37 characters
        "E621E1F8C36C-495A-93FC-0C247A3E6E5F0",       // a dash missing, length kept
        "E621E1F-8C36C-495A-93FC-0C247A3E6E5F",       // a dash one place early
        "E621E1F8-C36C4-95A-93FC-0C247A3E6E5F",       // a dash one place late
        "E621E1F8-C36C-495A-93FC-0C247A3E6E5G",       // G is not hex
        "E621E1F8-C36C-495A-93FC-0C247A3E6E:F",       // ':' sits between '9' and 'A'
        "E621E1F8-C36C-495A-93FC-0C247A3E6E@F",       // '@' sits just before 'A'
        "e621e1f8-c36c-495a-93fc-0c247a3e6e`f",       // '`' sits just before 'a'
        "E621E1F8-C36C-495A-93FC-0C247A3E6E5 ",
        " E621E1F8-C36C-495A-93FC-0C247A3E6E5",
        "+621E1F8-C36C-495A-93FC-0C247A3E6E5F",
        "{E621E1F8-C36C-495A-93FC-0C247A3E6E5}",
        "E621E1F8-C36C-495A-93FC-0C247A3E6EÉ5",       // 36 characters, 37 bytes
        "E621E1F8_C36C_495A_93FC_0C247A3E6E5F",
        "E621E1F8-C36C-495A-93FC-0C247A3E6E-F",
    ])
    func refusesMalformed(_ text: String) {
        #expect(UUID(text: text) == nil)
        #expect(Array(text.utf8).withUnsafeBufferPointer { UUID(utf8: $0) } == nil)
    }

    @Test("Ordering by bytes is the order of the upper-case and lower-case texts")
    func orderMatchesText() {
        let list = Self.samples(600)
        for (left, right) in zip(list, list.shuffled()) {
            #expect(UUID.textOrder(left, right) == (left.uuidString < right.uuidString))
            #expect(UUID.textOrder(left, right) == (left.uuidString.lowercased() < right.uuidString.lowercased()))
        }
        // Neighbours that differ in one nibble only, where a digit meets a letter.
        let nine = UUID(text: "00000000-0000-0000-0000-000000000009")!
        let ten = UUID(text: "00000000-0000-0000-0000-00000000000A")!
        #expect(UUID.textOrder(nine, ten))
        #expect(!UUID.textOrder(ten, nine))
        #expect(!UUID.textOrder(ten, ten))
        let sorted = list.sorted(by: UUID.textOrder)
        #expect(sorted.map(\.uuidString) == list.map(\.uuidString).sorted())
    }

    @Test("Entity ids print lower case, sort as their uuidString and read Foundation's lenient forms too")
    func entityIDs() {
        for uuid in Self.samples(300) {
            let id = InvoiceID(uuid)
            #expect(id.description == uuid.uuidString.lowercased())
            #expect("\(id)" == uuid.uuidString.lowercased())
            #expect(InvoiceID(uuidString: uuid.uuidString) == id)
            #expect(InvoiceID(uuidString: id.description) == id)
        }
        let ids = Self.samples(300).map { InvoiceID($0) }
        #expect(ids.sorted().map(\.uuid.uuidString) == ids.map(\.uuid.uuidString).sorted())
        #expect(InvoiceID(uuidString: "not a uuid") == nil)
        #expect(InvoiceID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5G") == nil)
        // Whatever Foundation reads, an entity id reads the same way.
        for odd in ["+1+2+3+4-+5+6-+7+8-+9+A-+B+C+D+E+F+0", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", " 1 2 3 4- 5 6- 7 8- 9 A- B C D E F 0"] {
            #expect(InvoiceID(uuidString: odd)?.uuid == UUID(uuidString: odd))
        }
    }
}
