import CRabbitMQ
import Glibc
import Synchronization

/// The socket work a ``ConnectionThread`` does between jobs. Called only on that thread.
protocol ConnectionIO: AnyObject {
    /// The socket to watch for input, or -1.
    var socketDescriptor: Int32 { get }
    /// True when librabbitmq already holds input in memory, which poll(2) cannot see.
    var hasBufferedInput: Bool { get }
    /// The longest the thread may sleep before `service` must run again (heartbeats,
    /// deadlines), in milliseconds; -1 for no limit.
    var idleWaitMilliseconds: Int32 { get }
    /// Reads what arrived, sends what is queued, checks heartbeats and deadlines.
    func service(socketReadable: Bool)
}

/// A serial executor backed by one dedicated OS thread, so that librabbitmq's blocking
/// calls never occupy Swift's cooperative pool (which has one thread per core and does
/// not grow). When it has no job to run, the thread sleeps in poll(2) on the
/// connection's socket and a wake-up eventfd, and services the socket: heartbeats,
/// deliveries and confirms are handled even while no caller is waiting.
final class ConnectionThread: SerialExecutor, @unchecked Sendable {
    private enum Step {
        case run([UnownedJob])
        case service
        case sleep
        case stop((@Sendable () -> Void)?)
    }

    private struct State {
        var jobs: [UnownedJob] = []
        var isSleeping = false
        var serviceRequested = false
        var isStopping = false
        var hasExited = false
        var finalWork: (@Sendable () -> Void)?
        var threadID: pthread_t?
    }

    private let state = Mutex(State())
    private let wakeDescriptor: Int32
    private let name: String
    // Touched only on the thread itself.
    private var io: (any ConnectionIO)?
    private let pollDescriptors: UnsafeMutablePointer<pollfd>

    init(name: String) {
        self.name = name
        wakeDescriptor = relance_wakeup_fd_create()
        precondition(wakeDescriptor >= 0, "AMQP: cannot create an eventfd (errno \(errno))")
        pollDescriptors = .allocate(capacity: 2)
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { raw in
            let this = Unmanaged<ConnectionThread>.fromOpaque(raw!).takeRetainedValue()
            this.run()
            return nil
        }, context)
        precondition(rc == 0, "AMQP: cannot start a connection thread (error \(rc))")
        pthread_detach(thread)
    }

    deinit {
        pollDescriptors.deallocate()
    }

    // MARK: SerialExecutor

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        state.withLock { state in
            state.jobs.append(job)
            if state.isSleeping && !state.hasExited {
                state.isSleeping = false
                relance_wakeup_fd_signal(wakeDescriptor)
            }
        }
    }

    func checkIsolated() {
        precondition(isCurrent, "AMQP: expected to run on the connection thread")
    }

    /// True when called on this executor's thread.
    var isCurrent: Bool {
        guard let id = state.withLock({ $0.threadID }) else { return false }
        return pthread_equal(id, pthread_self()) != 0
    }

    // MARK: Control

    /// Asks the thread to service its socket soon (queued acks, a cancelled wait).
    /// Callable from any thread.
    func requestService() {
        state.withLock { state in
            state.serviceRequested = true
            if state.isSleeping && !state.hasExited {
                state.isSleeping = false
                relance_wakeup_fd_signal(wakeDescriptor)
            }
        }
    }

    /// Sets the socket work to do between jobs. Call on the thread.
    func attach(_ io: (any ConnectionIO)?) {
        assert(isCurrent)
        self.io = io
    }

    /// Ends the thread once its queued jobs have run; `finalWork` runs on it last.
    func stop(finally finalWork: (@Sendable () -> Void)? = nil) {
        state.withLock { state in
            state.isStopping = true
            state.finalWork = finalWork
            if state.isSleeping && !state.hasExited {
                state.isSleeping = false
                relance_wakeup_fd_signal(wakeDescriptor)
            }
        }
    }

    // MARK: Loop

    private func run() {
        state.withLock { $0.threadID = pthread_self() }
        relance_set_thread_name(name)
        let executor = asUnownedSerialExecutor()
        loop: while true {
            let step = state.withLock { state -> Step in
                if !state.jobs.isEmpty {
                    let jobs = state.jobs
                    state.jobs = []
                    return .run(jobs)
                }
                if state.isStopping {
                    let work = state.finalWork
                    state.finalWork = nil
                    return .stop(work)
                }
                if state.serviceRequested {
                    state.serviceRequested = false
                    return .service
                }
                state.isSleeping = true
                return .sleep
            }
            switch step {
            case .run(let jobs):
                for job in jobs { job.runSynchronously(on: executor) }
                pollAndService(timeout: 0)
            case .service:
                pollAndService(timeout: 0)
            case .sleep:
                pollAndService(timeout: io?.idleWaitMilliseconds ?? -1, afterSleep: true)
            case .stop(let work):
                work?()
                io = nil
                break loop
            }
        }
        state.withLock { state in
            state.hasExited = true
            close(wakeDescriptor)
        }
    }

    private func pollAndService(timeout: Int32, afterSleep: Bool = false) {
        pollDescriptors[0] = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
        var count = 1
        let socket = io?.socketDescriptor ?? -1
        if socket >= 0 {
            pollDescriptors[1] = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            count = 2
        }
        let wait = (io?.hasBufferedInput ?? false) ? 0 : timeout
        let ready = poll(pollDescriptors, nfds_t(count), wait)
        if afterSleep {
            // Awake again: jobs enqueued from here on need no eventfd signal.
            state.withLock { $0.isSleeping = false }
        }
        if ready > 0 && pollDescriptors[0].revents != 0 {
            relance_wakeup_fd_drain(wakeDescriptor)
        }
        let readable = ready > 0 && count == 2 && pollDescriptors[1].revents != 0
        io?.service(socketReadable: readable)
    }
}
