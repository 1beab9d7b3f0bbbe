import Foundation
import RelanceChannels
import RelanceCore
import RelanceFixtures
import RelancePipeline
import Testing

/// The letter channel end to end: messages composed by the domain from an in-memory batch,
/// rendered with the shipped templates, written as real PDFs into a temporary directory, and
/// read back with `pdftotext` as the person who opens the envelope would read them.
@Suite("Letter channel")
struct LetterChannelTests {
    typealias F = LetterFixture

    /// A French business owing one invoice of 3 000,00 € due 15 Jan 2026, reminded by email on
    /// 12, 18 and 25 Jan, called on 30 Jan, sent the recap letter on 9 Feb: the registered
    /// formal notice of the built-in ladder (+35 days) goes out on 19 Feb 2026.
    struct FormalNotice {
        var batch = F()
        let tenant: Tenant
        let job: ReminderJob
        let now = F.moment("2026-02-19")

        init(creditorName: String = "Crèmerie Façon & Cœur SARL", debtorName: String = "Pâtisserie Éloïse Noël", address: PostalAddress? = F.paris19) {
            tenant = batch.tenant("Atelier Durand")
            let debtor = batch.debtor(of: batch.creditor(of: tenant, name: creditorName), name: debtorName, address: address)
            let invoice = batch.invoice(debtor, number: "F-2026-001", amount: "3000.00", issued: "2025-12-15", due: "2026-01-15")
            for (position, day) in ["2026-01-12", "2026-01-18", "2026-01-25", "2026-01-30", "2026-02-09"].enumerated() {
                batch.carryOut(position: position, of: [invoice], at: F.moment(day))
            }
            job = batch.dispatch(position: 5, of: [invoice], at: now)
        }
    }

    static func detail(_ delivery: ChannelDelivery) throws -> LetterDeliveryDetail {
        try JSONDecoder().decode(LetterDeliveryDetail.self, from: Data(delivery.detail.utf8))
    }

    static func path(_ delivery: ChannelDelivery) throws -> String {
        let uri = try #require(delivery.artefactURI)
        #expect(uri.hasPrefix("file:///"))
        return try #require(URL(string: uri)).path
    }

    @Test("A formal notice: MISE EN DEMEURE, the parties with their accents, the domain's amounts and penalties, the legal action to follow")
    func formalNotice() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notice = FormalNotice()
        #expect(notice.job.channel == .registeredLetter)
        let channelJob = try notice.batch.channelJob(notice.job, at: notice.now)

        // What the domain computed: fr-b2b in 2026 S1, ECB 2.15 % + 10 points = 12.15 %, actual/365:
        // 3 000 € × 12.15 % × 35 days (16 Jan – 19 Feb) / 365 = 34.952… → 34.95 €; 40 € indemnity.
        let context = try #require(channelJob.message)
        #expect(context.penalties.interest == F.eur("34.95"))
        #expect(context.penalties.fixedIndemnity == F.eur("40.00"))
        #expect(try context.totals().due == F.eur("3074.95"))
        #expect(context.paymentDeadline == F.day("2026-02-27"))

        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let delivery = try await channel.perform(channelJob)
        #expect(delivery.outcome == .prepared)
        let detail = try Self.detail(delivery)
        #expect(detail.registered)
        #expect(detail.title == "MISE EN DEMEURE")
        #expect(detail.recipient == "Pâtisserie Éloïse Noël, 3 avenue Jean Jaurès, 75019 Paris")
        #expect(detail.artefactURI == delivery.artefactURI)

        let path = try Self.path(delivery)
        let expected = directory.url
            .appendingPathComponent(notice.tenant.id.uuid.uuidString.lowercased())
            .appendingPathComponent("2026-02-19")
            .appendingPathComponent("\(notice.job.jobId.uuidString.lowercased()).pdf")
        #expect(path == expected.path)

