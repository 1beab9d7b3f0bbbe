import Logging
import Synchronization

/// One connection to an SMTP relay, through libcurl, on a thread of its own.
///
/// Messages sent through one client go one after the other over the same connection: libcurl
/// keeps it open between messages and opens a new one only when the server has closed it.
/// Every blocking libcurl call runs on the client's own thread, never on Swift's cooperative
/// pool. To send from many tasks at once, use an ``SMTPConnectionPool``.
///
/// Call ``close()`` when done (it says QUIT).
public final class SMTPClient: Sendable {
    /// Where the client sends (its description omits the password).
    public let configuration: SMTPConfiguration
    private let thread: BlockingThread
    private let session: SessionSlot
    private let closed = Mutex(false)
    private let logger: Logger

    /// A client for `configuration`; it connects when it sends its first message.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "relance.smtp")) {
        self.configuration = configuration
        self.logger = logger
        thread = BlockingThread(name: "smtp-connection")
        session = SessionSlot()
    }

    deinit {
        let alreadyClosed = closed.withLock { $0 }
        if !alreadyClosed {
            let session = self.session
            thread.stop { session.value = nil }
        }
    }

    /// Sends `message` to its `To` addresses, from the configured address.
    ///
    /// - Throws: ``SMTPError``; ``SMTPError/isPermanent`` says whether sending it again
    ///   could work.
    public func send(_ message: MIMEMessage) async throws(SMTPError) -> SMTPReceipt {
        try await send(batch: [message])[0].get()
    }

    /// Sends `messages` one after the other over one connection, and returns each one's
    /// result in order: one refused message does not stop the others.
    public func send(batch messages: [MIMEMessage]) async -> [Result<SMTPReceipt, SMTPError>] {
        guard !messages.isEmpty else { return [] }
        let closedFailure = SMTPError(.connectionFailed, isPermanent: false, "the SMTP client is closed")
        guard !closed.withLock({ $0 }) else {
            return messages.map { _ in .failure(closedFailure) }
        }
        let configuration = self.configuration
        let session = self.session
        let logger = self.logger
        let results = await thread.run { () -> [Result<SMTPReceipt, SMTPError>] in
            let sender: EmailAddress
            do throws(EmailAddressError) {
                sender = try EmailAddress(configuration.fromAddress)
            } catch {
                let failure = SMTPError(.invalidAddress, isPermanent: false, "the from address: \(error.description)")
                return messages.map { _ in .failure(failure) }
            }
            return messages.map { message -> Result<SMTPReceipt, SMTPError> in
                let curl: CurlSession
                if let open = session.value {
                    curl = open
                } else {
                    do throws(SMTPError) {
                        curl = try CurlSession.open(configuration: configuration)
                    } catch {
                        return .failure(error)
                    }
                    session.value = curl
                }
                let result = curl.send(message, sender: sender, recipients: message.to.map(\.address))
                switch result {
                case .success(let receipt):
                    logger.debug("smtp message sent", metadata: [
                        "smtp.message_id": "\(receipt.messageID)", "smtp.reused_connection": "\(receipt.reusedConnection)",
                    ])
                case .failure(let error):
                    logger.debug("smtp message not sent", metadata: [
                        "smtp.message_id": "\(message.messageID)", "smtp.error": "\(error.code)", "smtp.reply_code": "\(error.replyCode ?? 0)",
                    ])
                }
                return result
            }
        }
        return results ?? messages.map { _ in .failure(closedFailure) }
    }

    /// Says QUIT, closes the connection and ends the thread. Later sends fail. Safe to call
    /// more than once.
    public func close() async {
        let first = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        let session = self.session
        await thread.run { session.value = nil }
        thread.stop {}
    }
}

/// The client's libcurl session, created on the client's thread when first needed and
/// touched only there.
final class SessionSlot: @unchecked Sendable {
    var value: CurlSession?
}
