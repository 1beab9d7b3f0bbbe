/// An address as an SMTP envelope and a message header carry it: `local@domain`, checked.
///
/// Only the common form is accepted: a dot-atom local part (no quoted local parts), a domain of
/// letters, digits, hyphens and dots (or an address literal in brackets), ASCII only.
/// Internationalised addresses (RFC 6531) would need the relay's SMTPUTF8 support and are
/// refused as malformed, as is anything that could break a header (spaces, controls, `<>`, `,`).
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let localPart: String
    public let domain: String

    /// Checks `text` (surrounding spaces are trimmed).
    public init(_ text: String) throws(EmailAddressError) {
        let trimmed = text.trimmingASCIISpaces()
        guard !trimmed.isEmpty else { throw EmailAddressError(text: text, reason: "the address is empty") }
        guard trimmed.utf8.count <= 254 else { throw EmailAddressError(text: text, reason: "the address is longer than 254 characters") }
        guard trimmed.unicodeScalars.allSatisfy(\.isASCII) else {
            throw EmailAddressError(text: text, reason: "internationalised addresses are not supported")
        }
        guard let at = trimmed.lastIndex(of: "@") else { throw EmailAddressError(text: text, reason: "the address has no @") }
        let local = String(trimmed[..<at])
        let domain = String(trimmed[trimmed.index(after: at)...])
        guard !local.isEmpty, local.utf8.count <= 64 else {
            throw EmailAddressError(text: text, reason: "the local part is empty or longer than 64 characters")
        }
        guard Self.isDotAtom(local) else { throw EmailAddressError(text: text, reason: "the local part '\(local)' is not a dot-atom") }
        guard Self.isDomain(domain) else { throw EmailAddressError(text: text, reason: "the domain '\(domain)' is not a host name") }
        self.localPart = local
        self.domain = domain
    }

    /// `local@domain`.
    public var description: String { localPart + "@" + domain }

    /// `<local@domain>`, as SMTP commands and headers enclose it.
    public var angleBracketed: String { "<" + description + ">" }

    // RFC 5322 atext: letters, digits and these.
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func isAtext(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || atextSymbols.contains(byte)
    }

    private static func isDotAtom(_ text: String) -> Bool {
        let atoms = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    private static func isDomain(_ text: String) -> Bool {
        if text.hasPrefix("[") && text.hasSuffix("]") {
            // An address literal: [127.0.0.1] or [IPv6:…].
            let inner = text.utf8.dropFirst().dropLast()
            return !inner.isEmpty && inner.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") && $0 != UInt8(ascii: "\\") }
        }
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        let labels = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            return label.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
            }
        }
    }
}

/// Why a text is not an address a message can be sent to.
public struct EmailAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    public let reason: String

    public var description: String { "'\(text)' is not a valid email address: \(reason)" }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
