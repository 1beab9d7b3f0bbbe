import Foundation
import RelanceChannels
import Testing

@Suite("MIME messages")
struct MIMEMessageTests {
    static let jobID = UUID(uuidString: "0193A5B2-7C4D-7E8F-9A0B-1C2D3E4F5A6B")!
    static let moment = Date(timeIntervalSince1970: 1_796_228_429) // 2026-12-02T16:20:29Z

    static func message(
        subject: String = "Rappel d'échéance : facture F-2026-101 – 3 000,00 €",
        fromName: String? = "Atelier Durand & Frères",
        toName: String? = "Hélène Lefèvre",
        replyTo: Mailbox? = nil,
        timeZone: TimeZone = TimeZone(identifier: "Europe/Paris")!,
        listUnsubscribe: [String] = [],
        text: String = "Bonjour Hélène,\n\nLa facture F-2026-101 (3 000,00 €) est échue.\n",
        html: String? = "<p>Bonjour Hélène,</p>\n<table><tr><td>F-2026-101</td><td>3 000,00 €</td></tr></table>\n"
    ) throws -> MIMEMessage {
        MIMEMessage(
            from: try Mailbox(address: "relance@relance.example", displayName: fromName),
            to: [try Mailbox(address: "helene@lefevre.example", displayName: toName)],
            replyTo: replyTo,
            subject: subject,
            date: moment,
            timeZone: timeZone,
            messageID: MIMEMessage.messageID(jobID: jobID, domain: "relance.example"),
            listUnsubscribe: listUnsubscribe,
            text: text,
            html: html
        )
    }

