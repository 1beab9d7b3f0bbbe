import CRabbitMQ
import Glibc

/// Memory for the C structures of one librabbitmq call (strings, field tables,
/// properties): librabbitmq keeps pointers, not copies, so the bytes must outlive the call.
/// Reset after each call; blocks are reused, so steady publishing allocates nothing.
final class CArena {
    private var blocks: [(base: UnsafeMutableRawPointer, size: Int)] = []
    private var blockIndex = 0
    private var offset = 0
    private static let blockSize = 64 * 1024

    deinit {
        for block in blocks { free(block.base) }
    }

    /// Forgets every allocation; the memory is reused by the next ones.
    func reset() {
        blockIndex = 0
        offset = 0
    }

    func allocate(byteCount: Int, alignment: Int = 16) -> UnsafeMutableRawPointer {
        let size = max(byteCount, 1)
        while blockIndex < blocks.count {
            let block = blocks[blockIndex]
            let aligned = (offset + alignment - 1) & ~(alignment - 1)
            if aligned + size <= block.size {
                offset = aligned + size
                return block.base + aligned
            }
            blockIndex += 1
            offset = 0
        }
        let blockSize = max(Self.blockSize, size)
        guard let base = malloc(blockSize) else { fatalError("AMQP: out of memory") }
        blocks.append((base, blockSize))
        blockIndex = blocks.count - 1
        offset = size
        return base
    }

    func bytes(_ string: String) -> amqp_bytes_t {
        var string = string
        return string.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    func bytes(_ buffer: UnsafeRawBufferPointer) -> amqp_bytes_t {
        guard buffer.count > 0, let source = buffer.baseAddress else {
            return amqp_bytes_t(len: 0, bytes: nil)
        }
        let target = allocate(byteCount: buffer.count, alignment: 1)
        target.copyMemory(from: source, byteCount: buffer.count)
        return amqp_bytes_t(len: buffer.count, bytes: target)
    }

    func table(_ table: FieldTable) -> amqp_table_t {
        guard !table.isEmpty else { return amqp_empty_table }
        let entries = allocate(byteCount: MemoryLayout<amqp_table_entry_t>.stride * table.count,
                               alignment: MemoryLayout<amqp_table_entry_t>.alignment)
            .bindMemory(to: amqp_table_entry_t.self, capacity: table.count)
        var index = 0
        for (key, value) in table {
            entries[index] = amqp_table_entry_t(key: bytes(key), value: fieldValue(value))
            index += 1
        }
        return amqp_table_t(num_entries: Int32(table.count), entries: entries)
    }

    private func fieldValue(_ value: FieldValue) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        func kind(_ k: amqp_field_value_kind_t) -> UInt8 { UInt8(truncatingIfNeeded: k.rawValue) }
        switch value {
        case .bool(let v):
            field.kind = kind(AMQP_FIELD_KIND_BOOLEAN)
            field.value.boolean = v ? 1 : 0
        case .int8(let v):
            field.kind = kind(AMQP_FIELD_KIND_I8)
            field.value.i8 = v
        case .int16(let v):
            field.kind = kind(AMQP_FIELD_KIND_I16)
            field.value.i16 = v
        case .int32(let v):
            field.kind = kind(AMQP_FIELD_KIND_I32)
            field.value.i32 = v
        case .int64(let v):
            field.kind = kind(AMQP_FIELD_KIND_I64)
            field.value.i64 = v
        case .float(let v):
            field.kind = kind(AMQP_FIELD_KIND_F32)
            field.value.f32 = v
        case .double(let v):
            field.kind = kind(AMQP_FIELD_KIND_F64)
            field.value.f64 = v
        case .decimal(let scale, let v):
            field.kind = kind(AMQP_FIELD_KIND_DECIMAL)
            field.value.decimal = amqp_decimal_t(decimals: scale, value: v)
        case .string(let v):
            field.kind = kind(AMQP_FIELD_KIND_UTF8)
            field.value.bytes = bytes(v)
        case .bytes(let v):
            field.kind = kind(AMQP_FIELD_KIND_BYTES)
            field.value.bytes = v.withUnsafeBytes { bytes($0) }
        case .timestamp(let v):
            field.kind = kind(AMQP_FIELD_KIND_TIMESTAMP)
            field.value.u64 = v
        case .array(let values):
            field.kind = kind(AMQP_FIELD_KIND_ARRAY)
            let entries = allocate(byteCount: MemoryLayout<amqp_field_value_t>.stride * max(values.count, 1),
                                   alignment: MemoryLayout<amqp_field_value_t>.alignment)
                .bindMemory(to: amqp_field_value_t.self, capacity: max(values.count, 1))
            for (i, element) in values.enumerated() { entries[i] = fieldValue(element) }
            field.value.array = amqp_array_t(num_entries: Int32(values.count), entries: entries)
        case .table(let nested):
            field.kind = kind(AMQP_FIELD_KIND_TABLE)
            field.value.table = table(nested)
        case .void:
            field.kind = kind(AMQP_FIELD_KIND_VOID)
        }
        return field
    }

    /// Fills `properties` for `message`, with every pointer into this arena.
    func properties(_ message: MessageProperties) -> amqp_basic_properties_t {
        var p = amqp_basic_properties_t()
        var flags: UInt32 = 0
        func flag(_ f: Int32) -> UInt32 { UInt32(f) }
        if let v = message.contentType { p.content_type = bytes(v); flags |= flag(AMQP_BASIC_CONTENT_TYPE_FLAG) }
        if let v = message.contentEncoding { p.content_encoding = bytes(v); flags |= flag(AMQP_BASIC_CONTENT_ENCODING_FLAG) }
        if !message.headers.isEmpty { p.headers = table(message.headers); flags |= flag(AMQP_BASIC_HEADERS_FLAG) }
        if let v = message.deliveryMode { p.delivery_mode = v.rawValue; flags |= flag(AMQP_BASIC_DELIVERY_MODE_FLAG) }
        if let v = message.priority { p.priority = v; flags |= flag(AMQP_BASIC_PRIORITY_FLAG) }
        if let v = message.correlationID { p.correlation_id = bytes(v); flags |= flag(AMQP_BASIC_CORRELATION_ID_FLAG) }
        if let v = message.replyTo { p.reply_to = bytes(v); flags |= flag(AMQP_BASIC_REPLY_TO_FLAG) }
        if let v = message.expiration {
            let milliseconds = max(0, v.components.seconds * 1000 + v.components.attoseconds / 1_000_000_000_000_000)
            p.expiration = bytes(String(milliseconds))
            flags |= flag(AMQP_BASIC_EXPIRATION_FLAG)
        }
        if let v = message.messageID { p.message_id = bytes(v); flags |= flag(AMQP_BASIC_MESSAGE_ID_FLAG) }
        if let v = message.timestamp { p.timestamp = v; flags |= flag(AMQP_BASIC_TIMESTAMP_FLAG) }
        if let v = message.type { p.type = bytes(v); flags |= flag(AMQP_BASIC_TYPE_FLAG) }
        if let v = message.userID { p.user_id = bytes(v); flags |= flag(AMQP_BASIC_USER_ID_FLAG) }
        if let v = message.appID { p.app_id = bytes(v); flags |= flag(AMQP_BASIC_APP_ID_FLAG) }
        p._flags = flags
        return p
    }
}
