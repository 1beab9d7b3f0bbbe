import Synchronization

/// Posts webhook requests over libcurl.
///
/// Each of its `lanes` is an OS thread of its own with one libcurl handle (whose connections
/// stay open between requests to the same host): every blocking libcurl call runs there,
/// never on Swift's cooperative pool. Requests go to a free lane; when all are busy, they
/// queue on one. Call ``shutdown()`` when done.
public final class WebhookHTTPClient: Sendable {
    /// The `User-Agent` of every request.
    public static let userAgent = "relance-webhooks"

    public let connectTimeout: Duration
    public let timeout: Duration
    private let lanes: [Lane]
    /// Indexes of the lanes with nothing to do, and the next lane to queue on when none is.
    private let idle: Mutex<(free: [Int], next: Int)>
    private let closed = Mutex(false)

    /// A client with `lanes` threads (at least one); `connectTimeout` bounds connecting,
    /// `timeout` the whole request.
    public init(lanes: Int = 4, connectTimeout: Duration = .seconds(5), timeout: Duration = .seconds(15)) {
        let count = max(1, lanes)
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.lanes = (0..<count).map { Lane(thread: BlockingThread(name: "webhook-http-\($0)")) }
        idle = Mutex((free: Array(0..<count), next: 0))
    }

    deinit {
        if !closed.withLock({ $0 }) {
            for lane in lanes {
                let slot = lane.session
                lane.thread.stop { slot.value = nil }
            }
        }
    }

    /// Posts `body` to `url` with `headers` (name, value) besides the `User-Agent` and a
    /// JSON `Content-Type`, and returns the answer, whatever its status.
    ///
    /// - Throws: ``WebhookHTTPError`` when no answer came (connection refused, timeout …).
    public func post(url: String, headers: [(name: String, value: String)], body: [UInt8]) async throws(WebhookHTTPError) -> WebhookHTTPResponse {
        guard !closed.withLock({ $0 }) else { throw WebhookHTTPError(.closed, "the webhook client is shut down") }
        let index = idle.withLock { state -> Int in
            if let free = state.free.popLast() { return free }
            defer { state.next = (state.next + 1) % lanes.count }
            return state.next
        }
        defer { idle.withLock { state in if !state.free.contains(index) { state.free.append(index) } } }
        let lane = lanes[index]
        let lines = ["Content-Type: application/json", "User-Agent: \(Self.userAgent)"]
            + headers.map { "\($0.name): \(Self.cleaned($0.value))" }
        let slot = lane.session
        let connectTimeout = self.connectTimeout, timeout = self.timeout
        let result = await lane.thread.run { () -> Result<WebhookHTTPResponse, WebhookHTTPError> in
            let session: HTTPPostSession
            if let open = slot.value {
                session = open
            } else {
                switch HTTPPostSession.open(connectTimeout: connectTimeout, timeout: timeout) {
                case .success(let opened):
                    session = opened
                    slot.value = opened
                case .failure(let error):
                    return .failure(error)
                }
            }
            return session.post(url: url, headers: lines, body: body)
        }
        guard let result else { throw WebhookHTTPError(.closed, "the webhook client is shut down") }
        return try result.get()
    }

    /// Closes the connections and ends the threads, after the requests under way. Later posts
    /// fail. Safe to call more than once.
    public func shutdown() async {
        let first = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        for lane in lanes {
            let slot = lane.session
            await lane.thread.run { slot.value = nil }
            lane.thread.stop {}
        }
    }

    /// A header value on one line: a CR or LF would start another header.
    private static func cleaned(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }

    private struct Lane: Sendable {
        let thread: BlockingThread
        let session = PostSessionSlot()
    }
}

/// A lane's libcurl session, created on the lane's thread when first needed and touched only
/// there.
final class PostSessionSlot: @unchecked Sendable {
    var value: HTTPPostSession?
}
