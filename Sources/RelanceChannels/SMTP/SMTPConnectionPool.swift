import Logging
import Synchronization

/// A few ``SMTPClient``s sharing the sends of many tasks: each send takes a free connection,
/// or waits (first come, first served) until one is free. Connections stay open between
/// messages, so a worker sending a message per job does not connect for each one.
public final class SMTPConnectionPool: Sendable {
    private struct State {
        var free: [Int]
        var waiters: [CheckedContinuation<Int, Never>] = []
    }

    public let configuration: SMTPConfiguration
    private let clients: [SMTPClient]
    private let state: Mutex<State>

    /// `configuration.connections` clients (at least one); they connect when first used.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "relance.smtp")) {
        self.configuration = configuration
        let count = max(1, configuration.connections)
        clients = (0..<count).map { _ in SMTPClient(configuration: configuration, logger: logger) }
        state = Mutex(State(free: Array((0..<count).reversed())))
    }

    /// Sends `message` over a free connection; see ``SMTPClient/send(_:)``.
    public func send(_ message: MIMEMessage) async throws(SMTPError) -> SMTPReceipt {
        let index = await acquire()
        defer { release(index) }
        return try await clients[index].send(message)
    }

    /// Sends `messages` one after the other over one connection; see
    /// ``SMTPClient/send(batch:)``.
    public func send(batch messages: [MIMEMessage]) async -> [Result<SMTPReceipt, SMTPError>] {
        let index = await acquire()
        defer { release(index) }
        return await clients[index].send(batch: messages)
    }

    /// Closes every connection. Sends after this fail.
    public func close() async {
        for client in clients { await client.close() }
    }

    private func acquire() async -> Int {
        await withCheckedContinuation { continuation in
            let index: Int? = state.withLock { state in
                if let index = state.free.popLast() { return index }
                state.waiters.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    private func release(_ index: Int) {
        let waiter: CheckedContinuation<Int, Never>? = state.withLock { state in
            if state.waiters.isEmpty {
                state.free.append(index)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: index)
    }
}
