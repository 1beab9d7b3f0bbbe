import CRabbitMQ

// Copies of librabbitmq's decoded structures into Swift values. The C memory belongs to
// the connection's pools and is recycled by amqp_maybe_release_buffers, so nothing here
// keeps a pointer.

extension String {
    init(amqpBytes bytes: amqp_bytes_t) {
        guard bytes.len > 0, let base = bytes.bytes else {
            self = ""
            return
        }
        self = String(decoding: UnsafeRawBufferPointer(start: base, count: bytes.len), as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    init(amqpBytes bytes: amqp_bytes_t) {
        guard bytes.len > 0, let base = bytes.bytes else {
            self = []
            return
        }
        self = Array(UnsafeRawBufferPointer(start: base, count: bytes.len))
    }
}

extension FieldTable {
    init(amqpTable table: amqp_table_t) {
        var fields: [String: FieldValue] = [:]
        if table.num_entries > 0, let entries = table.entries {
            fields.reserveCapacity(Int(table.num_entries))
            for i in 0..<Int(table.num_entries) {
                let entry = entries[i]
                fields[String(amqpBytes: entry.key)] = FieldValue(amqpField: entry.value)
            }
        }
        self.init(fields)
    }
}

extension FieldValue {
    init(amqpField field: amqp_field_value_t) {
        func isKind(_ kind: amqp_field_value_kind_t) -> Bool {
            field.kind == UInt8(truncatingIfNeeded: kind.rawValue)
        }
        let v = field.value
        if isKind(AMQP_FIELD_KIND_BOOLEAN) {
            self = .bool(v.boolean != 0)
        } else if isKind(AMQP_FIELD_KIND_I8) {
            self = .int8(v.i8)
        } else if isKind(AMQP_FIELD_KIND_U8) {
            self = .int16(Int16(v.u8))
        } else if isKind(AMQP_FIELD_KIND_I16) {
            self = .int16(v.i16)
        } else if isKind(AMQP_FIELD_KIND_U16) {
            self = .int32(Int32(v.u16))
        } else if isKind(AMQP_FIELD_KIND_I32) {
            self = .int32(v.i32)
        } else if isKind(AMQP_FIELD_KIND_U32) {
            self = .int64(Int64(v.u32))
        } else if isKind(AMQP_FIELD_KIND_I64) {
            self = .int64(v.i64)
        } else if isKind(AMQP_FIELD_KIND_U64) {
            self = .int64(Int64(truncatingIfNeeded: v.u64))
        } else if isKind(AMQP_FIELD_KIND_F32) {
            self = .float(v.f32)
        } else if isKind(AMQP_FIELD_KIND_F64) {
            self = .double(v.f64)
        } else if isKind(AMQP_FIELD_KIND_DECIMAL) {
            self = .decimal(scale: v.decimal.decimals, value: v.decimal.value)
        } else if isKind(AMQP_FIELD_KIND_UTF8) {
            self = .string(String(amqpBytes: v.bytes))
        } else if isKind(AMQP_FIELD_KIND_BYTES) {
            self = .bytes([UInt8](amqpBytes: v.bytes))
        } else if isKind(AMQP_FIELD_KIND_TIMESTAMP) {
            self = .timestamp(v.u64)
        } else if isKind(AMQP_FIELD_KIND_ARRAY) {
            var values: [FieldValue] = []
            if v.array.num_entries > 0, let entries = v.array.entries {
                values.reserveCapacity(Int(v.array.num_entries))
                for i in 0..<Int(v.array.num_entries) { values.append(FieldValue(amqpField: entries[i])) }
            }
            self = .array(values)
        } else if isKind(AMQP_FIELD_KIND_TABLE) {
            self = .table(FieldTable(amqpTable: v.table))
        } else {
            self = .void
        }
    }
}

extension MessageProperties {
    init(amqpProperties p: amqp_basic_properties_t) {
        self.init()
        func has(_ flag: Int32) -> Bool { p._flags & UInt32(flag) != 0 }
        if has(AMQP_BASIC_CONTENT_TYPE_FLAG) { contentType = String(amqpBytes: p.content_type) }
        if has(AMQP_BASIC_CONTENT_ENCODING_FLAG) { contentEncoding = String(amqpBytes: p.content_encoding) }
        if has(AMQP_BASIC_HEADERS_FLAG) { headers = FieldTable(amqpTable: p.headers) }
        if has(AMQP_BASIC_DELIVERY_MODE_FLAG) { deliveryMode = DeliveryMode(rawValue: p.delivery_mode) }
        if has(AMQP_BASIC_PRIORITY_FLAG) { priority = p.priority }
        if has(AMQP_BASIC_CORRELATION_ID_FLAG) { correlationID = String(amqpBytes: p.correlation_id) }
        if has(AMQP_BASIC_REPLY_TO_FLAG) { replyTo = String(amqpBytes: p.reply_to) }
        if has(AMQP_BASIC_EXPIRATION_FLAG), let ms = Int64(String(amqpBytes: p.expiration)) {
            expiration = .milliseconds(ms)
        }
        if has(AMQP_BASIC_MESSAGE_ID_FLAG) { messageID = String(amqpBytes: p.message_id) }
        if has(AMQP_BASIC_TIMESTAMP_FLAG) { timestamp = p.timestamp }
        if has(AMQP_BASIC_TYPE_FLAG) { type = String(amqpBytes: p.type) }
        if has(AMQP_BASIC_USER_ID_FLAG) { userID = String(amqpBytes: p.user_id) }
        if has(AMQP_BASIC_APP_ID_FLAG) { appID = String(amqpBytes: p.app_id) }
    }
}
