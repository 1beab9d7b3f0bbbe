import Foundation
import RelanceChannels
import RelanceCore
import Testing

@Suite("Artefact store")
struct ArtefactStoreTests {
    @Test("SHA-256 of the FIPS 180-2 test vectors")
    func fipsVectors() {
        #expect(ArtefactStore.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ArtefactStore.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            ArtefactStore.sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
        #expect(
            ArtefactStore.sha256Hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }

    @Test("A file goes to <root>/<tenant>/<day>/<job>.pdf; writing it again replaces it and leaves no temporary file")
    func layoutAndReplacement() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = ArtefactStore(root: directory.url)
        let tenant = UUID()
        let job = UUID()
        let day = try CalendarDate(iso: "2026-02-19")

        let first = try store.write(Array("first".utf8), tenantId: tenant, date: day, jobId: job)
        let relative = "\(tenant.uuidString.lowercased())/2026-02-19/\(job.uuidString.lowercased()).pdf"
        #expect(first.path == directory.url.appendingPathComponent(relative).path)
        #expect(first.uri == URL(fileURLWithPath: first.path).absoluteString)
        #expect(first.byteCount == 5)

        let second = try store.write(Array("second".utf8), tenantId: tenant, date: day, jobId: job)
        #expect(second.path == first.path)
        #expect(try directory.files() == [relative])
        #expect(try String(contentsOfFile: second.path, encoding: .utf8) == "second")
        #expect(try sha256sum(second.path) == second.sha256)
        #expect(second.sha256 != first.sha256)
    }

    @Test("A root that cannot be created is an io error naming the path")
    func unwritableRoot() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let blocker = directory.url.appendingPathComponent("blocker")
        try Data().write(to: blocker)
        let store = ArtefactStore(root: blocker)
        let error = #expect(throws: ArtefactStoreError.self) {
            try store.write([1, 2, 3], tenantId: UUID(), date: try CalendarDate(iso: "2026-02-19"), jobId: UUID())
        }
        #expect(error?.code == .io)
        #expect(error?.path.hasPrefix(blocker.path) == true)
    }
}
