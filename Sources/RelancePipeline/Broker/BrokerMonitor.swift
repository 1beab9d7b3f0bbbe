import AMQP
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads queue figures from RabbitMQ's management HTTP API (`GET /api/queues/<vhost>`, basic
/// auth), for operators: depth, rates, consumers, and the age of the oldest message (known
/// because the relay stamps every job with a `timestamp` property).
public struct BrokerMonitor: Sendable {
    /// The management API's base, e.g. `http://relance:relance@127.0.0.1:15672/relance`: the
    /// path names the virtual host ("/" when empty), the user info the credentials.
    public let url: URL
    public let timeout: Duration

    public init(url: URL, timeout: Duration = .seconds(5)) {
        self.url = url
        self.timeout = timeout
    }

    /// The management API of `broker`'s host on port 15672, with its user and virtual host.
    public init(broker: AMQPConfiguration, port: Int = 15672) {
        var components = URLComponents()
        components.scheme = "http"
        components.host = broker.host
        components.port = port
        components.user = broker.user
        components.password = broker.password
        components.path = "/" + broker.virtualHost
        self.init(url: components.url!)
    }

    /// The virtual host named by the URL's path.
    public var virtualHost: String {
        let path = url.path
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return trimmed.isEmpty ? "/" : (trimmed.removingPercentEncoding ?? trimmed)
    }

    /// The URL without its credentials, to show.
    public var displayURL: String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.password = nil
        components?.user = nil
        return components?.string ?? "(malformed)"
    }

    /// The queues of the virtual host whose name starts with `prefix`, by name.
    public func queues(prefix: String = "relance.") async throws(BrokerMonitorError) -> [QueueFigures] {
        var components = URLComponents()
        components.scheme = url.scheme ?? "http"
        components.host = url.host
        components.port = url.port ?? 15672
        let vhost = virtualHost.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? virtualHost
        components.percentEncodedPath = "/api/queues/\(vhost)"
        guard let endpoint = components.url else {
            throw BrokerMonitorError(url: displayURL, reason: "the management URL is malformed")
        }
        var request = URLRequest(url: endpoint)
        request.timeoutInterval = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let user = url.user?.removingPercentEncoding ?? "guest"
        let password = url.password?.removingPercentEncoding ?? "guest"
        request.setValue("Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let data: Data
        let response: URLResponse
        // A session of our own whose delegate answers the 401's challenge (refused credentials)
        // at once: without one, a shared session on Linux waits for an answer forever.
        let session = URLSession(configuration: .ephemeral, delegate: ChallengeRefuser(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .cancelled || error.code == .userAuthenticationRequired {
            throw BrokerMonitorError(url: endpoint.absoluteString, reason: "HTTP 401 (wrong user or password)")
        } catch {
            throw BrokerMonitorError(url: endpoint.absoluteString, reason: "cannot reach the management API: \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw BrokerMonitorError(url: endpoint.absoluteString, reason: "no HTTP answer")
        }
        guard http.statusCode == 200 else {
            let hint = http.statusCode == 401 ? " (wrong user or password)" : http.statusCode == 404 ? " (no such virtual host)" : ""
            throw BrokerMonitorError(url: endpoint.absoluteString, reason: "HTTP \(http.statusCode)\(hint)")
        }
        let raw: [RawQueue]
        do {
            raw = try JSONDecoder().decode([RawQueue].self, from: data)
        } catch {
            throw BrokerMonitorError(url: endpoint.absoluteString, reason: "unexpected answer: \(error)")
        }
        let now = Date()
        return raw.filter { $0.name.hasPrefix(prefix) }.map { $0.figures(now: now) }.sorted { $0.name < $1.name }
    }

    /// The part of the management API's queue object we read.
    struct RawQueue: Decodable {
        var name: String
        var messages: Int?
        var messages_ready: Int?
        var messages_unacknowledged: Int?
        var consumers: Int?
        var head_message_timestamp: Double?
        var message_stats: Stats?

        struct Stats: Decodable {
            var publish_details: Rate?
            var deliver_get_details: Rate?
            var ack_details: Rate?
        }

        struct Rate: Decodable {
            var rate: Double?
        }

        func figures(now: Date) -> QueueFigures {
            QueueFigures(
                name: name, messages: messages ?? 0, ready: messages_ready ?? 0,
                unacknowledged: messages_unacknowledged ?? 0, consumers: consumers ?? 0,
                publishRate: message_stats?.publish_details?.rate ?? 0,
                deliverRate: message_stats?.deliver_get_details?.rate ?? 0,
                ackRate: message_stats?.ack_details?.rate ?? 0,
                oldestMessageAgeSeconds: head_message_timestamp.map { max(0, now.timeIntervalSince1970 - $0) }
            )
        }
    }
}

/// Refuses authentication challenges: the credentials go in the request's own header.
private final class ChallengeRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        completionHandler(.cancelAuthenticationChallenge, nil)
    }
}

/// One queue's figures.
public struct QueueFigures: Sendable, Hashable, Codable {
    public var name: String
    /// Messages in the queue (ready + unacknowledged).
    public var messages: Int
    public var ready: Int
    public var unacknowledged: Int
    public var consumers: Int
    /// Messages per second, over the management API's last sample period.
    public var publishRate: Double
    public var deliverRate: Double
    public var ackRate: Double
    /// Seconds the oldest waiting work has waited; nil when unknown or when nothing waits. The
    /// broker reports the head message's timestamp for classic queues only; for the quorum
    /// queues of relance the database answers (`QueueAges` in RelanceStore).
    public var oldestMessageAgeSeconds: Double?
    /// Who answered `oldestMessageAgeSeconds`.
    public var oldestAgeSource: AgeSource?

    /// Where a queue's oldest age comes from.
    public enum AgeSource: String, Sendable, Hashable, Codable {
        /// The head message's timestamp, from the management API.
        case broker
        /// The oldest unfinished job of the queue's channel, or the oldest dead letter waiting
        /// for an operator, from PostgreSQL.
        case database
    }

    public init(name: String, messages: Int, ready: Int, unacknowledged: Int, consumers: Int, publishRate: Double,
                deliverRate: Double, ackRate: Double, oldestMessageAgeSeconds: Double?) {
        self.name = name
        self.messages = messages
        self.ready = ready
        self.unacknowledged = unacknowledged
        self.consumers = consumers
        self.publishRate = publishRate
        self.deliverRate = deliverRate
        self.ackRate = ackRate
        self.oldestMessageAgeSeconds = oldestMessageAgeSeconds
        oldestAgeSource = oldestMessageAgeSeconds == nil ? nil : .broker
    }
}

extension QueueFigures {
    /// The oldest age as people read it: `42s`, `7m`, `3h`, `2d`; `-` when nothing waits,
    /// `unknown` when messages wait and nobody knows since when.
    public var oldestText: String {
        guard let seconds = oldestMessageAgeSeconds else { return messages == 0 ? "-" : "unknown" }
        let whole = Int(seconds)
        if whole < 120 { return "\(whole)s" }
        if whole < 7200 { return "\(whole / 60)m" }
        if whole < 172_800 { return "\(whole / 3600)h" }
        return "\(whole / 86400)d"
    }
}

/// The management API could not be read: where, and what failed.
public struct BrokerMonitorError: Error, Sendable, CustomStringConvertible {
    public let url: String
    public let reason: String
    public var description: String { "RabbitMQ management API at \(url): \(reason)" }
}
