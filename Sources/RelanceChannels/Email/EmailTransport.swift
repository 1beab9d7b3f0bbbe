/// Something that hands a message to the mail system: an ``SMTPConnectionPool`` or an
/// ``SMTPClient`` in production, a recording stand-in in the channel's unit tests.
public protocol EmailTransport: Sendable {
    func send(_ message: MIMEMessage) async throws(SMTPError) -> SMTPReceipt
}

extension SMTPClient: EmailTransport {}
extension SMTPConnectionPool: EmailTransport {}
