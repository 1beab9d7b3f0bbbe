import CRabbitMQ
import Glibc
import Logging

/// Everything one connection holds in librabbitmq, and the frame handling around it.
///
/// Confined to the connection's thread: ``AMQPConnection`` calls it from its jobs and
/// ``ConnectionThread`` calls ``service(socketReadable:)`` between jobs. It is marked
/// `Sendable` only so that the thread can hold it; nothing touches it from elsewhere.
final class ConnectionCore: ConnectionIO, @unchecked Sendable {
    /// What a content header and body frames complete, per channel.
    private struct IncomingContent {
        enum Kind {
            case delivery(tag: UInt64, redelivered: Bool, exchange: String, routingKey: String, consumerTag: String)
            case returned(code: UInt16, text: String, exchange: String, routingKey: String)
        }
        let kind: Kind
        var properties = MessageProperties()
        var bodySize = 0
        var body: [UInt8] = []
        var hasHeader = false
    }

    let configuration: AMQPConfiguration
    let thread: ConnectionThread
    let logger: Logger
    /// Most messages a publisher keeps unconfirmed before waiting for confirms.
    let publishWindow: Int

    private var connection: amqp_connection_state_t?
    private(set) var failure: AMQPError?
    private var heartbeatSeconds = 0
    private var lastInbound = ContinuousClock.now
    private var channelMax: UInt16 = 2047
    private var nextChannelNumber: UInt16 = 1
    private var openChannels: Set<UInt16> = []
    private var topologyChannel: UInt16?
    private(set) var publisher: PublisherChannel?
    private var consumers: [UInt16: ConsumerChannel] = [:]
    /// Why consumers whose channel the broker closed ended.
    private var consumerFailures: [ConsumerID: AMQPError] = [:]
    private var closedByApplication = false
    private var nextConsumerSerial: UInt64 = 1
    private var nextWaitID: UInt64 = 1
    private var incoming: [UInt16: IncomingContent] = [:]
    private let arena = CArena()

    init(configuration: AMQPConfiguration, thread: ConnectionThread, logger: Logger, publishWindow: Int) {
        self.configuration = configuration
        self.thread = thread
        self.logger = logger
        self.publishWindow = publishWindow
    }

    var isOpen: Bool { connection != nil && failure == nil }

    // MARK: Open and close