    /// What every message must be on the wire: ASCII, CRLF only, header lines of at most 78
    /// characters and body lines of at most 76.
    static func checkWireForm(_ rendered: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 }, "non-ASCII byte in the message", sourceLocation: sourceLocation)
        let bytes = Array(rendered.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "a bare LF at byte \(index)", sourceLocation: sourceLocation)
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "a bare CR at byte \(index)", sourceLocation: sourceLocation)
        }
        let read = ReadMessage(rendered)
        var inHeader = true
        for line in read.lines {
            if line.isEmpty { inHeader = false; continue }
            #expect(line.count <= (inHeader ? 78 : 76), "line too long: \(line)", sourceLocation: sourceLocation)
            #expect(!line.hasPrefix("."), "a line starts with a dot: \(line)", sourceLocation: sourceLocation)
        }
        #expect(rendered.hasSuffix("\r\n"), sourceLocation: sourceLocation)
    }

    @Test("headers: From, To, Subject, Date, Message-ID, MIME-Version, decoded as written")
    func headers() throws {
        let message = try Self.message()
        let rendered = message.rendered
        Self.checkWireForm(rendered)
        let read = ReadMessage(rendered)
        #expect(read.decodedHeader("Subject") == "Rappel d'échéance : facture F-2026-101 – 3 000,00 €")
        #expect(read.decodedHeader("From") == "Atelier Durand & Frères <relance@relance.example>")
        #expect(read.decodedHeader("To") == "Hélène Lefèvre <helene@lefevre.example>")
        #expect(read.header("Subject")?.contains("=?UTF-8?") == true)
        #expect(read.header("Date") == "Wed, 02 Dec 2026 17:20:29 +0100")
        #expect(read.header("Message-ID") == "<job-0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b@relance.example>")
        #expect(read.header("MIME-Version") == "1.0")
        #expect(read.header("Reply-To") == nil)
        #expect(read.header("List-Unsubscribe") == nil)
    }

    @Test("the Message-ID and the whole message depend only on the job: a rebuilt message is identical")
    func deterministic() throws {
        #expect(MIMEMessage.messageID(jobID: Self.jobID, domain: "relance.example") == "job-0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b@relance.example")
        #expect(try Self.message().rendered == Self.message().rendered)
        var other = try Self.message()
        other.messageID = MIMEMessage.messageID(jobID: UUID(), domain: "relance.example")
        #expect(try other.boundary != Self.message().boundary)
    }

    @Test("Date in RFC 5322 form with the zone's offset", arguments: [
        ("UTC", 1_796_228_429.0, "Wed, 02 Dec 2026 16:20:29 +0000"),
        ("Europe/Paris", 1_796_228_429.0, "Wed, 02 Dec 2026 17:20:29 +0100"),
        ("Europe/Paris", 1_782_995_400.0, "Thu, 02 Jul 2026 14:30:00 +0200"),
        ("America/New_York", 1_796_228_429.0, "Wed, 02 Dec 2026 11:20:29 -0500"),
        ("Asia/Kolkata", 1_796_228_429.0, "Wed, 02 Dec 2026 21:50:29 +0530"),
        ("Europe/Paris", 1_767_222_000.0, "Thu, 01 Jan 2026 00:00:00 +0100"),
    ])
    func date(_ example: (String, Double, String)) throws {
        let (zone, seconds, expected) = example
        var message = try Self.message(timeZone: TimeZone(identifier: zone)!)
        message.date = Date(timeIntervalSince1970: seconds)
        #expect(ReadMessage(message.rendered).header("Date") == expected)
    }

    @Test("multipart/alternative: text/plain then text/html, UTF-8, quoted-printable, both decoded back")
    func alternative() throws {
        let message = try Self.message()
        let read = ReadMessage(message.rendered)
        #expect(read.header("Content-Type")?.hasPrefix("multipart/alternative;") == true)
        #expect(ReadMessage.parameter("boundary", in: read.header("Content-Type") ?? "") == message.boundary)
        let parts = read.parts
        try #require(parts.count == 2)
        #expect(parts[0].header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(parts[0].header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(parts[1].header("Content-Type") == "text/html; charset=UTF-8")
        #expect(parts[0].text == "Bonjour Hélène,\n\nLa facture F-2026-101 (3 000,00 €) est échue.\n")
        #expect(parts[1].text == "<p>Bonjour Hélène,</p>\n<table><tr><td>F-2026-101</td><td>3 000,00 €</td></tr></table>\n")
        #expect(parts[0].rawBody.contains("H=C3=A9l=C3=A8ne"))
    }

    @Test("without HTML the body is one text/plain part")
    func plainOnly() throws {
        let message = try Self.message(html: nil)
        Self.checkWireForm(message.rendered)
        let read = ReadMessage(message.rendered)
        #expect(read.header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(read.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(read.parts.count == 1)
        #expect(read.top.text == "Bonjour Hélène,\n\nLa facture F-2026-101 (3 000,00 €) est échue.\n")
    }

    @Test("long subjects and names fold into lines of at most 78 characters and decode whole")
    func folding() throws {
        let subject = String(repeating: "Relance amiable : facture impayée n° F-2026-101 – montant dû 3 000,00 € — ", count: 4)
            .trimmingCharacters(in: .whitespaces)
        let name = "Société Coopérative Agricole des Producteurs de Lait de l'Île-de-France et d'Ailleurs"
        let message = try Self.message(subject: subject, fromName: name)
        Self.checkWireForm(message.rendered)
        let read = ReadMessage(message.rendered)
        #expect(read.decodedHeader("Subject") == subject)
        #expect(read.decodedHeader("From") == name + " <relance@relance.example>")
        let words = message.rendered.matches(of: /=\?UTF-8\?[BQ]\?[^?]*\?=/)
        #expect(!words.isEmpty)
        for word in words { #expect(word.output.count <= 75) }
        let long = String(repeating: "Subject words without accents that go on and on ", count: 5).trimmingCharacters(in: .whitespaces)
        let plain = try Self.message(subject: long)
        Self.checkWireForm(plain.rendered)
        #expect(ReadMessage(plain.rendered).decodedHeader("Subject") == long)
        #expect(ReadMessage(plain.rendered).header("Subject")?.contains("=?") == false)
    }

    @Test("display names: atoms as they are, specials quoted, quotes escaped, accents encoded")
    func displayNames() throws {
        let cases: [(String, String)] = [
            ("Claire Durand", "From: Claire Durand <relance@relance.example>"),
            ("Durand, Claire", "From: \"Durand, Claire\" <relance@relance.example>"),
            ("Atelier \"Le Lys\" S.A.", "From: \"Atelier \\\"Le Lys\\\" S.A.\" <relance@relance.example>"),
        ]
        for (name, line) in cases {
            let read = try ReadMessage(Self.message(fromName: name).rendered)
            #expect(read.raw.contains(line + "\r\n"), "\(name)")
        }
        let encoded = try ReadMessage(Self.message(fromName: "Société Générale").rendered)
        #expect(encoded.header("From")?.hasPrefix("=?UTF-8?") == true)
        #expect(encoded.decodedHeader("From") == "Société Générale <relance@relance.example>")
        let bare = try ReadMessage(Self.message(fromName: nil).rendered)
        #expect(bare.header("From") == "<relance@relance.example>")
    }

    @Test("Reply-To and List-Unsubscribe when given")
    func optionalHeaders() throws {
        let message = try Self.message(
            replyTo: try Mailbox(address: "compta@atelier-durand.example", displayName: "Atelier Durand"),
            listUnsubscribe: ["mailto:unsubscribe@relance.example?subject=unsubscribe", "https://relance.example/u/1"]
        )
        Self.checkWireForm(message.rendered)
        let read = ReadMessage(message.rendered)
        #expect(read.header("Reply-To") == "Atelier Durand <compta@atelier-durand.example>")
        #expect(read.header("List-Unsubscribe") == "<mailto:unsubscribe@relance.example?subject=unsubscribe>, <https://relance.example/u/1>")
    }

    @Test("a subject cannot add header lines: line breaks in it become spaces")
    func noHeaderInjection() throws {
        let message = try Self.message(subject: "Facture\r\nBcc: everyone@example.test\nX-Evil: 1")
        let read = ReadMessage(message.rendered)
        #expect(read.header("Bcc") == nil)
        #expect(read.header("X-Evil") == nil)
        #expect(read.decodedHeader("Subject") == "Facture Bcc: everyone@example.test X-Evil: 1")
    }

    @Test("quoted-printable: long lines break softly, dots and From at line starts and trailing spaces survive")
    func quotedPrintable() throws {
        let text = [
            String(repeating: "é", count: 60) + " fin",
            String(repeating: "a", count: 200),
            ".",
            ".point en début de ligne",
            "From the start",
            "espaces en fin   ",
            "tab\t",
            "égal = signe, 100 % sûr",
            "",
            "dernière ligne",
        ].joined(separator: "\n")
        let message = try Self.message(text: text, html: nil)
        Self.checkWireForm(message.rendered)
        let read = ReadMessage(message.rendered)
        // The message ends with a line break.
        #expect(read.top.text == text + "\n")
        #expect(!read.top.rawBody.contains("\r\nFrom "))
    }

    @Test("line breaks of any kind become CRLF")
    func lineBreaks() throws {
        let message = try Self.message(text: "un\r\ndeux\rtrois\nquatre", html: "<p>a</p>\r\n<p>b</p>")
        Self.checkWireForm(message.rendered)
        let parts = ReadMessage(message.rendered).parts
        #expect(parts[0].text == "un\ndeux\ntrois\nquatre")
        #expect(parts[1].text == "<p>a</p>\n<p>b</p>")
    }
}
