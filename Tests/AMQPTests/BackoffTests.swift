import AMQP
import Testing

@Suite struct BackoffTests {
    @Test func withoutJitterDelaysDoubleUpToTheMaximum() {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1), multiplier: 2, jitter: 0)
        #expect((0..<6).map { backoff.delay(attempt: $0) } == [
            .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1),
        ])
        #expect(backoff.delay(attempt: 10_000) == .seconds(1))
    }

    @Test func jitterOnlyShortensADelayBySomeOfIt() {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(8), multiplier: 2, jitter: 0.5)
        let delays = (0..<200).map { _ in backoff.delay(attempt: 2) }
        #expect(delays.allSatisfy { $0 >= .seconds(2) && $0 <= .seconds(4) })
        #expect(Set(delays).count > 1)
    }
}
