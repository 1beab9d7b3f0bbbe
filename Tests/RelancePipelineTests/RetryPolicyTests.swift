import RelanceCore
import RelancePipeline
import Testing

@Suite("Retry policy and delay tiers")
struct RetryPolicyTests {
    @Test("Delays grow five-fold from the base, capped, within the jitter")
    func delays() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .seconds(5), maxDelay: .seconds(600), jitter: 0.2)
        #expect(policy.delay(afterAttempt: 1, random: 0.5) == .seconds(5))
        #expect(policy.delay(afterAttempt: 2, random: 0.5) == .seconds(25))
        #expect(policy.delay(afterAttempt: 3, random: 0.5) == .seconds(125))
        #expect(policy.delay(afterAttempt: 4, random: 0.5) == .seconds(600))
        #expect(policy.delay(afterAttempt: 9, random: 0.5) == .seconds(600))
        #expect(policy.delay(afterAttempt: 1, random: 0) == .seconds(4))
        #expect(policy.delay(afterAttempt: 2, random: 0.9999) > .seconds(29.9))
    }

    @Test("Retries stop at the attempt limit")
    func limit() {
        let policy = RetryPolicy(maxAttempts: 3)
        #expect(policy.mayRetry(afterAttempt: 1))
        #expect(policy.mayRetry(afterAttempt: 2))
        #expect(!policy.mayRetry(afterAttempt: 3))
    }

    @Test("Each delay goes to the nearest tier queue of its channel")
    func tiers() {
        #expect(JobTopology.retryTier(for: .seconds(4)) == 0)
        #expect(JobTopology.retryTier(for: .seconds(29)) == 1)
        #expect(JobTopology.retryTier(for: .seconds(140)) == 2)
        #expect(JobTopology.retryTier(for: .seconds(700)) == 3)
        #expect(JobTopology.retryQueue(for: .registeredLetter, tier: 1) == "relance.retry.letter.25s")
        #expect(JobTopology.queue(for: .registeredLetter) == "relance.letter")
    }
}
