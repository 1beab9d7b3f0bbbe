import Foundation
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Testing

/// Call tasks, court dossiers and artefacts over real HTTP. The rows the channels would have
/// written (a call job's task, a letter's outcome, a dossier) are stored as the channels store
/// them; everything a person does with them goes through the API.
@Suite struct APIWorkTests {
    static func uuid(_ text: String) -> UUID { UUID(uuidString: text)! }

    /// A call job for the seeded invoice, and its task, as the call channel makes them.
    static func callTask(_ api: APIHarness, tenant: TenantID, parties: APIHarness.Parties) async throws -> UUID {
        let job = UUID.timeOrdered()
        let debtor = uuid(parties.debtor)
        try await api.owner.query(
            "INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload) VALUES (\(tenant.uuid), \(job), \(debtor), 'call', '{}')",
            logger: FreshDatabase.logger
        )
        let amount = Money(minorUnits: 125_040, currency: .eur)
        let day = APIHarness.today
        let context = MessageContext(
            language: .fr, letter: LetterReference(reference: "CALL-1", date: day),
            debtor: LetterParty(name: "Boulangerie Martin", addressLines: ["12 rue de la Paix", "75002 Paris"], phone: "+33612345678"),
            debtorKind: .business, creditor: LetterParty(name: "Atelier Durand", addressLines: ["3 rue des Lilas", "75011 Paris"]),
            invoices: [MessageInvoice(number: "F-2026-001", issueDate: try CalendarDate(iso: "2026-10-01"),
                                      dueDate: try CalendarDate(iso: "2026-10-31"), amount: amount, outstanding: amount)],
            penalties: MessagePenalties(interest: .zero(.eur), fixedIndemnity: Money(minorUnits: 4_000, currency: .eur)),
            paymentDeadline: day.adding(days: 8), paymentMethods: [MessagePaymentMethod(label: "Virement", details: "FR76 …")]
        )
        let points = try CallTalkingPoints.make(context: context, phone: "+33612345678", proposal: nil)
        let rules = APIHarness.reference.complianceRules
        let store = CallTaskStore(client: api.owner, rules: rules, logger: FreshDatabase.logger)
        let (id, _) = try await store.create(NewCallTask(
            tenantId: tenant.uuid, jobId: job, debtorId: debtor, invoiceIds: [uuid(parties.invoice)], stepIds: [UUID()],
            priority: CallPriority.score(amountDue: amount, daysLate: 37),
            window: try CallWindow.first(
                from: APIHarness.now.addingTimeInterval(-3600),
                recipient: try ContactRecipient(timeZoneIdentifier: "Europe/Paris", debtorKind: .business), rules: rules
            ),
            talkingPoints: points
        ))
        return id
    }

    @Test func anAgentTakesTheNextCallAndRecordsAPromise() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            let taskId = try await Self.callTask(api, tenant: tenant.tenant, parties: parties)
            let agent = try await api.makeKey(for: tenant.tenant, role: .agent)

