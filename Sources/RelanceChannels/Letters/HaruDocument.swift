import CHaru

/// One libharu document, used by one writer for one letter and then freed: libharu documents
/// are not thread-safe, so none is ever shared.
///
/// libharu reports errors through a C callback; the usual C idiom jumps out of it with
/// `longjmp`, which Swift cannot survive. Here the callback only records the first error in
/// `ErrorTrap`, and every wrapper checks the trap after its C call and throws `LetterError`,
/// so a libharu failure (a font that does not load, a bad argument) never crashes the process.
final class HaruDocument {
    private let handle: HPDF_Doc
    private let trap: ErrorTrap
    private let trapPointer: UnsafeMutableRawPointer

    /// What libharu's error callback writes into: the first error of the document.
    private final class ErrorTrap {
        var error: (code: UInt, detail: UInt)?
    }

    /// Creates an empty document with compressed streams and the UTF-8 encoder enabled.
    init() throws(LetterError) {
        let trap = ErrorTrap()
        let pointer = Unmanaged.passRetained(trap).toOpaque()
        let handler: HPDF_Error_Handler = { code, detail, userData in
            guard let userData else { return }
            let trap = Unmanaged<ErrorTrap>.fromOpaque(userData).takeUnretainedValue()
            if trap.error == nil { trap.error = (UInt(code), UInt(detail)) }
        }
        guard let handle = HPDF_New(handler, pointer) else {
            Unmanaged<ErrorTrap>.fromOpaque(pointer).release()
            throw LetterError(.pdf, "libharu could not create a document (out of memory)")
        }
        self.handle = handle
        self.trap = trap
        self.trapPointer = pointer
        _ = HPDF_SetCompressionMode(handle, UInt32(HPDF_COMP_ALL))
        try check("setting compression")
        _ = HPDF_UseUTFEncodings(handle)
        try check("enabling UTF-8 encodings")
    }

    deinit {
        HPDF_Free(handle)
        Unmanaged<ErrorTrap>.fromOpaque(trapPointer).release()
    }

    /// Throws the error libharu reported since the last check, if any.
    func check(_ action: @autoclosure () -> String) throws(LetterError) {
        guard let error = trap.error else { return }
        trap.error = nil
        HPDF_ResetError(handle)
        throw LetterError(
            .pdf,
            "libharu error 0x\(String(error.code, radix: 16, uppercase: true)) (detail \(error.detail)) while \(action())"
        )
    }

    /// Loads a TrueType font from `path`, embedded, for UTF-8 text.
    func loadTrueTypeFont(path: String) throws(LetterError) -> HaruFont {
        let name = HPDF_LoadTTFontFromFile(handle, path, HPDF_TRUE)
        if trap.error != nil || name == nil {
            trap.error = nil
            HPDF_ResetError(handle)
            throw LetterError(.font, "cannot load the font \(path)")
        }
        let font = HPDF_GetFont(handle, name, "UTF-8")
        try check("selecting the font \(path) with the UTF-8 encoder")
        guard let font else { throw LetterError(.font, "cannot use the font \(path) with the UTF-8 encoder") }
        return HaruFont(handle: font)
    }

    /// Adds an A4 portrait page.
    func addPage() throws(LetterError) -> HaruPage {
        let page = HPDF_AddPage(handle)
        try check("adding a page")
        guard let page else { throw LetterError(.pdf, "libharu could not add a page") }
        _ = HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT)
        try check("sizing a page")
        return HaruPage(handle: page, document: self)
    }

    /// Sets a document information field (title, author, creator).
    func setInfo(_ type: HPDF_InfoType, _ value: String) throws(LetterError) {
        _ = HPDF_SetInfoAttr(handle, type, value)
        try check("setting the document information")
    }

    /// The finished document's bytes.
    func bytes() throws(LetterError) -> [UInt8] {
        _ = HPDF_SaveToStream(handle)
        try check("writing the document")
        let size = Int(HPDF_GetStreamSize(handle))
        var bytes = [UInt8](repeating: 0, count: size)
        var read = 0
        while read < size {
            var chunk = UInt32(size - read)
            let status = bytes.withUnsafeMutableBufferPointer { buffer in
                HPDF_ReadFromStream(handle, buffer.baseAddress! + read, &chunk)
            }
            // The last read reports the end of the stream along with its bytes.
            if chunk == 0 { break }
            read += Int(chunk)
            if status != UInt(HPDF_OK) { break }
        }
        trap.error = nil
        HPDF_ResetError(handle)
        guard read == size else { throw LetterError(.pdf, "libharu wrote \(read) of \(size) bytes of the document") }
        return bytes
    }
}

/// A font of a `HaruDocument`, valid while the document lives.
struct HaruFont {
    let handle: HPDF_Font

    /// The width of `text` set at `size` points, in points.
    func width(of text: String, size: Double) -> Double {
        var text = text
        let units = text.withUTF8 { buffer -> UInt32 in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
            return HPDF_Font_TextWidth(handle, base, UInt32(buffer.count)).width
        }
        return Double(units) * size / 1000
    }
}

/// A page of a `HaruDocument`. Coordinates are PDF points from the bottom-left corner.
struct HaruPage {
    let handle: HPDF_Page
    unowned let document: HaruDocument

    func text(_ string: String, x: Double, y: Double, font: HaruFont, size: Double, gray: Double) throws(LetterError) {
        _ = HPDF_Page_SetGrayFill(handle, Float(gray))
        _ = HPDF_Page_BeginText(handle)
        _ = HPDF_Page_SetFontAndSize(handle, font.handle, Float(size))
        _ = HPDF_Page_TextOut(handle, Float(x), Float(y), string)
        _ = HPDF_Page_EndText(handle)
        try document.check("writing text")
    }

    func line(fromX: Double, fromY: Double, toX: Double, toY: Double, width: Double, gray: Double) throws(LetterError) {
        _ = HPDF_Page_SetLineWidth(handle, Float(width))
        _ = HPDF_Page_SetGrayStroke(handle, Float(gray))
        _ = HPDF_Page_MoveTo(handle, Float(fromX), Float(fromY))
        _ = HPDF_Page_LineTo(handle, Float(toX), Float(toY))
        _ = HPDF_Page_Stroke(handle)
        try document.check("drawing a rule")
    }

    func fill(x: Double, y: Double, width: Double, height: Double, gray: Double) throws(LetterError) {
        _ = HPDF_Page_SetGrayFill(handle, Float(gray))
        _ = HPDF_Page_Rectangle(handle, Float(x), Float(y), Float(width), Float(height))
        _ = HPDF_Page_Fill(handle)
        try document.check("shading a box")
    }
}
