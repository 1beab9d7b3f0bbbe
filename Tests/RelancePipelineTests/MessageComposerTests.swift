import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Testing

/// The message composer against a real PostgreSQL: invoices planned by the intake, jobs grouped
/// by the dispatcher, earlier steps carried out by the job processor.
@Suite("Message composer")
struct MessageComposerTests {
    typealias F = ComposerFixture

    /// A French business owing two invoices due 15 Jan 2026 (3 000,00 € and 1 250,50 €, of
    /// which 1 000 € paid on 20 Jan), reminded on 12, 18 and 25 Jan and called on 30 Jan; the
    /// recap letter of 9 Feb 2026 covers both invoices.
    @Test("A job for two invoices of one debtor: both invoices, totals, penalties, history, next step")
    func twoInvoices() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let debtor = try await fixture.debtor(of: creditor)
            let first = F.invoice(debtor, number: "F-2026-001", amount: "3000.00", issued: "2025-12-15", due: "2026-01-15")
            let second = F.invoice(debtor, number: "F-2026-002", amount: "1250.50", issued: "2025-12-15", due: "2026-01-15")
            try await fixture.plan([first, second], today: "2025-12-15")
            for day in ["2026-01-12", "2026-01-18"] { try await fixture.carryOut(at: F.moment(day)) }
            try await fixture.pay(second, "1000.00", on: "2026-01-20")
            for day in ["2026-01-25", "2026-01-30"] { try await fixture.carryOut(at: F.moment(day)) }

