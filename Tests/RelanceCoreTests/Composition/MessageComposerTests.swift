import Foundation
import RelanceCore
import RelanceFixtures
import Testing

/// The message composer on batch snapshots built in memory, as a worker would have read them
/// after the built-in French ladder's earlier steps were carried out.
@Suite("Message composer")
struct MessageComposerTests {
    typealias F = SnapshotBuilder

    /// A French business owing two invoices due 15 Jan 2026 (3 000,00 € and 1 250,50 €, of
    /// which 1 000 € paid on 20 Jan), reminded on 12, 18 and 25 Jan and called on 30 Jan; the
    /// recap letter of 9 Feb 2026 covers both invoices.
    @Test("A job for two invoices of one debtor: both invoices, totals, penalties, history, next step")
    func twoInvoices() throws {
        var batch = F()
        let debtor = batch.debtor(of: batch.creditor(of: batch.tenant("Atelier Durand")))
        let invoices = [
            batch.invoice(debtor, number: "F-2026-001", amount: "3000.00", issued: "2025-12-15", due: "2026-01-15"),
            batch.invoice(debtor, number: "F-2026-002", amount: "1250.50", issued: "2025-12-15", due: "2026-01-15",
                          payments: [("2026-01-20", "1000.00")]),
        ]
        for (position, day) in ["2026-01-12", "2026-01-18", "2026-01-25", "2026-01-30"].enumerated() {
            batch.carryOut(position: position, of: invoices, at: F.moment(day))
        }

        let now = F.moment("2026-02-09")
        let job = batch.dispatch(position: 4, of: invoices, at: now)
        #expect(job.channel == .letter)
        let context = try #require(try batch.compose([job], at: now).first)

        #expect(context.language == .fr)
        #expect(context.debtorKind == .business)
        #expect(context.letter == LetterReference(
            reference: "REL-\(job.jobId.uuidString.prefix(8).uppercased())-20260209", date: F.day("2026-02-09")
        ))
        #expect(context.debtor.name == "Boulangerie Martin")
        #expect(context.debtor.addressLines == ["3 avenue Jean Jaurès", "75019 Paris"])
        #expect(context.creditor.addressLines == ["12 rue des Lilas", "69003 Lyon"])
        #expect(context.agency == nil)
        #expect(context.invoices.map(\.number) == ["F-2026-001", "F-2026-002"])
        #expect(context.invoices.map(\.outstanding) == [F.eur("3000.00"), F.eur("250.50")])

        // fr-b2b in 2026 S1: ECB MRO 2.15 % on 1 Jan 2026 + 10 points = 12.15 %, actual/365.
        // F-2026-001: 3 000 € × 12.15 % × 25 days (16 Jan – 9 Feb) / 365 = 24.9657… → 24.97 €.
        // F-2026-002: (1 250.50 € × 5 days to 20 Jan + 250.50 € × 20 days) × 12.15 % / 365
        //   = 11 262.50 × 0.1215 / 365 = 3.7490… → 3.75 €.
        #expect(context.penalties.interest == F.eur("28.72"))
        #expect(context.penalties.fixedIndemnity == F.eur("80.00"))
        #expect(context.penalties.rate == Rate(basisPoints: 1215))
        #expect(context.penalties.rateDescription == "taux de refinancement de la BCE majoré de 10 points")
        let totals = try context.totals()
        #expect(totals.invoiced == F.eur("4250.50"))
        #expect(totals.outstanding == F.eur("3250.50"))
        #expect(totals.penalties == F.eur("108.72"))
        #expect(totals.due == F.eur("3359.22"))

        #expect(context.history.map(\.date) == ["2026-01-12", "2026-01-18", "2026-01-25", "2026-01-30"].map(F.day))
        #expect(context.history.map(\.channel) == [.email, .email, .email, .call])
        #expect(context.history.first?.summary == "Rappel amical (factures n° F-2026-001 et F-2026-002)")
        #expect(context.nextStep == MessageNextStep(channel: .registeredLetter, date: F.day("2026-02-19")))
        #expect(context.paymentDeadline == F.day("2026-02-24"))
        #expect(context.paymentMethods.map(\.label) == ["Virement bancaire", "Chèque"])

        let letter = try F.render(context, key: job.steps[0].templateKey, tone: job.steps[0].tone)
        #expect(letter.plainText.contains("3 359,22 €".replacingOccurrences(of: " ", with: "\u{00A0}")))
        #expect(letter.plainText.contains("12 janvier 2026"))
    }

    @Test("An agency's messages carry the agency, and later ones its first written contact")
    func agency() throws {
        var batch = F()
        let debtor = batch.debtor(of: batch.creditor(of: batch.tenant("Recouvra", kind: .collectionAgency)))
        let invoice = batch.invoice(debtor, number: "F-88", amount: "800.00", issued: "2025-12-15", due: "2026-01-15")

        let firstMoment = F.moment("2026-01-12")
        let firstJob = batch.dispatch(position: 0, of: [invoice], at: firstMoment)
        let first = try #require(try batch.compose([firstJob], at: firstMoment).first)
        #expect(first.agency?.party == LetterParty(name: "Recouvra SAS", addressLines: ["8 place Bellecour", "69002 Lyon"]))
        #expect(first.agency?.firstLetter == nil)
        #expect(first.creditor.name == "Atelier Durand & Fils SARL")
        #expect(first.paymentMethods.first?.details.contains("Recouvra SAS") == true)
        // The first written contact carries every R124-4 mention; the renderer checks them.
        _ = try F.render(first, key: firstJob.steps[0].templateKey, tone: firstJob.steps[0].tone)
        batch.complete(firstJob, at: firstMoment)

        let laterMoment = F.moment("2026-01-18")
        let laterJob = batch.dispatch(position: 1, of: [invoice], at: laterMoment)
        let later = try #require(try batch.compose([laterJob], at: laterMoment).first)
        let reference = "REL-\(firstJob.jobId.uuidString.prefix(8).uppercased())-20260112"
        #expect(later.agency?.party.name == "Recouvra SAS")
        #expect(later.agency?.firstLetter == LetterReference(reference: reference, date: F.day("2026-01-12")))
        let rendered = try F.render(later, key: laterJob.steps[0].templateKey, tone: laterJob.steps[0].tone)
        #expect(rendered.plainText.contains(reference))
        #expect(later.history.map(\.channel) == [.email])
    }

    @Test("A delay into a half-year whose rate is not published claims no interest, and says why")
    func unpublishedRate() throws {
        var batch = F()
        let creditor = batch.creditor(of: batch.tenant("Atelier Durand"))
        let french = batch.debtor(of: creditor)
        let english = batch.debtor(of: creditor, name: "Baker Ltd", language: .en)
        let invoices = [
            batch.invoice(french, number: "F-700", amount: "2000.00", issued: "2026-06-10", due: "2026-07-10"),
            batch.invoice(english, number: "F-701", amount: "2000.00", issued: "2026-06-10", due: "2026-07-10"),
        ]

        // 2026 S2: the ECB table stops at 6 Feb 2026, so the engine alone would refuse. The
        // heads-up of 7 July was superseded: the reminder of 13 July is the first message.
        let now = F.moment("2026-07-13")
        let jobs = invoices.map { batch.dispatch(position: 1, of: [$0], at: now) }
        let contexts = try batch.compose(jobs, at: now)
        #expect(contexts.count == 2)
        for context in contexts {
            #expect(context.penalties.interest == F.eur("0.00"))
            #expect(context.penalties.fixedIndemnity == F.eur("40.00"))
            #expect(context.penalties.rate == nil)
            #expect(try context.totals().due == F.eur("2040.00"))
            _ = try F.render(context, key: "reminder.courteous", tone: .courteous)
        }
        let descriptions = Set(contexts.compactMap(\.penalties.rateDescription))
        #expect(descriptions == [
            "taux applicable pas encore publié : aucun intérêt n'est réclamé à ce jour",
            "the applicable rate is not yet published: no interest is claimed to date",
        ])
    }

    @Test("Every shipped template renders with composed contexts, in both languages, with and without an agency")
    func everyShippedTemplate() throws {
        var batch = F()
        let creditor = batch.creditor(of: batch.tenant("Atelier Durand"))
        let agencyCreditor = batch.creditor(of: batch.tenant("Recouvra", kind: .collectionAgency))
        let debtors = [
            batch.debtor(of: creditor, name: "Boulangerie Martin"),
            batch.debtor(of: creditor, name: "Baker Ltd", language: .en),
            batch.debtor(of: creditor, name: "Paul Martin", kind: .consumer),
            batch.debtor(of: agencyCreditor, name: "Garage Petit"),
            batch.debtor(of: agencyCreditor, name: "Harbour Tools Ltd", language: .en),
        ]
        let invoices = debtors.enumerated().map { index, debtor in
            [
                batch.invoice(debtor, number: "A-\(index)", amount: "1500.00", issued: "2025-12-15", due: "2026-01-15"),
                batch.invoice(debtor, number: "B-\(index)", amount: "420.00", issued: "2025-12-20", due: "2026-01-15"),
            ]
        }
        for (position, day) in ["2026-01-12", "2026-01-18", "2026-01-25", "2026-01-30"].enumerated() {
            for debtorInvoices in invoices { batch.carryOut(position: position, of: debtorInvoices, at: F.moment(day)) }
        }
        let now = F.moment("2026-02-09")
        let jobs = invoices.map { batch.dispatch(position: 4, of: $0, at: now) }
        let contexts = try batch.compose(jobs, at: now)
        #expect(contexts.count == debtors.count)
        #expect(contexts.allSatisfy { $0.invoices.count == 2 && $0.history.count == 4 && $0.nextStep != nil })
        #expect(contexts.filter { $0.agency?.firstLetter != nil }.count == 2)
        #expect(Set(contexts.map(\.language)) == [.fr, .en])

        let library = F.renderer.library
        var rendered = 0
        for context in contexts {
            for key in library.keys.sorted() {
                for tone in Tone.allCases {
                    guard library.tones(key: key, language: context.language).contains(tone)
                        || library.hasDefault(key: key, language: context.language)
                    else { continue }
                    let message = try F.render(context, key: key, tone: tone)
                    #expect(message.plainText.contains(context.invoices[0].number))
                    rendered += 1
                }
            }
        }
        #expect(rendered == contexts.count * library.keys.count * Tone.allCases.count)
    }

    @Test("Addresses end with the country only when it is not the reader's")
    func addressLines() {
        let berlin = PostalAddress(lines: ["Friedrichstraße 10", " "], postalCode: "10117", city: "Berlin", countryCode: "DE")
        #expect(MessageComposer.addressLines(berlin, readerCountry: "DE", language: .fr) == ["Friedrichstraße 10", "10117 Berlin"])
        #expect(MessageComposer.addressLines(berlin, readerCountry: "FR", language: .fr) == ["Friedrichstraße 10", "10117 Berlin", "ALLEMAGNE"])
        #expect(MessageComposer.addressLines(berlin, readerCountry: "FR", language: .en) == ["Friedrichstraße 10", "10117 Berlin", "GERMANY"])
        let london = PostalAddress(lines: ["1 Mill Lane"], postalCode: "EC1A 1BB", city: "London", countryCode: "GB")
        #expect(MessageComposer.addressLines(london, readerCountry: "GB", language: .en) == ["1 Mill Lane", "London", "EC1A 1BB"])
    }
}
