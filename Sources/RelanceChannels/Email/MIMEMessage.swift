import Foundation

/// An email as it travels: RFC 5322 headers and a MIME body, ASCII only, CRLF line endings.
///
/// The body is one `text/plain` part, or `multipart/alternative` with `text/plain` then
/// `text/html` when there is HTML; both UTF-8, quoted-printable. Header text outside ASCII is
/// written as RFC 2047 encoded-words and long fields are folded.
///
/// SMTP's dot-stuffing is not done here: libcurl doubles a dot that starts a line when it
/// uploads the message (and the encoding never starts a line with one anyway).
public struct MIMEMessage: Sendable, Hashable {
    public var from: Mailbox
    public var to: [Mailbox]
    public var replyTo: Mailbox?
    public var subject: String
    public var date: Date
    /// Where `date` is written (its offset appears in the header).
    public var timeZone: TimeZone
    /// The id without its angle brackets: `job-…@domain`.
    public var messageID: String
    /// `List-Unsubscribe` targets (`mailto:…`, `https://…`), written in angle brackets.
    public var listUnsubscribe: [String]
    public var text: String
    public var html: String?

    public init(
        from: Mailbox,
        to: [Mailbox],
        replyTo: Mailbox? = nil,
        subject: String,
        date: Date,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        messageID: String,
        listUnsubscribe: [String] = [],
        text: String,
        html: String? = nil
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.listUnsubscribe = listUnsubscribe
        self.text = text
        self.html = html
    }

    /// The message id for a job: the same job always gets the same id, so a job sent again
    /// after a redelivery can be recognised as a copy by the receiving system.
    public static func messageID(jobID: UUID, domain: String) -> String {
        "job-" + jobID.uuidString.lowercased() + "@" + domain
    }

    /// The boundary between the parts: derived from the message id, so one job's message is
    /// the same every time it is built. `=_` cannot occur in quoted-printable text.
    public var boundary: String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in messageID.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 1
        }
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "=_relance_" + hex(first) + hex(second)
    }

    /// The header fields, each folded, in the order they are written.
    public var headerFields: [String] {
        var fields: [String] = []
        fields.append(HeaderField.plain("Date", MessageDate.format(date, in: timeZone)))
        fields.append(HeaderField.mailboxes("From", [from]))
        if let replyTo { fields.append(HeaderField.mailboxes("Reply-To", [replyTo])) }
        fields.append(HeaderField.mailboxes("To", to))
        fields.append(HeaderField.unstructured("Subject", subject))
        fields.append(HeaderField.plain("Message-ID", "<" + messageID + ">"))
        if !listUnsubscribe.isEmpty {
            let targets = listUnsubscribe.enumerated().map { index, target in
                "<" + target + ">" + (index < listUnsubscribe.count - 1 ? "," : "")
            }
            fields.append(HeaderField.plain("List-Unsubscribe", targets.joined(separator: " ")))
        }
        fields.append("MIME-Version: 1.0")
        if html == nil {
            fields.append("Content-Type: text/plain; charset=UTF-8")
            fields.append("Content-Transfer-Encoding: quoted-printable")
        } else {
            fields.append(HeaderField.plain("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
        }
        return fields
    }

    /// The whole message, as SMTP's DATA carries it (before dot-stuffing).
    public var rendered: String {
        var out = headerFields.joined(separator: "\r\n") + "\r\n\r\n"
        if let html {
            out += "This is a message in MIME format: a plain-text part and an HTML part.\r\n"
            out += "--" + boundary + "\r\n"
            out += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += QuotedPrintable.encode(text) + "\r\n"
            out += "--" + boundary + "\r\n"
            out += "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += QuotedPrintable.encode(html) + "\r\n"
            out += "--" + boundary + "--\r\n"
        } else {
            // The message ends with a line break; a text that ends with one needs no other.
            let body = QuotedPrintable.encode(text)
            out += body.hasSuffix("\r\n") || body.isEmpty ? body : body + "\r\n"
        }
        return out
    }

    /// `rendered` as bytes (all ASCII).
    public var bytes: [UInt8] { Array(rendered.utf8) }
}
