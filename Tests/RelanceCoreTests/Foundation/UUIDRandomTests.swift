import Foundation
import RelanceCore
import Testing

@Suite("Random identifiers")
struct UUIDRandomTests {
    @Test("Version 4, RFC 4122 variant, all distinct across many pool refills and threads")
    func versionAndUniqueness() async {
        // 20 000 ids: about 80 refills of the 4 KiB pool, taken from four tasks at once.
        let batches = await withTaskGroup(of: [UUID].self) { group in
            for _ in 0..<4 { group.addTask { (0..<5_000).map { _ in UUID.random() } } }
            var all: [[UUID]] = []
            for await batch in group { all.append(batch) }
            return all
        }
        let ids = batches.flatMap { $0 }
        #expect(ids.count == 20_000)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.uuid.6 >> 4 == 4)
            #expect(id.uuid.8 >> 6 == 0b10)
        }
        // Every bit that is not fixed takes both values somewhere (the bytes are not left zero).
        var ored = [UInt8](repeating: 0, count: 16), anded = [UInt8](repeating: 0xFF, count: 16)
        for id in ids {
            withUnsafeBytes(of: id.uuid) { raw in
                for index in 0..<16 { ored[index] |= raw[index]; anded[index] &= raw[index] }
            }
        }
        #expect(ored[0] == 0xFF && ored[15] == 0xFF && anded[0] == 0 && anded[15] == 0)
    }
}
