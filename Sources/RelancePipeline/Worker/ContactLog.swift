import Foundation
import RelanceCore
import Synchronization

/// An append-only file of the contacts record-only channels would have made: one JSON line per
/// channel action, with the job, its channel, its debtor and its steps. It is how one counts
/// contacts across crashes and redeliveries, which the outcomes (one per job) cannot show: a
/// step on two lines is a debtor contacted twice for it. Each line is written with one
/// `write(2)` on a descriptor opened with `O_APPEND`, so that several processes may share a file.
public final class ContactLog: Sendable {
    public let path: String
    private let descriptor: Mutex<Int32>

    /// Opens (creating it if needed) the file at `path` for appending.
    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ContactLogError(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        descriptor = Mutex(fd)
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    /// Appends the line of one channel action: the job and the steps it acts on.
    public func record(_ action: ChannelJob) throws {
        let job = action.job
        let moment = action.now
        let steps = action.steps.map { "\"\($0.stepId.uuidString.lowercased())\"" }.joined(separator: ",")
        let line = """
            {"job_id":"\(job.jobId.uuidString.lowercased())","channel":"\(job.channel.rawValue)",\
            "debtor_id":"\(job.debtorId.uuidString.lowercased())","steps":[\(steps)],"at":\(moment.timeIntervalSince1970)}

            """
        let bytes = Array(line.utf8)
        let written = descriptor.withLock { fd in bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
        guard written == bytes.count else {
            throw ContactLogError(path: path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
    }

    /// One line of the file, read back.
    public struct Entry: Sendable, Decodable {
        public var jobId: UUID
        public var channel: String
        public var debtorId: UUID
        public var steps: [UUID]

        enum CodingKeys: String, CodingKey {
            case jobId = "job_id", channel, debtorId = "debtor_id", steps
        }
    }

    /// Every line of the file at `path` (none when it does not exist).
    public static func read(path: String) throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(Entry.self, from: Data($0.utf8)) }
    }
}

/// The contact log cannot be opened or written.
public struct ContactLogError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "contact log \(path): \(reason)" }
}
