import Foundation
import RelanceCore
import RelancePipeline
import Synchronization

/// A channel that remembers every action asked of it and answers as told: as the recording
/// channel does (rendering the message), or with a failure, optionally once a gate opens.
final class ScriptedChannel: ReminderChannel {
    let channels = Set(Channel.allCases)
    private let failure: ChannelError?
    private let gate: Gate?
    private let recording = RecordingChannel(renderer: PipelineFixture.renderer)
    private let performed = Mutex<[ChannelJob]>([])

    init(failure: ChannelError? = nil, gate: Gate? = nil) {
        self.failure = failure
        self.gate = gate
    }

    /// The actions asked for, in order: one per contact attempt.
    var actions: [ChannelJob] { performed.withLock { $0 } }

    func perform(_ job: ChannelJob) async throws(ChannelError) -> ChannelDelivery {
        performed.withLock { $0.append(job) }
        await gate?.pass()
        if let failure { throw failure }
        var delivery = try await recording.perform(job)
        // What the real channel records once it has acted.
        delivery.outcome = .acted(on: job.job.channel)
        return delivery
    }

}

/// Holds whoever passes until it opens, counting them.
final class Gate: Sendable {
    private struct State {
        var open = false
        var arrivals = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    var arrivals: Int { state.withLock { $0.arrivals } }

    func pass() async {
        await withCheckedContinuation { continuation in
            let goOn = state.withLock { state -> Bool in
                state.arrivals += 1
                if state.open { return true }
                state.waiting.append(continuation)
                return false
            }
            if goOn { continuation.resume() }
        }
    }

    func open() {
        let waiting = state.withLock { state in
            state.open = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }
}
