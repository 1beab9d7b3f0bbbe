import AMQP
import Testing

/// `RELANCE_AMQP_URL` as a list: several brokers separated by commas.
struct AMQPURLListTests {
    @Test func threeURLsGiveThreeBrokersInOrder() throws {
        let brokers = try AMQPConfiguration.list(fromURLs:
            "amqp://relance:relance@127.0.0.1:5674/relance,amqp://relance:relance@127.0.0.1:5675/relance,amqp://relance:relance@127.0.0.1:5676/relance")
        #expect(brokers.map(\.port) == [5674, 5675, 5676])
        #expect(brokers.allSatisfy { $0.host == "127.0.0.1" && $0.user == "relance" && $0.password == "relance" && $0.virtualHost == "relance" })
    }

    @Test func spacesAroundEachURLAreIgnored() throws {
        let brokers = try AMQPConfiguration.list(fromURLs: "  amqp://h1:5674/v ,\n amqp://h2/v?heartbeat=5\t")
        #expect(brokers.map(\.host) == ["h1", "h2"])
        #expect(brokers[1].heartbeat == .seconds(5))
    }

    @Test func oneURLReadsAsBefore() throws {
        let url = "amqp://relance:s3cret@broker:5673/relance?heartbeat=10"
        #expect(try AMQPConfiguration.list(fromURLs: url) == [try AMQPConfiguration(url: url)])
        // A comma inside a single URL (here in the password) keeps its meaning.
        let withComma = try AMQPConfiguration.list(fromURLs: "amqp://u:p,q@h/v")
        #expect(withComma.count == 1)
        #expect(withComma.first?.password == "p,q")
    }

    @Test(arguments: [
        ("amqp://h1/v,,amqp://h2/v", "URL 2 of 3 is empty"),
        ("amqp://h1/v,", "URL 2 of 2 is empty"),
        (" , amqp://h2/v", "URL 1 of 2 is empty"),
    ])
    func anEmptyElementIsRefused(list: String, message: String) {
        #expect {
            try AMQPConfiguration.list(fromURLs: list)
        } throws: { error in
            (error as? AMQPError)?.code == .invalidURL && "\(error)".contains(message)
        }
    }

    @Test func aBadURLIsRefusedByPositionWithoutItsPassword() {
        let list = "amqp://relance:s3cret@h1:5674/relance, amqp://relance:s3cret@h2:99999/relance ,amqp://relance:s3cret@h3:5676/relance"
        #expect {
            try AMQPConfiguration.list(fromURLs: list)
        } throws: { error in
            let text = "\(error)"
            return (error as? AMQPError)?.code == .invalidURL
                && text.contains("URL 2 of 3 (amqp://relance:***@h2:99999/relance)")
                && text.contains("the port must be a number")
                && !text.contains("s3cret")
        }
    }

    @Test func aBadSchemeInTheListIsNamed() {
        #expect {
            try AMQPConfiguration.list(fromURLs: "amqp://h1/v,http://h2/v")
        } throws: { error in
            "\(error)".contains("URL 2 of 2 (http://h2/v)") && "\(error)".contains("scheme")
        }
    }
}
