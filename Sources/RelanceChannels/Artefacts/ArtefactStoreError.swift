import RelanceCore

/// A file the artefact store could not write: the disk is full, a directory is not
/// writable… Worth retrying once the operator has fixed the disk.
public struct ArtefactStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<ArtefactStoreError>

    public let code: Code
    public let message: String
    /// The file or directory concerned.
    public let path: String

    public init(_ code: Code, _ message: String, path: String) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { "\(path): \(message)" }
}

extension ErrorCode where Domain == ArtefactStoreError {
    /// A file system call failed.
    public static var io: Self { Self(name: "io") }
}
