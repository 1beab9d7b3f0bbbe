import AMQP
import Testing

@Suite("AMQP URL parsing")
struct AMQPConfigurationTests {
    @Test func fullURL() throws {
        let c = try AMQPConfiguration(url: "amqp://relance:s3cret@broker.example:5673/relance")
        #expect(c.user == "relance")
        #expect(c.password == "s3cret")
        #expect(c.host == "broker.example")
        #expect(c.port == 5673)
        #expect(c.virtualHost == "relance")
    }

    @Test func defaultsWhenOmitted() throws {
        let c = try AMQPConfiguration(url: "amqp://broker")
        #expect(c.user == "guest")
        #expect(c.password == "guest")
        #expect(c.host == "broker")
        #expect(c.port == 5672)
        #expect(c.virtualHost == "/")
        #expect(c.heartbeat == .seconds(30))

        let bare = try AMQPConfiguration(url: "amqp://")
        #expect(bare.host == "127.0.0.1")
        #expect(try AMQPConfiguration(url: "amqp://h/").virtualHost == "/")
    }

    @Test func percentDecoding() throws {
        let c = try AMQPConfiguration(url: "amqp://us%40er:p%3Ass%2Fw%25rd@h/%2f")
        #expect(c.user == "us@er")
        #expect(c.password == "p:ss/w%rd")
        #expect(c.virtualHost == "/")
        #expect(try AMQPConfiguration(url: "amqp://h/%2Fprod%20eu").virtualHost == "/prod eu")
        #expect(try AMQPConfiguration(url: "amqp://h/caf%C3%A9").virtualHost == "café")
    }

    @Test func userWithoutPasswordKeepsDefaultPassword() throws {
        let c = try AMQPConfiguration(url: "amqp://alice@h")
        #expect(c.user == "alice")
        #expect(c.password == "guest")
    }

    @Test func ipv6Host() throws {
        let c = try AMQPConfiguration(url: "amqp://u:p@[::1]:5699/v")
        #expect(c.host == "::1")
        #expect(c.port == 5699)
        #expect(try AMQPConfiguration(url: "amqp://[::1]").port == 5672)
    }

    @Test func options() throws {
        let c = try AMQPConfiguration(
            url: "amqp://h/v?heartbeat=10&frame_max=65536&channel_max=64&connection_timeout=2500&connection_name=relay%201")
        #expect(c.heartbeat == .seconds(10))
        #expect(c.frameMax == 65_536)
        #expect(c.channelMax == 64)
        #expect(c.connectTimeout == .milliseconds(2500))
        #expect(c.connectionName == "relay 1")
        #expect(try AMQPConfiguration(url: "amqp://h?heartbeat=0").heartbeat == .zero)
    }

    @Test func schemeIsCaseInsensitiveAndSpacesAreTrimmed() throws {
        let c = try AMQPConfiguration(url: "  AMQP://h:1234/x \n")
        #expect(c.port == 1234)
        #expect(c.virtualHost == "x")
    }

    @Test(arguments: [
        ("http://h/", "scheme"),
        ("broker:5672", "amqp://"),
        ("amqps://h/", "TLS"),
        ("amqp://h:0/", "port"),
        ("amqp://h:65536/", "port"),
        ("amqp://h:abc/", "port"),
        ("amqp://h/a/b", "%2f"),
        ("amqp://h/%zz", "percent"),
        ("amqp://h/%C3", "UTF-8"),
        ("amqp://h/?heartbeat=-1", "heartbeat"),
        ("amqp://h/?heartbeat=soon", "heartbeat"),
        ("amqp://h/?frame_max=10", "frame_max"),
        ("amqp://h/?hearbeat=5", "unknown option"),
        ("amqp://[::1/", "IPv6"),
        ("amqp://h/v#x", "fragment"),
    ])
    func badURLsAreRejectedWithAReason(url: String, reasonFragment: String) {
        #expect {
            try AMQPConfiguration(url: url)
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .invalidURL && error.description.contains(reasonFragment)
        }
    }

    @Test func descriptionNeverShowsThePassword() throws {
        let c = try AMQPConfiguration(url: "amqp://relance:topsecret@h:5673/%2frelance")
        #expect(!c.description.contains("topsecret"))
        #expect(c.description == "amqp://relance@h:5673/%2Frelance")
        #expect(try AMQPConfiguration(url: c.description).virtualHost == "/relance")
    }
}
