/// A file the artefact store wrote: where it is, and the SHA-256 of its bytes.
public struct StoredArtefact: Sendable, Hashable {
    /// The absolute path of the file.
    public let path: String
    /// The same place as a `file://` URI, as outcomes record it.
    public let uri: String
    /// The SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.
    public let sha256: String
    public let byteCount: Int

    public init(path: String, uri: String, sha256: String, byteCount: Int) {
        self.path = path
        self.uri = uri
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
