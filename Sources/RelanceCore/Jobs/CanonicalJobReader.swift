import Foundation

/// Reads a job message in exactly the form `ReminderJob.encoded()` writes it — keys in order,
/// no whitespace, no escapes — without the generic JSON decoder, which costs more per message
/// than everything else a worker does with it in memory. Returns nil at the first byte that
/// differs from that form; the caller then decodes with `JSONDecoder`, which accepts any valid
/// JSON and names what is wrong with an invalid one.
struct CanonicalJobReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    static func read(_ data: Data) -> ReminderJob? {
        data.withUnsafeBytes { raw in
            var reader = CanonicalJobReader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.job()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func job() -> ReminderJob? {
        guard expect(#"{"channel":""#), let channelName = string(), let channel = Channel(rawValue: channelName),
              expect(#","created_at":""#), let createdAt = moment(),
              expect(#","debtor_id":""#), let debtorId = uuid(),
              expect(#","job_id":""#), let jobId = uuid(),
              expect(#","steps":["#)
        else { return nil }
        var steps: [ReminderJob.Step] = []
        repeat {
            guard expect(#"{"invoice_id":""#), let invoiceId = uuid(),
                  expect(#","position":"#), let position = integer(),
                  expect(#","step_id":""#), let stepId = uuid(),
                  expect(#","template_key":""#), let templateKey = string(),
                  expect(#","tone":""#), let toneName = string(), let tone = Tone(rawValue: toneName),
                  expect("}")
            else { return nil }
            steps.append(ReminderJob.Step(stepId: stepId, invoiceId: invoiceId, position: position, templateKey: templateKey, tone: tone))
        } while expect(",")
        guard expect(#"],"tenant_id":""#), let tenantId = uuid(),
              expect(#","version":"#), let version = integer(),
              expect("}"), index == bytes.count
        else { return nil }
        var job = ReminderJob(jobId: jobId, tenantId: tenantId, debtorId: debtorId, channel: channel, steps: steps, createdAt: createdAt)
        job.version = version
        return job
    }

    private mutating func expect(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        index += count
        return true
    }

    /// The rest of a string whose opening quote was read: no escapes, no control bytes.
    private mutating func string() -> String? {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// A UUID string's 36 characters and its closing quote, read in place.
    private mutating func uuid() -> UUID? {
        guard bytes.count - index >= 37, bytes[index + 36] == UInt8(ascii: "\""),
              let uuid = UUID(utf8: UnsafeBufferPointer(rebasing: bytes[index..<(index + 36)]))
        else { return nil }
        index += 37
        return uuid
    }

    private mutating func integer() -> Int? {
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), index - start < 9 {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        return index > start ? value : nil
    }

    /// `2026-03-02T07:00:00Z` and its closing quote.
    private mutating func moment() -> Date? {
        guard bytes.count - index >= 21 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in from..<(from + count) {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func separator(_ offset: Int, _ character: Unicode.Scalar) -> Bool { bytes[index + offset] == UInt8(ascii: character) }
        guard let date = try? CalendarDate(iso: String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + 10)]), as: UTF8.self)),
              separator(10, "T"), let hour = digits(11, 2), separator(13, ":"), let minute = digits(14, 2),
              separator(16, ":"), let second = digits(17, 2), separator(19, "Z"), separator(20, "\""),
              hour < 24, minute < 60, second < 60
        else { return nil }
        index += 21
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
