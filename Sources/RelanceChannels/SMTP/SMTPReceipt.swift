/// What the relay said when it accepted a message.
public struct SMTPReceipt: Sendable, Hashable {
    /// The message's id, without angle brackets.
    public let messageID: String
    /// The envelope recipients.
    public let recipients: [String]
    /// The server's reply to the end of the message (`250 2.0.0 Ok: queued as …`).
    public let reply: String
    /// True when the message went over a connection already open for an earlier one.
    public let reusedConnection: Bool

    public init(messageID: String, recipients: [String], reply: String, reusedConnection: Bool) {
        self.messageID = messageID
        self.recipients = recipients
        self.reply = reply
        self.reusedConnection = reusedConnection
    }
}