            let now = F.moment("2026-02-09")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 1)
            let job = try #require(jobs.first)
            #expect(job.channel == .letter)
            let context = try #require(try await fixture.compose(jobs, at: now).first)

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
    }

    @Test("An agency's messages carry the agency, and later ones its first written contact")
    func agency() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let agency = try await fixture.tenant("Recouvra", kind: .collectionAgency)
            let debtor = try await fixture.debtor(of: try await fixture.creditor(of: agency))
            try await fixture.plan(
                [F.invoice(debtor, number: "F-88", amount: "800.00", issued: "2025-12-15", due: "2026-01-15")],
                today: "2025-12-15"
            )

            let firstMoment = F.moment("2026-01-12")
            let firstJobs = try await fixture.dispatch(at: firstMoment)
            let first = try #require(try await fixture.compose(firstJobs, at: firstMoment).first)
            #expect(first.agency?.party == LetterParty(name: "Recouvra SAS", addressLines: ["8 place Bellecour", "69002 Lyon"]))
            #expect(first.agency?.firstLetter == nil)
            #expect(first.creditor.name == "Atelier Durand & Fils SARL")
            #expect(first.paymentMethods.first?.details.contains("Recouvra SAS") == true)
            // The first written contact carries every R124-4 mention; the renderer checks them.
            _ = try F.render(first, key: firstJobs[0].steps[0].templateKey, tone: firstJobs[0].steps[0].tone)
            _ = try await fixture.process(firstJobs, at: firstMoment)

            let laterMoment = F.moment("2026-01-18")
            let laterJobs = try await fixture.dispatch(at: laterMoment)
            let later = try #require(try await fixture.compose(laterJobs, at: laterMoment).first)
            let reference = "REL-\(firstJobs[0].jobId.uuidString.prefix(8).uppercased())-20260112"
            #expect(later.agency?.party.name == "Recouvra SAS")
            #expect(later.agency?.firstLetter == LetterReference(reference: reference, date: F.day("2026-01-12")))
            let rendered = try F.render(later, key: laterJobs[0].steps[0].templateKey, tone: laterJobs[0].steps[0].tone)
            #expect(rendered.plainText.contains(reference))
            #expect(later.history.map(\.channel) == [.email])
        }
    }

    @Test("A delay into a half-year whose rate is not published claims no interest, and says why")
    func unpublishedRate() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let french = try await fixture.debtor(of: creditor)
            let english = try await fixture.debtor(of: creditor, name: "Baker Ltd", language: .en)
            try await fixture.plan([
                F.invoice(french, number: "F-700", amount: "2000.00", issued: "2026-06-10", due: "2026-07-10"),
                F.invoice(english, number: "F-701", amount: "2000.00", issued: "2026-06-10", due: "2026-07-10"),
            ], today: "2026-06-10")

            // 2026 S2: the ECB table stops at 6 Feb 2026, so the engine alone would refuse.
            let now = F.moment("2026-07-13")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 2)
            let contexts = try await fixture.compose(jobs, at: now)
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
    }

    @Test("Every shipped template renders with composed contexts, in both languages, with and without an agency")
    func everyShippedTemplate() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let agencyCreditor = try await fixture.creditor(of: try await fixture.tenant("Recouvra", kind: .collectionAgency))
            let debtors = [
                F.debtor(of: creditor, name: "Boulangerie Martin"),
                F.debtor(of: creditor, name: "Baker Ltd", language: .en),
                F.debtor(of: creditor, name: "Paul Martin", kind: .consumer),
                F.debtor(of: agencyCreditor, name: "Garage Petit"),
                F.debtor(of: agencyCreditor, name: "Harbour Tools Ltd", language: .en),
            ]
            try await fixture.debtors(debtors)
            var invoices: [Invoice] = []
            for (index, debtor) in debtors.enumerated() {
                invoices.append(F.invoice(debtor, number: "A-\(index)", amount: "1500.00", issued: "2025-12-15", due: "2026-01-15"))
                invoices.append(F.invoice(debtor, number: "B-\(index)", amount: "420.00", issued: "2025-12-20", due: "2026-01-15"))
            }
            try await fixture.plan(invoices, today: "2025-12-15")
            for day in ["2026-01-12", "2026-01-18", "2026-01-25", "2026-01-30"] { try await fixture.carryOut(at: F.moment(day)) }
            let now = F.moment("2026-02-09")
            let contexts = try await fixture.compose(try await fixture.dispatch(at: now), at: now)
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
    }

    @Test("A batch of 500 jobs is read in a fixed number of statements")
    func batchOf500() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            var debtors: [Debtor] = []
            for kind in [TenantKind.business, .collectionAgency] {
                let creditor = try await fixture.creditor(of: try await fixture.tenant("Tenant \(kind.rawValue)", kind: kind))
                debtors += (0..<250).map { F.debtor(of: creditor, name: "Debtor \(kind.rawValue) \($0)") }
            }
            try await fixture.debtors(debtors)
            let invoices = debtors.enumerated().flatMap { index, debtor in
                [
                    F.invoice(debtor, number: "X-\(index)-1", amount: "1200.00", issued: "2025-12-15", due: "2026-01-15"),
                    F.invoice(debtor, number: "X-\(index)-2", amount: "310.25", issued: "2025-12-15", due: "2026-01-15"),
                ]
            }
            try await fixture.plan(invoices, today: "2025-12-15")
            try await fixture.carryOut(at: F.moment("2026-01-12"))

            let now = F.moment("2026-01-18")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 500)
            let composer = fixture.composer

            // The same statements for one job of an agency as for all 500.
            let single = try await fixture.load([try #require(jobs.first { $0.tenantId == debtors[250].tenantId.uuid })], at: now)
            let clock = ContinuousClock()
            let loadStart = clock.now
            let snapshot = try await fixture.load(jobs, at: now)
            let loaded = clock.now
            let results = composer.compose(jobs.map { ($0, $0.steps) }, at: now, from: snapshot)
            let composed = clock.now
            print("composer, 500 jobs / 1 000 invoices: read \(loaded - loadStart), assembled \(composed - loaded)")

            #expect(snapshot.statements == single.statements)
            #expect(snapshot.statements <= MessageContextStore.maximumStatements)
            #expect(snapshot.invoices.count == 1_000)
            let contexts = try results.map { try $0.get() }
            #expect(contexts.allSatisfy { $0.invoices.count == 2 && $0.history.count == 1 })
            #expect(contexts.filter { $0.agency?.firstLetter != nil }.count == 250)
        }
    }

    @Test("The job processor hands channels the composed message, and fails a job whose data cannot make one")
    func processorHook() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let good = try await fixture.debtor(of: creditor)
            let broken = try await fixture.debtor(of: creditor, name: "Quincaillerie Roux")
            let brokenInvoice = F.invoice(broken, number: "R-1", amount: "500.00", issued: "2025-12-15", due: "2026-01-15")
            try await fixture.plan([
                F.invoice(good, number: "G-1", amount: "500.00", issued: "2025-12-15", due: "2026-01-15"),
                brokenInvoice,
            ], today: "2025-12-15")
            // A payment row in another currency than its invoice: no penalty can be computed.
            try await client.query(
                """
                INSERT INTO payments (tenant_id, id, invoice_id, paid_on, currency, amount_minor)
                VALUES (\(broken.tenantId.uuid), \(UUID()), \(brokenInvoice.id.uuid), '2026-01-16', 'GBP', 100)
                """,
                logger: fixture.logger
            )

            let now = F.moment("2026-01-18")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 2)
            let dispositions = try await fixture.process(jobs, at: now, composer: fixture.composer, renderer: F.renderer)
            for (job, disposition) in zip(jobs, dispositions) {
                let rows = try await client.query(
                    "SELECT outcome, detail::text FROM job_outcomes WHERE job_id = \(job.jobId)", logger: fixture.logger
                )
                var outcome: (String, String)?
                for try await row in rows.decode((String, String).self) { outcome = row }
                if job.debtorId == good.id.uuid {
                    #expect(disposition == .acknowledge)
                    #expect(outcome?.0 == "sent")
                    // RecordingChannel renders the message it is given and records its subject.
                    #expect(outcome?.1.contains("G-1") == true)
                } else {
                    guard case .deadLetter(let reason) = disposition else {
                        Issue.record("the job whose payment is in GBP should be dead-lettered, got \(disposition)")
                        continue
                    }
                    #expect(reason.contains("R-1"))
                    #expect(outcome?.0 == "failed")
                }
            }
        }
    }

    @Test("With a composer, a job delivered again after its outcome is acknowledged without a second contact; a forged job naming a dispatched step is dead-lettered")
    func composerPathStandings() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let debtors = [try await fixture.debtor(of: creditor), try await fixture.debtor(of: creditor, name: "Quincaillerie Roux")]
            try await fixture.plan(debtors.enumerated().map { index, debtor in
                F.invoice(debtor, number: "S-\(index)", amount: "500.00", issued: "2025-12-15", due: "2026-01-15")
            }, today: "2025-12-15")
            let now = F.moment("2026-01-18")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 2)

            let channel = CountingChannel()
            let processor = JobProcessor(
                storage: fixture.worker, channels: [channel], composer: fixture.composer, clock: ManualClock(now),
                logger: fixture.logger
            )
            func messages(_ jobs: [ReminderJob]) throws -> [IncomingMessage] {
                jobs.map { IncomingMessage(body: Array($0.encoded()), attempt: 1, queueChannel: $0.channel.queueChannel.rawValue) }
            }
            #expect(try await processor.process(messages(jobs)) == [.acknowledge, .acknowledge])
            #expect(channel.contacted.count == 2)

            // The same messages again (a redelivery): acknowledged, nobody contacted again.
            #expect(try await processor.process(messages(jobs)) == [.acknowledge, .acknowledge])
            #expect(channel.contacted.count == 2)

            // A message naming a real step, dispatched under another job's id.
            let forged = ReminderJob(
                jobId: UUID(), tenantId: jobs[0].tenantId, debtorId: jobs[0].debtorId, channel: jobs[0].channel,
                steps: jobs[0].steps, createdAt: now
            )
            #expect(try await processor.process(messages([forged])) == [
                .deadLetter(reason: "unknown job \(forged.jobId) for tenant \(forged.tenantId)"),
            ])
            #expect(channel.contacted.count == 2)
            let rows = try await client.query("SELECT count(*)::int8 FROM job_outcomes", logger: fixture.logger)
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            #expect(count == 2)
        }
    }

    @Test("A registered letter sent is the formal notice, dated by the worker on the debtor's day; a recap letter sent is not")
    func formalNoticeOnDebtorsDay() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let martinique = try #require(TimeZone(identifier: "America/Martinique"))
            var debtors: [Debtor] = []
            for name in ["Distillerie Saint-Pierre", "Rhumerie du Carbet"] {
                debtors.append(try Debtor(
                    tenantId: creditor.tenantId, creditorId: creditor.id, name: name, kind: .business, language: .fr,
                    timeZone: "America/Martinique",
                    contacts: DebtorContacts(email: "compta@antilles.example", phone: "+596596000000", postalAddress: F.paris19)
                ))
            }
            try await fixture.debtors(debtors)
            // Planned on 25 April 2025: for the invoice due 20 March the registered letter is due,
            // for the one due 31 March the recap letter.
            let noticed = F.invoice(debtors[0], number: "N-1", amount: "800.00", issued: "2025-02-20", due: "2025-03-20")
            let recapped = F.invoice(debtors[1], number: "R-1", amount: "800.00", issued: "2025-03-01", due: "2025-03-31")
            try await fixture.plan([noticed, recapped], today: "2025-04-25")
            let jobs = try await fixture.dispatch(at: F.day("2025-04-25").moment(hour: 11, minute: 0, in: martinique))
            #expect(Set(jobs.map(\.channel)) == [.registeredLetter, .letter])

            // Sent at 22:30 in Martinique on 25 April: already 26 April in Paris and in UTC.
            let sentAt = F.day("2025-04-25").moment(hour: 22, minute: 30, in: martinique)
            #expect(try await fixture.process(jobs, at: sentAt, composer: fixture.composer) == [.acknowledge, .acknowledge])
            let invoices = InvoiceRepository(client: client, logger: fixture.logger)
            #expect(try await invoices.record(noticed.id)?.formalNoticeDate == F.day("2025-04-25"))
            #expect(try await invoices.record(recapped.id)?.formalNoticeDate == nil)
        }
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
