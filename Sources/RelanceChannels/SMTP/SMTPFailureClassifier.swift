/// Sorts a failed send into an ``SMTPError``: what failed, and whether trying again later
/// could work.
///
/// The server's reply decides when there is one: 4xx is temporary whatever the command; 5xx
/// to RCPT (the recipient) or to DATA and the message's end (the message) is permanent. A 5xx
/// to the login, the sender or the greeting is about this installation's relay settings, not
/// the debtor's address: it is retried (and will keep failing until an operator fixes the
/// settings) rather than mark the address unusable. Without a reply, timeouts and broken
/// connections are temporary.
enum SMTPFailureClassifier {
    /// What libcurl reported, by kind.
    enum TransferFailure {
        case connection, timedOut, tls, login, other
    }

    static func classify(transfer: TransferFailure, detail: String, replyCode: Int?, reply: String?, command: String?) -> SMTPError {
        let stage = command.map { " to \($0)" } ?? ""
        if let code = replyCode, let reply, (400..<600).contains(code) {
            if code < 500 {
                return SMTPError(.temporarilyRefused, isPermanent: false, replyCode: code, serverReply: reply,
                                 "the server refused for now\(stage): \(reply)")
            }
            switch command {
            case "RCPT":
                return SMTPError(.recipientRefused, isPermanent: true, replyCode: code, serverReply: reply,
                                 "the server refused the recipient: \(reply)")
            case "DATA":
                return SMTPError(.messageRefused, isPermanent: true, replyCode: code, serverReply: reply,
                                 "the server refused the message: \(reply)")
            case "MAIL":
                return SMTPError(.senderRefused, isPermanent: false, replyCode: code, serverReply: reply,
                                 "the server refused the sender (check the from address): \(reply)")
            case "AUTH":
                return SMTPError(.authenticationFailed, isPermanent: false, replyCode: code, serverReply: reply,
                                 "the server refused the login (check the user name and password): \(reply)")
            case "STARTTLS":
                return SMTPError(.tlsFailed, isPermanent: false, replyCode: code, serverReply: reply,
                                 "the server refused STARTTLS: \(reply)")
            default:
                return SMTPError(.protocolError, isPermanent: false, replyCode: code, serverReply: reply,
                                 "the server refused\(stage): \(reply)")
            }
        }
        switch transfer {
        case .timedOut:
            return SMTPError(.timedOut, isPermanent: false, "no answer in time\(stage): \(detail)")
        case .connection:
            return SMTPError(.connectionFailed, isPermanent: false, "the connection to the relay failed\(stage): \(detail)")
        case .tls:
            return SMTPError(.tlsFailed, isPermanent: false, "TLS with the relay failed: \(detail)")
        case .login:
            return SMTPError(.authenticationFailed, isPermanent: false, "the relay refused the login: \(detail)")
        case .other:
            return SMTPError(.protocolError, isPermanent: false, "sending failed\(stage): \(detail)")
        }
    }
}
