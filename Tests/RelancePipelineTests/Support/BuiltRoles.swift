import AMQP
import PostgresNIO
import RelancePipeline
import RelanceRuntime
import Synchronization

/// The dispatchers and relays a test builds as production does (`buildPipelineServices`),
/// driven by the test pass by pass: their database pools run, and their brokers stay open,
/// until the test ends.
final class BuiltRoles: Sendable {
    private let pools: AsyncStream<PostgresClient>
    private let newPool: AsyncStream<PostgresClient>.Continuation
    private let brokers = Mutex<[AMQPJobBroker]>([])

    private init() {
        (pools, newPool) = AsyncStream.makeStream()
    }

    /// Runs `pipeline`'s pool and keeps its broker open until the test ends.
    func keep(_ pipeline: PipelineServices) {
        newPool.yield(pipeline.client)
        brokers.withLock { $0.append(pipeline.broker) }
    }

    /// Runs `body`, then closes the brokers and stops the pools of the roles it built.
    static func during<Result: Sendable>(_ body: @Sendable (BuiltRoles) async throws -> Result) async throws -> Result {
        let roles = BuiltRoles()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await withDiscardingTaskGroup { running in
                    for await pool in roles.pools {
                        running.addTask { await pool.run() }
                    }
                }
            }
            let result: Result
            do {
                result = try await body(roles)
            } catch {
                await roles.finish()
                group.cancelAll()
                throw error
            }
            await roles.finish()
            group.cancelAll()
            return result
        }
    }

    private func finish() async {
        newPool.finish()
        for broker in brokers.withLock({ $0 }) { await broker.close() }
    }
}