    func open() throws(AMQPError) {
        let target = "\(configuration.host):\(configuration.port)"
        guard let connection = amqp_new_connection() else {
            throw AMQPError(.connectionFailed, "cannot allocate an AMQP connection")
        }
        guard let socket = amqp_tcp_socket_new(connection) else {
            amqp_destroy_connection(connection)
            throw AMQPError(.connectionFailed, "cannot create a TCP socket")
        }
        var connectTimeout = timeval(configuration.connectTimeout)
        let (status, osError) = configuration.host.withCString { host in
            let status = amqp_socket_open_noblock(socket, host, Int32(configuration.port), &connectTimeout)
            return (status, errno)
        }
        guard status == AMQP_STATUS_OK.rawValue else {
            amqp_destroy_connection(connection)
            var reason = Self.statusText(status)
            if status == AMQP_STATUS_SOCKET_ERROR.rawValue, osError != 0 {
                reason += " (\(String(cString: strerror(osError))))"
            }
            throw AMQPError(.connectionFailed, "cannot connect to \(target): \(reason)")
        }
        _ = amqp_set_handshake_timeout(connection, &connectTimeout)

        arena.reset()
        var capabilities: FieldTable = ["consumer_cancel_notify": true, "publisher_confirms": true, "basic.nack": true]
        capabilities["connection.blocked"] = false
        var clientProperties: FieldTable = ["capabilities": .table(capabilities)]
        if let name = configuration.connectionName { clientProperties["connection_name"] = .string(name) }
        var properties = arena.table(clientProperties)
        let reply = configuration.virtualHost.withCString { vhost in
            configuration.user.withCString { user in
                configuration.password.withCString { password in
                    relance_amqp_login_plain(
                        connection, vhost, Int32(clamping: configuration.channelMax),
                        Int32(clamping: configuration.frameMax), Int32(clamping: configuration.heartbeat.components.seconds),
                        &properties, user, password)
                }
            }
        }
        arena.reset()
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            break
        case AMQP_RESPONSE_SERVER_EXCEPTION where reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD:
            let close = reply.reply.decoded!.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            let text = String(amqpBytes: close.reply_text)
            amqp_destroy_connection(connection)
            let code: AMQPError.Code = (close.reply_code == 403 || close.reply_code == 530) ? .authenticationFailed : .connectionFailed
            throw AMQPError(code, replyCode: close.reply_code,
                            "\(configuration) refused the connection: \(text)")
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            amqp_destroy_connection(connection)
            throw AMQPError(.connectionFailed, "AMQP handshake with \(target) failed: \(Self.statusText(reply.library_error))")
        default:
            amqp_destroy_connection(connection)
            throw AMQPError(.connectionFailed, "AMQP handshake with \(target) failed")
        }
        var requestTimeout = timeval(configuration.requestTimeout)
        _ = amqp_set_rpc_timeout(connection, &requestTimeout)
        heartbeatSeconds = Int(amqp_get_heartbeat(connection))
        let negotiated = amqp_get_channel_max(connection)
        channelMax = negotiated <= 0 ? UInt16.max : UInt16(clamping: negotiated)
        self.connection = connection
        lastInbound = .now
    }

    /// First step of a polite close: cancels every consumer and sends their settlements.
    /// Returns true when settlements went out, so the caller should let the broker apply
    /// them (``roundTripConsumers()`` and a short pause) before ``finishClose()``.
    func beginClose() -> Bool {
        guard connection != nil, failure == nil else { return false }
        for consumer in consumers.values where !consumer.isCancelled {
            try? cancel(consumer)
        }
        return flushSettlements()
    }

    /// Last step of a polite close: tells the broker, then ends every consumer's
    /// iteration and fails unfinished publishes.
    func finishClose() {
        flushSettlements()
        if let connection, failure == nil {
            let reply = amqp_connection_close(connection, Int32(AMQP_REPLY_SUCCESS))
            if reply.reply_type != AMQP_RESPONSE_NORMAL {
                logger.debug("AMQP connection close was not acknowledged", metadata: ["amqp.server": "\(configuration)"])
            }
        }
        fail(AMQPError(.connectionClosed, "the connection was closed by the application"), graceful: true)
    }

    /// Frees librabbitmq's state. Safe to call more than once.
    func destroy() {
        if failure == nil {
            fail(AMQPError(.connectionClosed, "the connection was closed by the application"), graceful: true)
        } else if let connection {
            self.connection = nil
            amqp_destroy_connection(connection)
        }
    }

    /// Marks the connection dead and tells every waiting task.
    func fail(_ error: AMQPError, graceful: Bool = false) {
        guard failure == nil else { return }
        failure = error
        closedByApplication = graceful
        if !graceful {
            logger.debug("AMQP connection lost", metadata: ["amqp.server": "\(configuration)", "error": "\(error)"])
        }
        if let connection {
            self.connection = nil
            amqp_destroy_connection(connection)
        }
        publisher?.failAll(error)
        publisher = nil
        topologyChannel = nil
        incoming = [:]
        openChannels = []
        for consumer in consumers.values {
            consumer.acknowledger.close()
            if graceful { consumer.isFinished = true } else { consumer.failure = error }
            consumer.resumeWaiterIfReady()
        }
        consumers = [:]
    }

    /// The live connection, or the error that ended it.
    private func live() throws(AMQPError) -> amqp_connection_state_t {
        if let failure { throw failure }
        guard let connection else { throw AMQPError(.connectionClosed, "the connection is not open") }
        return connection
    }

    // MARK: ConnectionIO

    var socketDescriptor: Int32 {
        guard let connection, failure == nil else { return -1 }
        return amqp_get_sockfd(connection)
    }

    var hasBufferedInput: Bool {
        guard let connection, failure == nil else { return false }
        return amqp_frames_enqueued(connection) != 0 || amqp_data_in_buffer(connection) != 0
    }

    var idleWaitMilliseconds: Int32 {
        guard connection != nil, failure == nil else { return -1 }
        var wait: Int32 = -1
        if heartbeatSeconds > 0 { wait = Int32(clamping: max(100, heartbeatSeconds * 1000 / 4)) }
        if let publisher, publisher.inFlight > 0 { wait = wait < 0 ? 1000 : min(wait, 1000) }
        return wait
    }

    func service(socketReadable: Bool) {
        guard connection != nil, failure == nil else { return }
        let now = ContinuousClock.now
        if socketReadable { lastInbound = now }
        flushSettlements()
        readAvailableFrames()
        guard failure == nil else { return }
        for consumer in consumers.values {
            if let wait = consumer.waiter?.id, consumer.acknowledger.takeCancellation(of: wait) {
                consumer.cancelWaiter()
            }
        }
        if heartbeatSeconds > 0, now - lastInbound > .seconds(heartbeatSeconds * 2) {
            fail(AMQPError(.connectionClosed, "no data from \(configuration) for \(heartbeatSeconds * 2) s (missed heartbeats)"))
            return
        }
        if let publisher, publisher.inFlight > 0, now - publisher.lastProgress > configuration.confirmTimeout {
            fail(AMQPError(.timeout, "the broker confirmed no message for \(configuration.confirmTimeout)"))
        }
    }

    // MARK: Reading frames

    /// Reads and dispatches every frame available without waiting (this also sends a
    /// heartbeat when one is due).
    func readAvailableFrames() {
        guard let connection, failure == nil else { return }
        var frame = amqp_frame_t()
        var noWait = timeval(tv_sec: 0, tv_usec: 0)
        var count = 0
        while count < 10_000 {
            let status = amqp_simple_wait_frame_noblock(connection, &frame, &noWait)
            if status == AMQP_STATUS_TIMEOUT.rawValue { break }
            guard status == AMQP_STATUS_OK.rawValue else {
                fail(Self.libraryError(status, context: "reading from \(configuration)"))
                return
            }
            count += 1
            handle(frame)
            guard failure == nil else { return }
        }
        if count > 0 {
            lastInbound = .now
            for consumer in consumers.values { consumer.resumeWaiterIfReady() }
        }
        amqp_maybe_release_buffers(connection)
    }

    private func handle(_ frame: amqp_frame_t) {
        let channel = frame.channel
        switch Int32(frame.frame_type) {
        case AMQP_FRAME_METHOD:
            handleMethod(frame.payload.method, channel: channel)
        case AMQP_FRAME_HEADER:
            guard var content = incoming[channel], !content.hasHeader,
                  let decoded = frame.payload.properties.decoded else { return }
            content.properties = MessageProperties(
                amqpProperties: decoded.assumingMemoryBound(to: amqp_basic_properties_t.self).pointee)
            content.bodySize = Int(frame.payload.properties.body_size)
            content.hasHeader = true
            content.body.reserveCapacity(content.bodySize)
            if content.bodySize == 0 {
                incoming[channel] = nil
                complete(content, channel: channel)
            } else {
                incoming[channel] = content
            }
        case AMQP_FRAME_BODY:
            guard incoming[channel]?.hasHeader == true else { return }
            let fragment = frame.payload.body_fragment
            if fragment.len > 0, let bytes = fragment.bytes {
                incoming[channel]!.body.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: fragment.len))
            }
            if incoming[channel]!.body.count >= incoming[channel]!.bodySize {
                let content = incoming.removeValue(forKey: channel)!
                complete(content, channel: channel)
            }
        default:
            break
        }
    }

    private func handleMethod(_ method: amqp_method_t, channel: UInt16) {
        guard let decoded = method.decoded else { return }
        switch method.id {
        case AMQP_BASIC_DELIVER_METHOD:
            let m = decoded.assumingMemoryBound(to: amqp_basic_deliver_t.self).pointee
            incoming[channel] = IncomingContent(kind: .delivery(
                tag: m.delivery_tag, redelivered: m.redelivered != 0, exchange: String(amqpBytes: m.exchange),
                routingKey: String(amqpBytes: m.routing_key), consumerTag: String(amqpBytes: m.consumer_tag)))
        case AMQP_BASIC_RETURN_METHOD:
            let m = decoded.assumingMemoryBound(to: amqp_basic_return_t.self).pointee
            incoming[channel] = IncomingContent(kind: .returned(
                code: m.reply_code, text: String(amqpBytes: m.reply_text), exchange: String(amqpBytes: m.exchange),
                routingKey: String(amqpBytes: m.routing_key)))
        case AMQP_BASIC_ACK_METHOD:
            let m = decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
            if let publisher, publisher.channel == channel {
                publisher.settle(tag: m.delivery_tag, multiple: m.multiple != 0, nack: false, window: publishWindow)
            }
        case AMQP_BASIC_NACK_METHOD:
            let m = decoded.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee
            if let publisher, publisher.channel == channel {
                publisher.settle(tag: m.delivery_tag, multiple: m.multiple != 0, nack: true, window: publishWindow)
            }
        case AMQP_BASIC_CANCEL_METHOD:
            let m = decoded.assumingMemoryBound(to: amqp_basic_cancel_t.self).pointee
            if let consumer = consumers[channel] {
                logger.info("AMQP broker cancelled a consumer", metadata: ["amqp.queue": "\(consumer.queue)"])
                consumer.failure = AMQPError(.consumerCancelled,
                                             "the broker cancelled the consumer of queue '\(consumer.queue)' (queue deleted?)")
            }
            if m.nowait == 0, let connection {
                var ok = amqp_basic_cancel_ok_t(consumer_tag: m.consumer_tag)
                send(amqp_send_method(connection, channel, AMQP_BASIC_CANCEL_OK_METHOD, &ok), context: "cancel-ok")
            }
        case AMQP_CHANNEL_CLOSE_METHOD:
            let m = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            let text = String(amqpBytes: m.reply_text)
            if let connection {
                var ok = amqp_channel_close_ok_t(dummy: 0)
                send(amqp_send_method(connection, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok), context: "channel close-ok")
            }
            channelClosedByBroker(channel, AMQPError(.channelClosed, replyCode: m.reply_code, "the broker closed the channel: \(text)"))
        case AMQP_CONNECTION_CLOSE_METHOD:
            let m = decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            brokerClosedConnection(m)
        case AMQP_CONNECTION_BLOCKED_METHOD:
            logger.info("AMQP broker blocked publishing (resource alarm)", metadata: ["amqp.server": "\(configuration)"])
        case AMQP_CONNECTION_UNBLOCKED_METHOD:
            logger.info("AMQP broker unblocked publishing", metadata: ["amqp.server": "\(configuration)"])
        default:
            break
        }
    }

    private func complete(_ content: IncomingContent, channel: UInt16) {
        switch content.kind {
        case .delivery(let tag, let redelivered, let exchange, let routingKey, let consumerTag):
            guard let consumer = consumers[channel] else { return }
            consumer.receive(Delivery(
                body: content.body, properties: content.properties, deliveryTag: tag, redelivered: redelivered,
                exchange: exchange, routingKey: routingKey, consumerTag: consumerTag, acknowledger: consumer.acknowledger))
        case .returned(let code, let text, let exchange, let routingKey):
            guard let publisher, publisher.channel == channel else { return }
            publisher.markReturned(exchange: exchange, routingKey: routingKey, messageID: content.properties.messageID,
                                   body: content.body, code: code, text: text)
        }
    }

    private func brokerClosedConnection(_ close: amqp_connection_close_t) {
        let text = String(amqpBytes: close.reply_text)
        if let connection {
            var ok = amqp_connection_close_ok_t(dummy: 0)
            _ = amqp_send_method(connection, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok)
        }
        logger.info("AMQP broker closed the connection", metadata: ["amqp.server": "\(configuration)", "amqp.reply": "\(text)"])
        fail(AMQPError(.connectionClosed, replyCode: close.reply_code, "the broker closed the connection: \(text)"))
    }

    private func channelClosedByBroker(_ channel: UInt16, _ error: AMQPError) {
        openChannels.remove(channel)
        incoming[channel] = nil
        if topologyChannel == channel { topologyChannel = nil }
        if let publisher, publisher.channel == channel {
            self.publisher = nil
            publisher.failAll(error)
        }
        if let consumer = consumers.removeValue(forKey: channel) {
            consumer.acknowledger.close()
            consumer.failure = consumer.failure ?? error
            consumerFailures[consumer.id] = consumer.failure
            consumer.resumeWaiterIfReady()
        }
    }

    /// Checks the status of a send; a failed send means the socket is gone.
    @discardableResult
    private func send(_ status: Int32, context: String) -> Bool {
        guard status == AMQP_STATUS_OK.rawValue else {
            fail(Self.libraryError(status, context: context))
            return false
        }
        return true
    }

    // MARK: Requests

    /// Checks the reply of a synchronous request made on `channel`.
    private func check(_ reply: amqp_rpc_reply_t, channel: UInt16, _ context: @autoclosure () -> String) throws(AMQPError) {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            lastInbound = .now
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            lastInbound = .now
            if reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD, let decoded = reply.reply.decoded {
                let close = decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
                let error = AMQPError(.channelClosed, replyCode: close.reply_code,
                                      "\(context()): \(String(amqpBytes: close.reply_text))")
                if let connection {
                    var ok = amqp_channel_close_ok_t(dummy: 0)
                    send(amqp_send_method(connection, channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok), context: "channel close-ok")
                }
                channelClosedByBroker(channel, error)
                throw error
            }
            if reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD, let decoded = reply.reply.decoded {
                brokerClosedConnection(decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee)
                throw failure!
            }
            let error = AMQPError(.protocolError, "\(context()): unexpected answer from the broker")
            fail(error)
            throw error
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            let error = Self.libraryError(reply.library_error, context: context())
            fail(error)
            throw error
        default:
            let error = AMQPError(.protocolError, "\(context()): no answer from the broker")
            fail(error)
            throw error
        }
    }

    private func openChannel() throws(AMQPError) -> UInt16 {
        let connection = try live()
        var channel: UInt16 = 0
        for _ in 0..<Int(channelMax) {
            let candidate = nextChannelNumber
            nextChannelNumber = candidate >= channelMax ? 1 : candidate + 1
            if !openChannels.contains(candidate) {
                channel = candidate
                break
            }
        }
        guard channel != 0 else { throw AMQPError(.invalidArgument, "all \(channelMax) channels are in use") }
        _ = amqp_channel_open(connection, channel)
        try check(amqp_get_rpc_reply(connection), channel: channel, "opening channel \(channel)")
        openChannels.insert(channel)
        return channel
    }

    private func closeChannel(_ channel: UInt16) {
        guard let connection, failure == nil, openChannels.contains(channel) else { return }
        openChannels.remove(channel)
        let reply = amqp_channel_close(connection, channel, Int32(AMQP_REPLY_SUCCESS))
        try? check(reply, channel: channel, "closing channel \(channel)")
    }

    /// Runs a synchronous request on the topology channel (opened on demand, and again
    /// after the broker closed it for an error).
    func withTopologyChannel<T>(
        _ context: String,
        _ body: (amqp_connection_state_t, UInt16, CArena) -> T
    ) throws(AMQPError) -> T {
        let connection = try live()
        let channel: UInt16
        if let topologyChannel {
            channel = topologyChannel
        } else {
            channel = try openChannel()
            topologyChannel = channel
        }
        arena.reset()
        defer { arena.reset() }
        let result = body(connection, channel, arena)
        try check(amqp_get_rpc_reply(connection), channel: channel, context)
        return result
    }

    // MARK: Publishing

    /// The channel in confirm mode, opened on demand.
    func publisherChannel() throws(AMQPError) -> PublisherChannel {
        if let publisher { return publisher }
        let connection = try live()
        let channel = try openChannel()
        _ = amqp_confirm_select(connection, channel)
        try check(amqp_get_rpc_reply(connection), channel: channel, "enabling publisher confirms")
        let publisher = PublisherChannel(channel: channel)
        self.publisher = publisher
        return publisher
    }

    /// Writes one message to the socket (no waiting for the broker).
    func publish(_ message: OutgoingMessage, index: Int, batch: PublishBatch, on publisher: PublisherChannel) throws(AMQPError) {
        let connection = try live()
        arena.reset()
        let exchange = arena.bytes(message.exchange)
        let routingKey = arena.bytes(message.routingKey)
        var properties = arena.properties(message.properties)
        let status = message.body.withUnsafeBytes { body in
            amqp_basic_publish(
                connection, publisher.channel, exchange, routingKey, message.mandatory ? 1 : 0, 0, &properties,
                amqp_bytes_t(len: body.count, bytes: body.count == 0 ? nil : UnsafeMutableRawPointer(mutating: body.baseAddress)))
        }
        guard status == AMQP_STATUS_OK.rawValue else {
            let error = Self.libraryError(status, context: "publishing to \(configuration)")
            fail(error)
            throw error
        }
        publisher.track(batch, index: index)
    }

    // MARK: Consuming

    func startConsumer(queue: String, prefetch: UInt16, exclusive: Bool, arguments: FieldTable) throws(AMQPError) -> ConsumerID {
        let connection = try live()
        let channel = try openChannel()
        _ = amqp_basic_qos(connection, channel, 0, prefetch, 0)
        try check(amqp_get_rpc_reply(connection), channel: channel, "setting prefetch \(prefetch)")
        arena.reset()
        defer { arena.reset() }
        let ok = amqp_basic_consume(connection, channel, arena.bytes(queue), amqp_empty_bytes, 0, 0, exclusive ? 1 : 0,
                                    arena.table(arguments))
        try check(amqp_get_rpc_reply(connection), channel: channel, "consuming from queue '\(queue)'")
        let tag = ok.map { String(amqpBytes: $0.pointee.consumer_tag) } ?? ""
        let id = ConsumerID(channel: channel, serial: nextConsumerSerial)
        nextConsumerSerial += 1
        consumers[channel] = ConsumerChannel(id: id, queue: queue, tag: tag, prefetch: prefetch,
                                             acknowledger: Acknowledger(thread: thread))
        return id
    }

    /// The consumer, or the error that ended it.
    func consumer(_ id: ConsumerID) -> ConsumerChannel? {
        guard let consumer = consumers[id.channel], consumer.id == id else { return nil }
        return consumer
    }

    /// Why a consumer that is no longer running ended: nil when it ended normally
    /// (cancelled, closed, or its connection closed by the application).
    func ending(of id: ConsumerID) -> AMQPError? {
        if let failure = consumerFailures[id] { return failure }
        if let failure, !closedByApplication { return failure }
        return nil
    }

    func makeWaitID() -> UInt64 {
        defer { nextWaitID += 1 }
        return nextWaitID
    }

    /// Sends `basic.cancel`; deliveries already on their way still arrive and are handed out.
    func cancel(_ consumer: ConsumerChannel) throws(AMQPError) {
        guard !consumer.isCancelled else { return }
        let connection = try live()
        consumer.isCancelled = true
        arena.reset()
        defer { arena.reset() }
        _ = amqp_basic_cancel(connection, consumer.id.channel, arena.bytes(consumer.tag))
        try check(amqp_get_rpc_reply(connection), channel: consumer.id.channel, "cancelling the consumer of '\(consumer.queue)'")
        readAvailableFrames()
        consumer.resumeWaiterIfReady()
    }

    /// First step of closing one consumer: cancels it and sends its settlements. Returns
    /// true when settlements went out (see ``beginClose()``).
    func beginClosing(_ consumer: ConsumerChannel) -> Bool {
        try? cancel(consumer)
        return flushSettlements()
    }

    /// Last step of closing one consumer: closes its channel; what was delivered and not
    /// settled goes back to the queue, and its iteration ends.
    func finishClosing(_ consumer: ConsumerChannel) {
        flushSettlements()
        consumer.acknowledger.close()
        consumer.isFinished = true
        consumer.resumeWaiterIfReady()
        if consumers[consumer.id.channel] === consumer {
            consumers[consumer.id.channel] = nil
            closeChannel(consumer.id.channel)
        }
    }

    /// A request and its answer on every consumer channel: once it is answered, the
    /// channel has processed the settlements sent before it.
    func roundTripConsumers() {
        for consumer in consumers.values {
            guard let connection, failure == nil else { return }
            _ = amqp_basic_qos(connection, consumer.id.channel, 0, consumer.prefetch, 0)
            try? check(amqp_get_rpc_reply(connection), channel: consumer.id.channel, "synchronising with the broker")
        }
    }

    /// Sends the settlements queued by deliveries; returns true when it sent any.
    @discardableResult
    func flushSettlements() -> Bool {
        guard let connection, failure == nil else { return false }
        var sentAny = false
        for consumer in consumers.values {
            let operations = consumer.acknowledger.takeOperations()
            guard !operations.isEmpty else { continue }
            sentAny = true
            if !sendSettlements(operations, for: consumer, on: connection) { return sentAny }
        }
        return sentAny
    }

    /// Coalesces a run of acks into one multiple-ack where the acked tags form a prefix of
    /// the outstanding ones; ignores tags already settled (a second ack of a tag would
    /// make the broker close the channel).
    private func sendSettlements(_ operations: [Acknowledger.Operation], for consumer: ConsumerChannel,
                                 on connection: amqp_connection_state_t) -> Bool {
        let channel = consumer.id.channel
        var acked = Set<UInt64>()
        var settled = Set<UInt64>()

        func sendAcks() -> Bool {
            guard !acked.isEmpty else { return true }
            let pending = consumer.outstanding(upTo: UInt64.max).filter { !settled.contains($0) }
            var prefix = 0
            while prefix < pending.count && acked.contains(pending[prefix]) { prefix += 1 }
            if prefix > 0 {
                let last = pending[prefix - 1]
                guard send(amqp_basic_ack(connection, channel, last, prefix > 1 ? 1 : 0), context: "ack") else { return false }
                for tag in pending[..<prefix] {
                    acked.remove(tag)
                    settled.insert(tag)
                }
            }
            for tag in acked.sorted() {
                guard send(amqp_basic_ack(connection, channel, tag, 0), context: "ack") else { return false }
                settled.insert(tag)
            }
            acked = []
            return true
        }

        for operation in operations {
            switch operation {
            case .ack(let tag, let multiple):
                if multiple {
                    for t in consumer.outstanding(upTo: tag) where !settled.contains(t) { acked.insert(t) }
                } else if consumer.isOutstanding(tag) && !settled.contains(tag) {
                    acked.insert(tag)
                }
            case .nack(let tag, let multiple, let requeue):
                guard sendAcks() else { return false }
                let covered = multiple
                    ? consumer.outstanding(upTo: tag).filter { !settled.contains($0) }
                    : (consumer.isOutstanding(tag) && !settled.contains(tag) ? [tag] : [])
                guard let last = covered.last else { continue }
                guard send(amqp_basic_nack(connection, channel, last, multiple ? 1 : 0, requeue ? 1 : 0), context: "nack") else {
                    return false
                }
                settled.formUnion(covered)
            case .reject(let tag, let requeue):
                guard sendAcks() else { return false }
                guard consumer.isOutstanding(tag) && !settled.contains(tag) else { continue }
                guard send(amqp_basic_reject(connection, channel, tag, requeue ? 1 : 0), context: "reject") else { return false }
                settled.insert(tag)
            }
        }
        guard sendAcks() else { return false }
        consumer.removeOutstanding(settled)
        return true
    }

    // MARK: Errors

    static func statusText(_ status: Int32) -> String {
        String(cString: amqp_error_string2(status))
    }

    static func libraryError(_ status: Int32, context: String) -> AMQPError {
        let text = statusText(status)
        switch status {
        case AMQP_STATUS_TIMEOUT.rawValue:
            return AMQPError(.timeout, "\(context): the broker did not answer in time")
        case AMQP_STATUS_HEARTBEAT_TIMEOUT.rawValue:
            return AMQPError(.connectionClosed, "\(context): missed heartbeats from the broker")
        case AMQP_STATUS_CONNECTION_CLOSED.rawValue, AMQP_STATUS_SOCKET_ERROR.rawValue,
             AMQP_STATUS_SOCKET_CLOSED.rawValue, AMQP_STATUS_TCP_ERROR.rawValue:
            return AMQPError(.connectionClosed, "\(context): \(text)")
        default:
            return AMQPError(.protocolError, "\(context): \(text)")
        }
    }
}

extension timeval {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self.init(tv_sec: Int(max(0, seconds)), tv_usec: Int(max(0, attoseconds) / 1_000_000_000_000))
    }
}