        let text = PDFText.flattened(try PDFText.read(path))
        for fragment in [
            "MISE EN DEMEURE",
            "Crèmerie Façon & Cœur SARL",
            "Pâtisserie Éloïse Noël",
            "3 avenue Jean Jaurès",
            "75019 Paris",
            "Lyon, le 19 février 2026",
            "Lettre recommandée avec demande d'avis de réception",
            // The invoice row: number, dates, amount, paid, remaining, days late.
            "F-2026-001 15/12/2025 15/01/2026 3 000,00 € 0,00 € 3 000,00 € 35 j",
            // The amount broken down.
            "Principal restant dû 3 000,00 €",
            "Pénalités de retard 34,95 €",
            "Indemnité forfaitaire pour frais de recouvrement 40,00 €",
            "Total dû 3 074,95 €",
            "12,15 %",
            "au plus tard le 27 février 2026",
            "Montant à régler au plus tard le 27 février 2026 : 3 074,95 €",
            // The legal action to follow, and what makes it a formal notice.
            "nous engagerons sans autre avis une procédure judiciaire de recouvrement, notamment une requête en injonction de payer",
            "La présente lettre vaut mise en demeure au sens de l'article 1344 du code civil.",
            "Virement bancaire",
        ] {
            #expect(text.contains(fragment), "the PDF does not show “\(fragment)”")
        }
        let pages = PDFText.pages(try PDFText.read(path))
        #expect(pages.count == detail.pages)
        #expect(PDFText.footer(pages[0]).hasSuffix(" 1/\(detail.pages)"))
        #expect(PDFText.footer(pages[0]).contains("Crèmerie Façon & Cœur SARL"))
    }

    @Test("A formal notice in English: its own title, amounts written the English way")
    func englishNotice() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var batch = F()
        let debtor = batch.debtor(of: batch.creditor(of: batch.tenant("Atelier Durand")), name: "Müller & Søn GmbH", language: .en)
        let invoice = batch.invoice(debtor, number: "F-2026-001", amount: "3000.00", issued: "2025-12-15", due: "2026-01-15")
        let now = F.moment("2026-02-19")
        let job = batch.dispatch(position: 5, of: [invoice], at: now)

        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let delivery = try await channel.perform(try batch.channelJob(job, at: now))
        let detail = try Self.detail(delivery)
        #expect(detail.registered)
        let text = PDFText.flattened(try PDFText.read(try Self.path(delivery)))
        for fragment in [
            "FORMAL NOTICE TO PAY (MISE EN DEMEURE)",
            "Müller & Søn GmbH",
            "Lyon, 19 February 2026",
            "Invoice Issued Due Amount Paid Outstanding Late",
            "F-2026-001 15/12/2025 15/01/2026 €3,000.00 €0.00 €3,000.00 35 d",
            "€34.95",
            "€40.00",
            "Amount to pay by 27 February 2026: €3,074.95",
        ] {
            #expect(text.contains(fragment), "the PDF does not show “\(fragment)”")
        }
    }

    @Test("The debtor's address sits in the window of a DL envelope (110 mm from the left, 45–95 mm from the top)")
    func addressInWindow() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notice = FormalNotice()
        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let path = try Self.path(try await channel.perform(try notice.batch.channelJob(notice.job, at: notice.now)))

        let millimetre = 72 / 25.4
        let words = try PDFText.words(path).filter { $0.page == 1 }
        for text in ["Pâtisserie", "Jaurès", "75019"] {
            let word = try #require(words.first { $0.text == text }, "no word \(text) on page 1")
            #expect(word.xMin >= 110 * millimetre && word.xMax <= 210 * millimetre, "\(text) is outside the window horizontally")
            #expect(word.yMin >= 45 * millimetre && word.yMax <= 95 * millimetre, "\(text) is outside the window vertically")
        }
        // Nothing else is printed in the window.
        let inWindow = words.filter {
            $0.xMax > 110 * millimetre && $0.yMax > 45 * millimetre && $0.yMin < 95 * millimetre
        }
        #expect(Set(inWindow.map(\.text)) == ["Pâtisserie", "Éloïse", "Noël", "3", "avenue", "Jean", "Jaurès", "75019", "Paris"])
    }

    @Test("A recap letter is not registered and carries no formal notice")
    func recapLetter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var batch = F()
        let debtor = batch.debtor(of: batch.creditor(of: batch.tenant("Atelier Durand")))
        let invoice = batch.invoice(debtor, number: "F-2026-002", amount: "1250.50", issued: "2025-12-15", due: "2026-01-15",
                                    payments: [("2026-01-20", "1000.00")])
        let now = F.moment("2026-02-09")
        let job = batch.dispatch(position: 4, of: [invoice], at: now)
        #expect(job.channel == .letter)

        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let delivery = try await channel.perform(try batch.channelJob(job, at: now))
        #expect(delivery.outcome == .prepared)
        let detail = try Self.detail(delivery)
        #expect(!detail.registered)
        let text = PDFText.flattened(try PDFText.read(try Self.path(delivery)))
        #expect(!text.contains("MISE EN DEMEURE"))
        #expect(!text.contains("recommandée avec demande d'avis"))
        // Paid 1 000,00 € of 1 250,50 €.
        #expect(text.contains("F-2026-002 15/12/2025 15/01/2026 1 250,50 € 1 000,00 € 250,50 € 25 j"))
        #expect(text.contains("Boulangerie Martin"))
    }

    @Test("A collection agency's letter carries its mandatory mentions (CPCE R124-4) and names the creditor")
    func agencyMentions() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var batch = F()
        let tenant = batch.tenant("Recouvra", kind: .collectionAgency)
        let debtor = batch.debtor(of: batch.creditor(of: tenant))
        let invoice = batch.invoice(debtor, number: "F-88", amount: "800.00", issued: "2025-12-15", due: "2026-01-15")
        let now = F.moment("2026-02-09")
        // The agency's first written contact with the debtor: the full mentions.
        let job = batch.dispatch(position: 4, of: [invoice], at: now)

        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let delivery = try await channel.perform(try batch.channelJob(job, at: now))
        let text = PDFText.flattened(try PDFText.read(try Self.path(delivery)))
        let rules = F.reference.complianceRules.collectionAgency
        for fragment in [
            "Recouvra SAS",
            "8 place Bellecour",
            "Pour le compte de notre client : Atelier Durand & Fils SARL",
            rules.statement(in: .fr),
            rules.costsArticleCitation,
        ] + rules.costsArticleParagraphs {
            #expect(text.contains(PDFText.flattened(fragment)), "the PDF does not show “\(fragment)”")
        }
        #expect(text.contains("Aucun frais de recouvrement amiable n'est mis à votre charge."))
    }

    @Test("Sixty invoices run over several pages: the table's header repeated, every page numbered n/N")
    func sixtyInvoices() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var batch = F()
        let debtor = batch.debtor(of: batch.creditor(of: batch.tenant("Atelier Durand")), name: "Société Générale d'Épicerie Fine")
        let numbers = (1...60).map { "F-2025-\(String(1000 + $0))" }
        let invoices = numbers.enumerated().map { index, number in
            batch.invoice(debtor, number: number, amount: "\(100 + index * 37).\(String(format: "%02d", index))",
                          issued: "2025-12-01", due: "2026-01-15")
        }
        let now = F.moment("2026-02-19")
        let job = batch.dispatch(position: 5, of: invoices, at: now)

        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let delivery = try await channel.perform(try batch.channelJob(job, at: now))
        let detail = try Self.detail(delivery)
        let text = try PDFText.read(try Self.path(delivery))
        let pages = PDFText.pages(text)
        #expect(detail.pages >= 2)
        #expect(pages.count == detail.pages)
        for (index, page) in pages.enumerated() {
            let footer = PDFText.footer(page)
            #expect(footer.hasSuffix(" \(index + 1)/\(pages.count)"), "page \(index + 1) ends with “\(footer)”")
        }
        // The header is repeated on every page the table runs over.
        let pagesWithHeader = pages.filter { PDFText.flattened($0).contains("Facture Émise le Échéance Montant Payé Reste dû Retard") }
        let pagesWithRows = pages.filter { page in numbers.contains { PDFText.flattened(page).contains("\($0) 01/12/2025") } }
        #expect(pagesWithRows.count >= 2)
        #expect(pagesWithHeader.count == pagesWithRows.count)
        for number in numbers {
            #expect(PDFText.flattened(text).contains("\(number) 01/12/2025 15/01/2026"), "invoice \(number) is missing")
        }
        let context = try #require(try batch.channelJob(job, at: now).message)
        let format = MessageFormatter(language: .fr)
        let due = format.money(try context.totals().due).replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(PDFText.flattened(text).contains("Total dû \(due)"))
        #expect(context.penalties.fixedIndemnity == F.eur("2400.00"))
        #expect(PDFText.flattened(text).contains("Indemnité forfaitaire pour frais de recouvrement 2 400,00 €"))
    }

    @Test("A job written twice leaves one file at the same path, replaced by the second writing")
    func redelivery() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notice = FormalNotice()
        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let first = try await channel.perform(try notice.batch.channelJob(notice.job, at: notice.now))
        // Redelivered the next day: the letter is dated that day, in the same file.
        let later = notice.now.addingTimeInterval(86_400)
        let second = try await channel.perform(try notice.batch.channelJob(notice.job, at: later, attempt: 2))

        #expect(first.artefactURI == second.artefactURI)
        #expect(try directory.files() == [
            "\(notice.tenant.id.uuid.uuidString.lowercased())/2026-02-19/\(notice.job.jobId.uuidString.lowercased()).pdf",
        ])
        let path = try Self.path(second)
        #expect(try Self.detail(first).sha256 != Self.detail(second).sha256)
        #expect(try sha256sum(path) == Self.detail(second).sha256)
        #expect(PDFText.flattened(try PDFText.read(path)).contains("Lyon, le 20 février 2026"))
    }

    @Test("The SHA-256 in the outcome is the file's")
    func digest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notice = FormalNotice()
        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let delivery = try await channel.perform(try notice.batch.channelJob(notice.job, at: notice.now))
        let detail = try Self.detail(delivery)
        #expect(detail.sha256.count == 64)
        #expect(try sha256sum(Self.path(delivery)) == detail.sha256)
    }

    @Test("A debtor without a postal address fails for good, and no file is written")
    func missingAddress() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notice = FormalNotice(address: nil)
        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url))
        let error = await #expect(throws: ChannelError.self) {
            try await channel.perform(try notice.batch.channelJob(notice.job, at: notice.now))
        }
        #expect(error?.kind == .permanent)
        #expect(error?.message.contains("no postal address") == true)
        #expect(try directory.files().isEmpty)
    }

    @Test("A store that cannot write is a transient failure")
    func diskError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A regular file where the store's root directory should be.
        let blocker = directory.url.appendingPathComponent("blocker")
        try Data("not a directory".utf8).write(to: blocker)
        let notice = FormalNotice()
        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: blocker.appendingPathComponent("letters")))
        let error = await #expect(throws: ChannelError.self) {
            try await channel.perform(try notice.batch.channelJob(notice.job, at: notice.now))
        }
        #expect(error?.kind == .transient)
    }

    @Test("A missing font is a transient failure: the installation lacks it, the letter is fine")
    func missingFont() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notice = FormalNotice()
        let fonts = LetterFonts(regular: directory.url.appendingPathComponent("none.ttf").path, bold: LetterFonts.dejaVuSans.bold)
        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: directory.url), writer: LetterPDFWriter(fonts: fonts))
        let error = await #expect(throws: ChannelError.self) {
            try await channel.perform(try notice.batch.channelJob(notice.job, at: notice.now))
        }
        #expect(error?.kind == .transient)
    }

    @Test("The channel serves letters and registered letters only")
    func servedChannels() {
        let channel = LetterChannel(renderer: F.renderer, store: ArtefactStore(root: URL(fileURLWithPath: "/nonexistent")))
        #expect(channel.channels == [.letter, .registeredLetter])
    }
}

/// The SHA-256 of the file at `path` according to coreutils' `sha256sum`.
func sha256sum(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}
