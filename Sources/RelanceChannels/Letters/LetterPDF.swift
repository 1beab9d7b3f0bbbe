/// A letter written as a PDF document.
public struct LetterPDF: Sendable, Hashable {
    public let bytes: [UInt8]
    public let pageCount: Int

    public init(bytes: [UInt8], pageCount: Int) {
        self.bytes = bytes
        self.pageCount = pageCount
    }
}
