/// Parses `amqp://user:password@host:port/vhost?options` into an ``AMQPConfiguration``.
struct AMQPURLParser {
    private let url: String

    init(_ url: String) {
        self.url = url
    }

    /// One URL, or several separated by commas; see ``AMQPConfiguration/list(fromURLs:)``.
    static func parseList(_ text: String) throws(AMQPError) -> [AMQPConfiguration] {
        let elements = text.split(separator: ",", omittingEmptySubsequences: false)
        guard elements.count > 1 else { return [try AMQPConfiguration(url: text)] }
        var configurations: [AMQPConfiguration] = []
        var firstError: AMQPError?
        for (index, element) in elements.enumerated() {
            let url = String(element).trimmingSpaces()
            let position = "URL \(index + 1) of \(elements.count)"
            if url.isEmpty {
                // Refused even where the whole would read as one URL (`amqp://h/v,` with the
                // vhost `v,`): a stray comma is a mistake in a list.
                throw AMQPError(.invalidURL, "invalid AMQP URL list: \(position) is empty")
            }
            do throws(AMQPError) {
                configurations.append(try AMQPConfiguration(url: String(url)))
            } catch {
                let reason = error.description.replacing("invalid AMQP URL: ", with: "", maxReplacements: 1)
                firstError = firstError
                    ?? AMQPError(.invalidURL, "invalid AMQP URL list: \(position) (\(redactingPassword(url))): \(reason)")
            }
        }
        guard let firstError else { return configurations }
        // A URL accepted on its own before lists existed keeps its meaning.
        if let single = try? AMQPConfiguration(url: text) { return [single] }
        throw firstError
    }

    /// `url` with the password of its user info, if any, replaced by `***`.
    static func redactingPassword(_ url: Substring) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return String(url) }
        let afterScheme = url[schemeEnd.upperBound...]
        let authority = afterScheme[..<(afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex)]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return String(url)
        }
        return String(url[...colon]) + "***" + String(url[at...])
    }

    func apply(to configuration: inout AMQPConfiguration) throws(AMQPError) {
        var rest = Substring(url.trimmingSpaces())
        guard let schemeEnd = rest.firstRange(of: "://") else {
            throw invalid("it does not start with amqp://")
        }
        let scheme = rest[..<schemeEnd.lowerBound].lowercased()
        if scheme == "amqps" {
            throw invalid("amqps (TLS) is not supported by this client")
        }
        guard scheme == "amqp" else {
            throw invalid("the scheme must be amqp, not \(scheme.isEmpty ? "empty" : scheme)")
        }
        rest = rest[schemeEnd.upperBound...]
        if rest.contains("#") {
            throw invalid("a fragment (#…) is not allowed; percent-encode # as %23")
        }

        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }

        // Authority: [user[:password]@]host[:port]; the last @ separates the user info.
        var hostPort = rest
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            hostPort = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                configuration.user = try Self.percentDecode(userInfo[..<colon], what: "user")
                configuration.password = try Self.percentDecode(
                    userInfo[userInfo.index(after: colon)...], what: "password")
            } else {
                configuration.user = try Self.percentDecode(userInfo, what: "user")
            }
        }
        try parseHostPort(hostPort, into: &configuration)

        if path.contains("/") {
            throw invalid("the vhost must be one path segment; write / inside it as %2f")
        }
        let vhost = try Self.percentDecode(path, what: "vhost")
        configuration.virtualHost = vhost.isEmpty ? "/" : vhost

        if !query.isEmpty {
            for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
                try applyOption(pair, to: &configuration)
            }
        }
    }

    private func parseHostPort(_ text: Substring, into configuration: inout AMQPConfiguration) throws(AMQPError) {
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw invalid("an IPv6 host must be closed with ]")
            }
            configuration.host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("unexpected text after the IPv6 host") }
                portText = after.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            let host = text[..<colon]
            if !host.isEmpty { configuration.host = try Self.percentDecode(host, what: "host") }
            portText = text[text.index(after: colon)...]
        } else if !text.isEmpty {
            configuration.host = try Self.percentDecode(text, what: "host")
        }
        if let portText {
            guard let port = Int(portText), (1...65_535).contains(port) else {
                throw invalid("the port must be a number from 1 to 65535, not '\(portText)'")
            }
            configuration.port = port
        }
    }

    private func applyOption(_ pair: Substring, to configuration: inout AMQPConfiguration) throws(AMQPError) {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = try Self.percentDecode(parts[0], what: "option name")
        let value = parts.count > 1 ? try Self.percentDecode(parts[1], what: "option \(key)") : ""
        func integer(_ range: ClosedRange<Int>) throws(AMQPError) -> Int {
            guard let number = Int(value), range.contains(number) else {
                throw invalid("option \(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
            }
            return number
        }
        switch key {
        case "heartbeat":
            configuration.heartbeat = .seconds(try integer(0...65_535))
        case "frame_max":
            configuration.frameMax = try integer(4_096...Int(Int32.max))
        case "channel_max":
            configuration.channelMax = try integer(0...65_535)
        case "connection_timeout":
            configuration.connectTimeout = .milliseconds(try integer(1...86_400_000))
        case "connection_name":
            configuration.connectionName = value
        default:
            throw invalid("unknown option '\(key)' (known: heartbeat, frame_max, channel_max, connection_timeout, connection_name)")
        }
    }

    private func invalid(_ reason: String) -> AMQPError {
        AMQPError(.invalidURL, "invalid AMQP URL: \(reason)")
    }

    static func percentDecode(_ text: Substring, what: String) throws(AMQPError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw AMQPError(.invalidURL, "invalid AMQP URL: bad percent-encoding in the \(what)")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw AMQPError(.invalidURL, "invalid AMQP URL: the \(what) is not UTF-8 once decoded")
        }
        return decoded
    }

    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let isUnreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits: [Character] = Array("0123456789ABCDEF")
                result.append("%")
                result.append(digits[Int(byte >> 4)])
                result.append(digits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
