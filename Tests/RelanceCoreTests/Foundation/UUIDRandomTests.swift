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

    @Test("Time-ordered ids: version 7, the moment's milliseconds first, later moments sort after earlier ones")
    func timeOrdered() {
        let start = Date(timeIntervalSince1970: 1_795_000_000.123)
        let ids = (0..<2_000).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) * 0.002)) }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.uuid.6 >> 4 == 7)
            #expect(id.uuid.8 >> 6 == 0b10)
        }
        // The first six bytes are the Unix time in milliseconds, big-endian.
        let first = withUnsafeBytes(of: ids[0].uuid) { raw in (0..<6).reduce(UInt64(0)) { $0 << 8 | UInt64(raw[$1]) } }
        #expect(first == 1_795_000_000_123)
        // PostgreSQL orders uuids by their bytes: ids from later milliseconds come after.
        let bytes = ids.map { id in withUnsafeBytes(of: id.uuid) { Array($0) } }
        for index in 1..<bytes.count {
            #expect(bytes[index - 1].lexicographicallyPrecedes(bytes[index]))
        }
        // The random part still varies.
        let tails = Set(ids.map { id in withUnsafeBytes(of: id.uuid) { Array($0[8...]) } })
        #expect(tails.count == ids.count)
    }
}
