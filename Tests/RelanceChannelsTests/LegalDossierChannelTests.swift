import Foundation
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelanceFixtures
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Testing

/// The legal channel end to end: a debtor's file in a fresh PostgreSQL database, the job's
/// message composed by the domain, the dossier written as a real PDF and JSON manifest, the PDF
/// read back with `pdftotext` as the reviewer would read it, and the filing's row and status.
@Suite("Legal dossier channel")
struct LegalDossierChannelTests {
    typealias F = SnapshotBuilder

    /// A French business in Paris owing 3 000 € due 15 Jan 2026, reminded by email on 12 Jan,
    /// sent a registered formal notice written on 19 Feb and posted with the 20 Feb manifest;
    /// the legal step (+50 days) is taken on 6 Mar 2026.
    static func parisFile(debtorSiren: String? = "552 100 554") -> LegalDossierFixture {
        var file = LegalDossierFixture()
        file.invoice("F-2026-001", amount: "3000.00", issued: "2025-12-15", due: "2026-01-15")
        file.dispatchLegal()
        file.debtorIdentifiers = debtorSiren.map { LegalIdentifiers(registrationNumber: $0) }
        file.earlier = [
            .init(channel: .email, outcome: .sent, completedAt: F.moment("2026-01-12")),
            .init(channel: .registeredLetter, outcome: .prepared, completedAt: F.moment("2026-02-19"),
                  artefactURI: "file:///var/lib/relance/artefacts/notice.pdf", postedOn: F.day("2026-02-20")),
        ]
        return file
    }

    static func channel(_ client: PostgresClient, _ directory: TemporaryDirectory) -> LegalDossierChannel {
        LegalDossierChannel(client: client, store: ArtefactStore(root: directory.url), rateTables: F.reference.rateTables)
    }

    static func detail(_ delivery: ChannelDelivery) throws -> LegalDossierDetail {
        try JSONDecoder().decode(LegalDossierDetail.self, from: Data(delivery.detail.utf8))
    }

