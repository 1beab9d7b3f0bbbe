/// Where and how to connect to a broker. Every field has a default that works against a
/// local RabbitMQ with its stock `guest` user.
///
/// Build one from a URL of the form
/// `amqp://user:password@host:port/vhost?heartbeat=30&frame_max=131072`:
/// user, password and vhost are percent-decoded (`%2f` is `/`), an absent or empty path
/// means the vhost `/`. Query options: `heartbeat` (seconds, 0 disables), `frame_max`
/// (bytes), `channel_max`, `connection_timeout` (milliseconds, as in RabbitMQ's URI spec)
/// and `connection_name` (shown in the broker's management UI).
public struct AMQPConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address of the broker.
    public var host: String
    /// AMQP port (5672 for plain AMQP).
    public var port: Int
    /// User name for PLAIN authentication.
    public var user: String
    /// Password for PLAIN authentication; never shown by ``description``.
    public var password: String
    /// The virtual host, `/` by default.
    public var virtualHost: String
    /// Heartbeat interval proposed to the broker; the smaller of this and the broker's
    /// wins. The connection thread services heartbeats on its own, so a connection idle
    /// for a long time stays open. Whole seconds; zero disables heartbeats.
    public var heartbeat: Duration
    /// Largest frame proposed to the broker, in bytes.
    public var frameMax: Int
    /// Most channels proposed to the broker; 0 lets the broker choose.
    public var channelMax: Int
    /// How long the TCP connect and the AMQP handshake may take.
    public var connectTimeout: Duration
    /// How long a request (declare, bind, consume…) may wait for the broker's answer.
    public var requestTimeout: Duration
    /// How long a published message may wait for its confirm before `publish` fails with
    /// a timeout.
    public var confirmTimeout: Duration
    /// A name for the connection, shown by `rabbitmqctl list_connections` and the
    /// management UI.
    public var connectionName: String?

    /// A configuration from its parts; see the properties for what each means.
    public init(
        host: String = "127.0.0.1",
        port: Int = 5672,
        user: String = "guest",
        password: String = "guest",
        virtualHost: String = "/",
        heartbeat: Duration = .seconds(30),
        frameMax: Int = 131_072,
        channelMax: Int = 0,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(30),
        confirmTimeout: Duration = .seconds(60),
        connectionName: String? = nil
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.virtualHost = virtualHost
        self.heartbeat = heartbeat
        self.frameMax = frameMax
        self.channelMax = channelMax
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.confirmTimeout = confirmTimeout
        self.connectionName = connectionName
    }

    /// Parses an `amqp://` URL; throws ``AMQPError`` with code `invalidURL` when it is
    /// malformed. Fields the URL does not give keep their defaults.
    public init(url: String) throws(AMQPError) {
        self.init()
        try AMQPURLParser(url).apply(to: &self)
    }

    /// Parses one `amqp://` URL, or several separated by commas: the nodes of a cluster,
    /// which ``ReconnectingPublisher`` and ``ReconnectingConsumer`` try in turn. Spaces around
    /// each URL are ignored. Throws ``AMQPError`` with code `invalidURL` naming the first
    /// malformed or empty URL of the list (its position and its text without the password).
    /// Write a comma inside a URL of a list as `%2C`; a single URL holding a comma (in its
    /// password, say) is still read as that one URL.
    public static func list(fromURLs text: String) throws(AMQPError) -> [AMQPConfiguration] {
        try AMQPURLParser.parseList(text)
    }

    /// The connection target as a URL without the password, for logs.
    public var description: String {
        let vhost = virtualHost == "/" ? "" : AMQPURLParser.percentEncode(virtualHost)
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "amqp://\(AMQPURLParser.percentEncode(user))@\(hostPart):\(port)/\(vhost)"
    }
}
