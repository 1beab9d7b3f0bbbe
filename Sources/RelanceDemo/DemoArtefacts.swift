import Foundation
import RelanceChannels
import RelanceCore

/// The checks of what the channels produced, read back as their recipients would: each email
/// in the SMTP sink's mailbox of its recipient, each letter's PDF on disk with the SHA-256 its
/// outcome recorded and, through `pdftotext`, the numbers of its invoices.
struct DemoArtefacts {
    let deliveries: [DemoDatabase.Delivery]
    /// Where the local sink keeps what it received (`RELANCE_SMTP_SINK_DIR`); nil when the demo
    /// sends through another relay, whose mailboxes it cannot read.
    let sinkDirectory: URL?

    static func sinkDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["RELANCE_SMTP_SINK_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/var/lib/relance-smtp-sink"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    var emails: [DemoDatabase.Delivery] { deliveries.filter { $0.channel == .email && $0.outcome == .sent } }
    var letters: [DemoDatabase.Delivery] {
        deliveries.filter { ($0.channel == .letter || $0.channel == .registeredLetter) && $0.outcome == .prepared }
    }

    var dossiers: [DemoDatabase.Delivery] { deliveries.filter { $0.channel == .legal && $0.outcome == .prepared } }

    /// Court dossiers whose request PDF or JSON manifest is missing or altered, or whose PDF
    /// does not name its court and invoices.
    func unreadableDossiers() -> [String] {
        var failures: [String] = []
        for dossier in dossiers {
            guard let pdf = dossier.detail["pdf_path"], let manifest = dossier.detail["manifest_path"],
                  let court = dossier.detail["court"]
            else {
                failures.append("job \(dossier.jobId): the outcome does not name its files and court")
                continue
            }
            for (path, digest) in [(pdf, dossier.detail["pdf_sha256"]), (manifest, dossier.detail["manifest_sha256"])] {
                guard let data = FileManager.default.contents(atPath: path) else {
                    failures.append("job \(dossier.jobId): \(path) does not exist")
                    continue
                }
                if ArtefactStore.sha256Hex(Array(data)) != digest { failures.append("\(path): its SHA-256 is not the one recorded") }
            }
            switch Self.pdfText(pdf) {
            case .failure(let why):
                failures.append("\(pdf): \(why)")
            case .success(let text):
                // pdftotext may break a long court name over two lines.
                let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let absent = ([court] + dossier.invoiceNumbers).filter { !flat.contains($0) }
                if !absent.isEmpty { failures.append("\(pdf): pdftotext does not find \(absent.joined(separator: ", "))") }
            }
        }
        return failures
    }

    /// Emails the sink did not store (by recipient and Message-ID).
    func emailsMissingFromSink() -> [String]? {
        guard let sinkDirectory else { return nil }
        var missing: [String] = []
        for email in emails {
            guard let recipient = email.detail["recipient"], let messageID = email.detail["message_id"] else {
                missing.append("job \(email.jobId): the outcome does not say to whom or under which Message-ID")
                continue
            }
            let folder = sinkDirectory.appendingPathComponent(Self.safeName(recipient.lowercased()), isDirectory: true)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let needle = "Message-ID: <\(messageID)>"
            let found = files.contains { name in
                guard name.hasSuffix(".eml"), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return false }
                return String(decoding: data, as: UTF8.self).contains(needle)
            }
            if !found { missing.append("email \(messageID) to \(recipient) is not in \(folder.path)") }
        }
        return missing
    }

    /// Letters whose PDF is missing, altered, or does not name its invoices.
    func unreadableLetters() -> [String] {
        var failures: [String] = []
        for letter in letters {
            guard let uri = letter.artefactURI, let url = URL(string: uri), url.isFileURL else {
                failures.append("job \(letter.jobId): no file recorded")
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                failures.append("job \(letter.jobId): \(url.path) does not exist")
                continue
            }
            if ArtefactStore.sha256Hex(Array(data)) != letter.detail["sha256"] {
                failures.append("\(url.path): its SHA-256 is not the one recorded")
                continue
            }
            switch Self.pdfText(url.path) {
            case .failure(let why):
                failures.append("\(url.path): \(why)")
            case .success(let text):
                let absent = letter.invoiceNumbers.filter { !text.contains($0) }
                if !absent.isEmpty || !text.contains("€") {
                    failures.append("\(url.path): pdftotext does not find \(absent.isEmpty ? "€" : absent.joined(separator: ", "))")
                }
            }
        }
        return failures
    }

    /// The text of a PDF, as `pdftotext` (poppler-utils) reads it.
    static func pdfText(_ path: String) -> Result<String, DemoFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(DemoFailure("cannot run /usr/bin/pdftotext (deploy/install.sh installs poppler-utils): \(error)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .failure(DemoFailure("pdftotext cannot read it (status \(process.terminationStatus))")) }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// The sink's folder name for an address (deploy/smtp_sink.py's `safe_name`).
    static func safeName(_ address: String) -> String {
        let kept = address.map { $0.isLetter || $0.isNumber || "@.-_+".contains($0) ? String($0) : "_" }.joined()
        return kept.isEmpty ? "_" : kept
    }
}
