import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

extension UUID {
    /// A new random (version 4) identifier from the system's generator.
    ///
    /// Foundation's `UUID()` on Linux opens and reads `/dev/urandom` for every identifier, and
    /// the standard library's generator makes one system call per 8 bytes: at tens of thousands
    /// of job ids per second, the bytes are read 4 KiB at a time from `/dev/urandom`, kept open,
    /// into a pool (one read per 256 ids), and each is used once.
    public static func random() -> UUID {
        var bytes = randomPool.withLock { $0.take16() }
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = (raw[6] & 0x0F) | 0x40  // version 4
            raw[8] = (raw[8] & 0x3F) | 0x80  // RFC 4122 variant
            return UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                               raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
        }
    }

    /// A new time-ordered (version 7) identifier: the first 48 bits are the Unix time in
    /// milliseconds, big-endian, and the remaining 74 free bits are random.
    ///
    /// Identifiers made one after the other sort one after the other (to the millisecond), so
    /// a B-tree index on them grows at its right edge and the rows a pipeline touches together
    /// sit on the same few index pages, instead of one random page each.
    public static func timeOrdered(at moment: Date = Date()) -> UUID {
        var bytes = randomPool.withLock { $0.take16() }
        let milliseconds = UInt64(max(0, moment.timeIntervalSince1970 * 1000))
        return withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
            raw[6] = (raw[6] & 0x0F) | 0x70  // version 7
            raw[8] = (raw[8] & 0x3F) | 0x80  // RFC 9562 variant
            return UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                               raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
        }
    }
}

extension UUID {
    /// The smallest time-ordered identifier of `moment`'s millisecond: every one made at or
    /// after that millisecond sorts at or after it, every one made before sorts before it (in
    /// PostgreSQL's `uuid` order too, which compares the bytes). Bounds a range of identifiers
    /// by time.
    public static func timeOrderedFloor(at moment: Date) -> UUID {
        let milliseconds = UInt64(max(0, moment.timeIntervalSince1970 * 1000))
        var bytes: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
            return UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                               raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
        }
    }
}

/// Random bytes drawn from the system in blocks, handed out 16 at a time, never twice.
private struct RandomPool: ~Copyable {
    static let size = 4096
    #if canImport(Glibc)
    /// Opened once for the life of the process.
    static let urandom = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
    #endif
    var bytes = [UInt8](repeating: 0, count: RandomPool.size)
    var next = RandomPool.size

    mutating func take16() -> (UInt64, UInt64) {
        if next + 16 > bytes.count { refill() }
        defer { next += 16 }
        return bytes.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: next, as: UInt64.self), raw.loadUnaligned(fromByteOffset: next + 8, as: UInt64.self))
        }
    }

    private mutating func refill() {
        bytes.withUnsafeMutableBytes { raw in
            var filled = 0
            #if canImport(Glibc)
            if Self.urandom >= 0 {
                while filled < raw.count {
                    let count = read(Self.urandom, raw.baseAddress! + filled, raw.count - filled)
                    if count > 0 { filled += count } else if count == 0 || errno != EINTR { break }
                }
            }
            #endif
            // Where the device cannot be read, the standard library's generator fills the rest.
            var generator = SystemRandomNumberGenerator()
            while filled < raw.count {
                raw[filled] = UInt8.random(in: .min ... .max, using: &generator)
                filled += 1
            }
        }
        next = 0
    }
}

private let randomPool = Mutex(RandomPool())