            let next = try await api.call("POST", "/v1/call-tasks/next", key: agent, json: #"{"agent": "Claire"}"#)
            #expect(next.status == 200)
            let task = try #require(next.json["task"] as? [String: Any])
            #expect(task["id"] as? String == taskId.uuidString.lowercased())
            #expect(task["status"] as? String == "assigned")
            #expect(task["agent"] as? String == "Claire")
            #expect(task["debtor_name"] as? String == "Boulangerie Martin")

            // Another agent finds nothing while Claire holds it; another tenant never sees it.
            let other = try await api.call("POST", "/v1/call-tasks/next", key: agent, json: #"{"agent": "Marc"}"#)
            #expect(other.json["task"] is NSNull)
            let stranger = try await api.makeTenant("Other")
            #expect(try await api.call("GET", "/v1/call-tasks/\(taskId)", key: stranger.key).status == 404)
            let strangerNext = try await api.call("POST", "/v1/call-tasks/next", key: stranger.key, json: #"{"agent": "Eve"}"#)
            #expect(strangerNext.json["task"] is NSNull)

            let wrongAgent = try await api.call("POST", "/v1/call-tasks/\(taskId)/result", key: agent,
                                                json: #"{"agent": "Marc", "result": "no_answer"}"#)
            #expect(wrongAgent.status == 409)
            #expect(wrongAgent.errorCode == "call_task_not_held")
            let incomplete = try await api.call("POST", "/v1/call-tasks/\(taskId)/result", key: agent,
                                                json: #"{"agent": "Claire", "result": "promise_to_pay"}"#)
            #expect(incomplete.status == 400)
            #expect(incomplete.errorField == "date")

            let promise = try await api.call("POST", "/v1/call-tasks/\(taskId)/result", key: agent,
                                             json: #"{"agent": "Claire", "result": "promise_to_pay", "date": "2026-12-20", "amount": "1250.40"}"#)
            #expect(promise.status == 200)
            #expect(promise.string("status") == "done")
            let transitions = try #require(promise.json["transitions"] as? [[String: Any]])
            #expect(transitions.first?["to_status"] as? String == "promise_to_pay")
            let invoice = try await api.call("GET", "/v1/invoices/\(parties.invoice)", key: agent)
            #expect((invoice.json["invoice"] as? [String: Any])?["status"] as? String == "promise_to_pay")

            let again = try await api.call("POST", "/v1/call-tasks/\(taskId)/result", key: agent,
                                           json: #"{"agent": "Claire", "result": "no_answer"}"#)
            #expect(again.status == 409)
            #expect(again.errorCode == "call_task_closed")
        }
    }

    @Test func aLettersPDFIsDownloadedByItsTenantOnly() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            let job = UUID.timeOrdered()
            let file = api.artefacts.appendingPathComponent("\(job).pdf")
            let pdf = Data("%PDF-1.4\n% a letter\n%%EOF\n".utf8)
            try pdf.write(to: file)
            let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(job).pdf")
            try pdf.write(to: outside)
            defer { try? FileManager.default.removeItem(at: outside) }
            let escaped = UUID.timeOrdered()
            for (id, uri) in [(job, file.absoluteString), (escaped, outside.absoluteString)] {
                try await api.owner.query(
                    "INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload) VALUES (\(tenant.tenant.uuid), \(id), \(Self.uuid(parties.debtor)), 'letter', '{}')",
                    logger: FreshDatabase.logger
                )
                try await api.owner.query(
                    """
                    INSERT INTO job_outcomes (tenant_id, job_id, debtor_id, channel, outcome, artefact_uri)
                    VALUES (\(tenant.tenant.uuid), \(id), \(Self.uuid(parties.debtor)), 'letter', 'prepared', \(uri))
                    """,
                    logger: FreshDatabase.logger
                )
            }
            let download = try await api.call("GET", "/v1/jobs/\(job)/artefact", key: tenant.key)
            #expect(download.status == 200)
            #expect(download.body == pdf)
            #expect(download.headers["content-type"] == "application/pdf")
            let stranger = try await api.makeTenant("Other")
            #expect(try await api.call("GET", "/v1/jobs/\(job)/artefact", key: stranger.key).status == 404)
            // A recorded path outside the artefact store is never served.
            #expect(try await api.call("GET", "/v1/jobs/\(escaped)/artefact", key: tenant.key).status == 404)
        }
    }

    @Test func aDossierIsListedDownloadedAndMarkedFiledOnce() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            let job = UUID.timeOrdered()
            let filing = UUID.timeOrdered()
            let pdf = api.artefacts.appendingPathComponent("\(job).pdf")
            let manifest = api.artefacts.appendingPathComponent("\(job).json")
            try Data("%PDF-1.4 dossier".utf8).write(to: pdf)
            try Data(#"{"court": "Tribunal de commerce de Paris"}"#.utf8).write(to: manifest)
            try await api.owner.query(
                "INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload) VALUES (\(tenant.tenant.uuid), \(job), \(Self.uuid(parties.debtor)), 'legal', '{}')",
                logger: FreshDatabase.logger
            )
            try await api.owner.query(
                """
                INSERT INTO legal_filings (id, job_id, tenant_id, debtor_id, invoice_ids, invoice_numbers, court_kind, court_name,
                    court_confirmed, form, currency, principal_minor, interest_minor, indemnity_minor, total_minor, claim_date,
                    pdf_path, pdf_sha256, pdf_pages, manifest_path, manifest_sha256)
                VALUES (\(filing), \(job), \(tenant.tenant.uuid), \(Self.uuid(parties.debtor)), \([Self.uuid(parties.invoice)]),
                    \(["F-2026-001"]), 'tribunal_de_commerce', 'Tribunal de commerce de Paris', true, '12946*02', 'EUR',
                    125040, 0, 4000, 129040, '2026-12-07', \(pdf.path), 'abc', 1, \(manifest.path), 'def')
                """,
                logger: FreshDatabase.logger
            )
            let list = try await api.call("GET", "/v1/legal-dossiers?status=ready_for_review", key: tenant.key)
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [filing.uuidString.lowercased()])
            #expect(items.first?["total"] as? String == "1290.40")
            let document = try await api.call("GET", "/v1/legal-dossiers/\(filing)/document", key: tenant.key)
            #expect(document.text == "%PDF-1.4 dossier")
            let json = try await api.call("GET", "/v1/legal-dossiers/\(filing)/manifest", key: tenant.key)
            #expect(json.string("court") == "Tribunal de commerce de Paris")

            let stranger = try await api.makeTenant("Other")
            #expect(try await api.call("GET", "/v1/legal-dossiers/\(filing)", key: stranger.key).status == 404)
            #expect(try await api.call("POST", "/v1/legal-dossiers/\(filing)/filed", key: stranger.key, json: #"{"by": "Eve"}"#).status == 404)
            let strangers = try await api.call("GET", "/v1/legal-dossiers", key: stranger.key)
            #expect((strangers.json["items"] as? [Any])?.isEmpty == true)

            let filed = try await api.call("POST", "/v1/legal-dossiers/\(filing)/filed", key: tenant.key,
                                           json: #"{"by": "Maître Roux", "reference": "RG 26/01234"}"#)
            #expect(filed.status == 200)
            #expect(filed.string("status") == "filed")
            #expect(filed.string("filing_reference") == "RG 26/01234")
            let twice = try await api.call("POST", "/v1/legal-dossiers/\(filing)/withdrawn", key: tenant.key, json: #"{"by": "Maître Roux"}"#)
            #expect(twice.status == 422)
        }
    }
}
