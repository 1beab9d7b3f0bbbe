import Foundation
import Glibc
import RelanceChannels
import Testing

/// The local SMTP sink of deploy/smtp-sink.sh, and the messages it stored.
enum SMTPSink {
    static var port: Int {
        ProcessInfo.processInfo.environment["RELANCE_SMTP_SINK_PORT"].flatMap(Int.init) ?? 2525
    }

    static var directory: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["RELANCE_SMTP_SINK_DIR"] ?? "/var/lib/relance-smtp-sink")
    }

    /// Set by deploy/test.sh: the SMTP tests must run, and fail when the sink is missing.
    static var required: Bool {
        ProcessInfo.processInfo.environment["RELANCE_REQUIRE_SMTP"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    static let skipReason: Comment = "the SMTP sink does not answer on 127.0.0.1:2525: run deploy/smtp-sink.sh up (RELANCE_REQUIRE_SMTP=1 makes this a failure)"

    /// Whether the tests run: always when required, otherwise when the sink answers (and then
    /// the reason for skipping is printed).
    static func enabled() -> Bool {
        if required || answers { return true }
        print("RelanceChannelsTests: skipping the SMTP sink tests: \(skipReason)")
        return false
    }

    /// Fails the test with the reason when the sink does not answer.
    static func requireRunning() throws {
        guard answers else { throw SinkMissing() }
    }

    struct SinkMissing: Error, CustomStringConvertible {
        var description: String {
            "the SMTP sink does not answer on 127.0.0.1:\(SMTPSink.port): start it with `bash deploy/smtp-sink.sh up`"
        }
    }

    static var configuration: SMTPConfiguration {
        SMTPConfiguration(port: port, senderDomain: "relance.test", fromAddress: "relance@relance.test",
                          connectTimeout: .seconds(5), timeout: .seconds(20), connections: 3)
    }

    /// Whether something greets with `220` on the sink's port.
    static var answers: Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return false }
        var greeting = [UInt8](repeating: 0, count: 3)
        return recv(descriptor, &greeting, 3, Int32(MSG_WAITALL)) == 3 && greeting == Array("220".utf8)
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed).
    static func closedPort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A recipient address no other test uses.
    static func uniqueRecipient(_ prefix: String = "debiteur") -> String {
        "\(prefix)-\(UUID().uuidString.lowercased())@example.test"
    }

    /// The messages stored for `recipient`, oldest first, waiting up to `timeout` for `count`.
    static func messages(for recipient: String, count: Int = 1, timeout: Duration = .seconds(5)) async throws -> [ReadMessage] {
        let folder = directory.appendingPathComponent(recipient.lowercased())
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }
                .sorted()
            if names.count >= count || clock.now >= deadline {
                return try names.map { name in
                    let data = try Data(contentsOf: folder.appendingPathComponent(name))
                    return ReadMessage(String(decoding: data, as: UTF8.self))
                }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
