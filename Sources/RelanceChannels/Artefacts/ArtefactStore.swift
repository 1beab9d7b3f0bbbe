import Crypto
import Foundation
import RelanceCore

/// Where channels keep the documents they produce (letters, formal notices): files under a
/// root directory set by configuration, laid out by tenant and day,
/// `<root>/<tenant-id>/<yyyy-mm-dd>/<job-id>.<extension>`.
///
/// A file is named by its job, and written to a temporary file in the same directory, flushed
/// to disk and renamed over the final name: a reader never sees half a file, and a job
/// redelivered after its channel acted replaces its file instead of adding a second one.
public struct ArtefactStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The file of `jobId`'s artefact for `tenantId` on `date`.
    public func url(tenantId: UUID, date: CalendarDate, jobId: UUID, fileExtension: String = "pdf") -> URL {
        root
            .appendingPathComponent(tenantId.uuidString.lowercased(), isDirectory: true)
            .appendingPathComponent(date.iso, isDirectory: true)
            .appendingPathComponent("\(jobId.uuidString.lowercased()).\(fileExtension)", isDirectory: false)
    }

    /// Writes `bytes` as the artefact of `jobId`, replacing any earlier file of that job and
    /// day, and returns where it is and its SHA-256.
    public func write(
        _ bytes: [UInt8], tenantId: UUID, date: CalendarDate, jobId: UUID, fileExtension: String = "pdf"
    ) throws(ArtefactStoreError) -> StoredArtefact {
        let file = url(tenantId: tenantId, date: date, jobId: jobId, fileExtension: fileExtension)
        let directory = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ArtefactStoreError(.io, "cannot create the directory: \(error.localizedDescription)", path: directory.path)
        }
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString.lowercased()).tmp")
        do throws(ArtefactStoreError) {
            try writeDurably(bytes, to: temporary.path)
            try posix(rename(temporary.path, file.path), "cannot rename the temporary file into place", path: file.path)
        } catch {
            _ = unlink(temporary.path)
            throw error
        }
        // The rename itself is on disk only once the directory is.
        let directoryDescriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            _ = close(directoryDescriptor)
        }
        return StoredArtefact(path: file.path, uri: file.absoluteString, sha256: Self.sha256Hex(bytes), byteCount: bytes.count)
    }

    /// The SHA-256 of `bytes` as 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Creates `path` (which must not exist), writes all of `bytes` and flushes them to disk.
private func writeDurably(_ bytes: [UInt8], to path: String) throws(ArtefactStoreError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    try posix(descriptor, "cannot create the file", path: path)
    var written = 0
    var failure: Int32 = 0
    bytes.withUnsafeBytes { buffer in
        while written < buffer.count {
            let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            written += count
        }
    }
    if failure == 0, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure != 0 {
        throw ArtefactStoreError(.io, "cannot write the file: \(String(cString: strerror(failure)))", path: path)
    }
}

/// Throws with `errno`'s explanation when a system call returned a negative value.
private func posix(_ result: Int32, _ what: String, path: String) throws(ArtefactStoreError) {
    guard result < 0 else { return }
    throw ArtefactStoreError(.io, "\(what): \(String(cString: strerror(errno)))", path: path)
}