    @Test("A dossier between businesses: the TAE de Paris and its rule, Cerfa 12946*02, the parties with SIREN, the claim per invoice, the posted formal notice, in a PDF and a JSON manifest")
    func dossier() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = Self.parisFile()
        try await FreshDatabase.withMigrated { _, client in
            try await file.seed(client)
            let delivery = try await Self.channel(client, directory).perform(try file.channelJob())
            #expect(delivery.outcome == .prepared)

            // Named by the job, side by side, in the tenant's folder of the day it was dispatched.
            let base = directory.url.appendingPathComponent(file.tenant.id.uuid.uuidString.lowercased())
                .appendingPathComponent("2026-03-06").appendingPathComponent(file.job.jobId.uuidString.lowercased())
            let detail = try Self.detail(delivery)
            #expect(delivery.artefactURI == URL(fileURLWithPath: base.path + ".pdf").absoluteString)
            #expect(detail.pdfPath == base.path + ".pdf")
            #expect(detail.manifestPath == base.path + ".json")
            let pdfBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: detail.pdfPath)))
            let jsonBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: detail.manifestPath)))
            #expect(detail.pdfSHA256 == ArtefactStore.sha256Hex(pdfBytes))
            #expect(detail.manifestSHA256 == ArtefactStore.sha256Hex(jsonBytes))
            #expect(detail.form == "12946*02")
            #expect(detail.court == "Tribunal des activités économiques de Paris")

            // The PDF, as the reviewer reads it.
            let text = PDFText.flattened(try PDFText.read(detail.pdfPath))
            for fragment in [
                "REQUÊTE EN INJONCTION DE PAYER",
                "Cerfa n° 12946*02",
                "À Madame, Monsieur le Président du Tribunal des activités économiques de Paris",
                "créance commerciale entre professionnels",
                "Crèmerie Façon & Cœur SARL", "SIREN : 732829320", "TVA intracommunautaire : FR40732829320",
                "Pâtisserie Éloïse Noël", "3 avenue Jean Jaurès", "75019 Paris", "SIREN : 552100554",
                "Paiement d'une facture restée impayée",
                "Décompte de la créance au 6 mars 2026",
                // 3 000 € × 12,15 % × 50 days / 365 = 49,93 €; 40 € indemnity.
                "F-2026-001 15/12/2025 15/01/2026 3 000,00 € 49,93 € 40,00 € 3 089,93 €",
                "Somme réclamée : 3 089,93 €",
                "C. com. art. L441-10 II et D441-5",
                "Pièce n° 1 : Facture n° F-2026-001 du 15 décembre 2025",
                "postée le 20 février 2026 (factures : F-2026-001)",
                "Manifeste postal du 20 février 2026",
                "Historique des relances : 2 actions du 12 janvier 2026 au 19 février 2026",
                "Courriel", "Lettre recommandée avec accusé de réception",
                "se prescrit le 15 janvier 2031",
                "dans les 6 mois",
            ] {
                #expect(text.contains(fragment), "the PDF lacks «\(fragment)»")
            }
            for absent in ["Aucune mise en demeure", "SIREN du débiteur inconnu", "JURIDICTION À CONFIRMER"] {
                #expect(!text.contains(absent), "the PDF says «\(absent)»")
            }

            // The manifest: the same facts, structured.
            let manifest = try DossierManifest.decode(jsonBytes)
            #expect(manifest.jobId == file.job.jobId.uuidString.lowercased())
            #expect(manifest.court.kind == "tribunal_des_activites_economiques")
            #expect(manifest.court.confirmed)
            #expect(manifest.form.cerfa == "12946*02")
            #expect(manifest.creditor.siren == "732829320")
            #expect(manifest.debtor.siren == "552100554")
            #expect(manifest.claim.claimDate == F.day("2026-03-06"))
            #expect(manifest.claim.lines.map(\.invoiceNumber) == ["F-2026-001"])
            #expect(manifest.claim.lines[0].interest.minorUnits == 4993)
            #expect(manifest.claim.lines[0].fixedIndemnity.minorUnits == 4000)
            #expect(manifest.claim.lines[0].prescriptionDate == F.day("2031-01-15"))
            #expect(manifest.claim.total.minorUnits == 308_993)
            #expect(manifest.claim.total.currency == "EUR")
            #expect(manifest.formalNotices.map(\.postedOn) == [F.day("2026-02-20")])
            #expect(manifest.formalNotices.first?.file == "file:///var/lib/relance/artefacts/notice.pdf")
            #expect(manifest.contacts.map(\.channel) == ["email", "registered_letter"])
            #expect(manifest.exhibits.map(\.kind) == ["invoice", "formal_notice", "postal_manifest", "contact_history"])
            #expect(manifest.warnings.map(\.code) == ["prescription", "service_deadline"])
            let raw = String(decoding: jsonBytes, as: UTF8.self)
            #expect(raw.contains("\"minor_units\" : 308993"))

            // Its row, waiting for review.
            let filings = try await LegalFilings(client: client, logger: FreshDatabase.logger).list()
            #expect(filings.count == 1)
            let filing = try #require(filings.first)
            #expect(filing.jobId == file.job.jobId)
            #expect(filing.status == .readyForReview)
            #expect(filing.courtKind == .tribunalDesActivitesEconomiques)
            #expect(filing.form == "12946*02")
            #expect(filing.total == F.eur("3089.93"))
            #expect(filing.invoiceNumbers == ["F-2026-001"])
            #expect(filing.pdfPath == detail.pdfPath && filing.manifestPath == detail.manifestPath)
            #expect(filing.debtorName == "Pâtisserie Éloïse Noël")
        }
    }

    @Test("A redelivered job replaces its PDF and manifest and rewrites its row: one of each")
    func redelivery() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = Self.parisFile()
        try await FreshDatabase.withMigrated { _, client in
            try await file.seed(client)
            let channel = Self.channel(client, directory)
            let first = try Self.detail(try await channel.perform(try file.channelJob()))
            let second = try Self.detail(try await channel.perform(try file.channelJob(attempt: 2)))
            #expect(first.pdfPath == second.pdfPath && first.manifestPath == second.manifestPath)
            let job = file.job.jobId.uuidString.lowercased()
            let folder = "\(file.tenant.id.uuid.uuidString.lowercased())/2026-03-06"
            #expect(try directory.files() == ["\(folder)/\(job).json", "\(folder)/\(job).pdf"])
            #expect(try await LegalDossierFixture.filingCount(client) == 1)
        }
    }

    @Test("A consumer in a place the table does not know, no SIREN, no formal notice: the tribunal judiciaire to confirm, Cerfa 12948*06, every warning shown")
    func warnings() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var building = LegalDossierFixture(
            creditorSiren: nil, debtorName: "Léa Gaël Bréhat", kind: .consumer,
            address: PostalAddress(lines: ["4 rue de l'Océan"], postalCode: "44600", city: "Saint-Nazaire", countryCode: "FR")
        )
        building.invoice("C-2026-014", amount: "640.00", issued: "2025-12-15", due: "2026-01-15")
        building.dispatchLegal()
        building.earlier = [.init(channel: .email, outcome: .sent, completedAt: F.moment("2026-01-20"))]
        let file = building
        try await FreshDatabase.withMigrated { _, client in
            try await file.seed(client)
            let delivery = try await Self.channel(client, directory).perform(try file.channelJob())
            let detail = try Self.detail(delivery)
            #expect(detail.form == "12948*06")
            #expect(!detail.courtConfirmed)
            #expect(detail.warnings == ["prescription", "service_deadline", "consumer_debtor", "missing_creditor_siren", "no_formal_notice", "court_to_confirm"])

            let text = PDFText.flattened(try PDFText.read(detail.pdfPath))
            for fragment in [
                "JURIDICTION À CONFIRMER – Tribunal judiciaire — juridiction à confirmer",
                "court to confirm: débiteur consommateur : tribunal judiciaire du domicile du débiteur (CPC art. 1406) ; ressort non connu de Relance, 44600 Saint-Nazaire",
                "Cerfa n° 12948*06",
                "Léa Gaël Bréhat",
                "Qualité : consommateur",
                "se prescrit le 15 janvier 2028 (2 ans",
                "Débiteur consommateur : prescription de 2 ans, pas d'indemnité forfaitaire de 40 €",
                "SIREN du créancier inconnu",
                "Aucune mise en demeure postée n'est enregistrée",
                "C. civ. art. 1231-6",
            ] {
                #expect(text.contains(fragment), "the PDF lacks «\(fragment)»")
            }
            // No 40 € claimed from a consumer.
            let manifest = try DossierManifest.decode(try [UInt8](Data(contentsOf: URL(fileURLWithPath: detail.manifestPath))))
            #expect(manifest.claim.fixedIndemnity.minorUnits == 0)
            #expect(manifest.formalNotices.isEmpty)
            #expect(manifest.court.toConfirm?.hasPrefix("court to confirm: ") == true)
        }
    }

    @Test("A long dossier runs over several pages, every invoice in its table, the footer on each page")
    func severalPages() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var building = LegalDossierFixture()
        for index in 1...45 {
            building.invoice(String(format: "F-2025-%03d", index), amount: "\(100 + index).00", issued: "2025-11-15", due: "2026-01-15")
        }
        building.dispatchLegal()
        let file = building
        try await FreshDatabase.withMigrated { _, client in
            try await file.seed(client)
            let detail = try Self.detail(try await Self.channel(client, directory).perform(try file.channelJob()))
            #expect(detail.pages >= 2)
            let pages = PDFText.pages(try PDFText.read(detail.pdfPath))
            #expect(pages.count == detail.pages)
            let text = PDFText.flattened(pages.joined(separator: "\n"))
            for index in [1, 23, 45] { #expect(text.contains(String(format: "F-2025-%03d", index))) }
            for (index, page) in pages.enumerated() {
                #expect(PDFText.footer(page).hasSuffix("\(index + 1)/\(pages.count)"))
                #expect(PDFText.footer(page).hasPrefix("Injonction de payer – Crèmerie Façon & Cœur SARL c/ Pâtisserie Éloïse Noël"))
            }
        }
    }

    @Test("A job without its message fails for good, saying so")
    func noMessage() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = Self.parisFile()
        try await FreshDatabase.withMigrated { _, client in
            var job = try file.channelJob()
            job.message = nil
            do {
                _ = try await Self.channel(client, directory).perform(job)
                Issue.record("a job without its message made a dossier")
            } catch let error as RelancePipeline.ChannelError {
                #expect(error.kind == .permanent)
                #expect(error.message.contains("carries no message"))
            }
            #expect(try directory.files().isEmpty)
        }
    }

    @Test("The disk or the database failing is worth retrying: transient, saying what failed")
    func transientFailures() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = Self.parisFile()
        try await FreshDatabase.withMigrated { _, client in
            try await file.seed(client)
            // An artefact root that is a file, not a directory.
            let blocked = directory.url.appendingPathComponent("not-a-directory")
            try Data("x".utf8).write(to: blocked)
            let onFile = LegalDossierChannel(client: client, store: ArtefactStore(root: blocked), rateTables: F.reference.rateTables)
            do {
                _ = try await onFile.perform(try file.channelJob())
                Issue.record("a dossier was written under a file")
            } catch let error as RelancePipeline.ChannelError {
                #expect(error.kind == .transient)
                #expect(error.message.contains("cannot store the dossier"))
            }

            // The database refusing the filing's row.
            try await client.query(
                "ALTER TABLE legal_filings ADD CONSTRAINT refuse_all CHECK (court_name = '') NOT VALID", logger: FreshDatabase.logger
            )
            do {
                _ = try await Self.channel(client, directory).perform(try file.channelJob())
                Issue.record("a dossier was recorded the database refused")
            } catch let error as RelancePipeline.ChannelError {
                #expect(error.kind == .transient)
                #expect(error.message.contains("cannot record the filing"))
            }
        }
    }
}
