/// What an endpoint answered.
public struct WebhookHTTPResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The start of the response body (64 KiB at most), as text.
    public var body: String

    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }

    /// 2xx: the endpoint took the event.
    public var isSuccess: Bool { (200...299).contains(status) }
}
