import Foundation
import RelanceChannels
import RelanceCore
import RelanceFixtures
import RelancePipeline
import Testing

/// The PDF writer on its own: libharu's failures come back as Swift errors.
@Suite("Letter PDF writer")
struct LetterPDFWriterTests {
    typealias F = LetterFixture

    static func formalNoticeContent() throws -> LetterContent {
        let notice = LetterChannelTests.FormalNotice()
        let job = try notice.batch.channelJob(notice.job, at: notice.now)
        let context = try #require(job.message)
        let step = try #require(job.steps.last)
        let message = try F.renderer.render(key: step.templateKey, channel: .registeredLetter, tone: step.tone, context: context)
        return try LetterContent(letter: try #require(message.letter), context: context, registered: true)
    }

    @Test("A font file libharu cannot read is a font error, not a crash")
    func unreadableFont() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let garbage = directory.url.appendingPathComponent("garbage.ttf")
        try Data(repeating: UInt8(ascii: "A"), count: 4096).write(to: garbage)
        let writer = LetterPDFWriter(fonts: LetterFonts(regular: garbage.path, bold: garbage.path))
        let content = try Self.formalNoticeContent()
        let error = #expect(throws: LetterError.self) { try writer.write(content) }
        #expect(error?.code == .font)
    }

    @Test("The same content gives the same bytes: a letter written again has the same SHA-256")
    func reproducible() throws {
        let content = try Self.formalNoticeContent()
        let writer = LetterPDFWriter()
        let first = try writer.write(content)
        let second = try writer.write(content)
        #expect(first.bytes == second.bytes)
        #expect(first.bytes.starts(with: Array("%PDF-".utf8)))
        #expect(first.pageCount >= 1)
    }
}
