import Foundation
import PostgresNIO
import RelanceAPI
import RelanceTestSupport
import Testing

/// Dunning policies over real HTTP: validated versions, chosen per level, previewed.
@Suite struct APIPolicyTests {
    static let ladder = """
        {"name": "Gentle", "steps": [
          {"offset_days": 3, "channel": "email", "template_key": "reminder.courteous", "tone": "courteous"},
          {"offset_days": 15, "channel": "call", "template_key": "call.first"},
          {"offset_days": 30, "channel": "registered_letter", "template_key": "notice.formal", "tone": "firm"}
        ]}
        """

    @Test func aPolicyIsValidatedVersionedChosenAndUsedByTheNextInvoice() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let first = try await api.call("POST", "/v1/policies", key: tenant.key, json: Self.ladder)
            #expect(first.status == 201)
            #expect(first.json["version"] as? Int == 1)
            let second = try await api.call("POST", "/v1/policies", key: tenant.key, json: Self.ladder)
            #expect(second.json["version"] as? Int == 2)
            let list = try await api.call("GET", "/v1/policies", key: tenant.key)
            #expect((list.json["items"] as? [[String: Any]])?.compactMap { $0["version"] as? Int } == [1, 2])

            let unordered = try await api.call("POST", "/v1/policies", key: tenant.key, json: """
                {"name": "Bad", "steps": [{"offset_days": 10, "channel": "email", "template_key": "reminder.firm"},
                                          {"offset_days": 5, "channel": "email", "template_key": "reminder.firm"}]}
                """)
            #expect(unordered.status == 422)
            #expect(unordered.errorCode == "offsets_not_increasing")
            let channel = try await api.call("POST", "/v1/policies", key: tenant.key, json: """
                {"name": "Bad", "steps": [{"offset_days": 10, "channel": "pigeon", "template_key": "reminder.firm"}]}
                """)
            #expect(channel.status == 422)
            let template = try await api.call("POST", "/v1/policies", key: tenant.key, json: """
                {"name": "Bad", "steps": [{"offset_days": 10, "channel": "email", "template_key": "reminder.rude"}]}
                """)
            #expect(template.status == 422)
            #expect(template.errorCode == "unknown_template")
            #expect(template.errorField == "steps[0].template_key")

            // Chosen for the tenant: the next invoice is planned with its latest version.
            let firstId = try #require(first.string("id"))
            let chosen = try await api.call("PUT", "/v1/tenant/policy", key: tenant.key, json: #"{"policy_id": "\#(firstId)"}"#)
            #expect(chosen.status == 200)
            let parties = try await api.seed(tenant.key, dueDate: "2026-12-10")
            let invoice = try await api.call("GET", "/v1/invoices/\(parties.invoice)", key: tenant.key)
            let policy = try #require((invoice.json["invoice"] as? [String: Any])?["policy"] as? [String: Any])
            #expect(policy["name"] as? String == "Gentle")
            #expect(policy["version"] as? Int == 2)
            #expect(policy["source"] as? String == "tenant")
            let timeline = try #require(invoice.json["timeline"] as? [[String: Any]])
            #expect(timeline.map { $0["channel"] as? String } == ["email", "call", "registered_letter"])
            #expect(timeline.map { $0["due_date"] as? String } == ["2026-12-13", "2026-12-25", "2027-01-09"])

            // Another tenant's policy cannot be chosen.
            let other = try await api.makeTenant("Other")
            let foreign = try await api.call("PUT", "/v1/tenant/policy", key: other.key, json: #"{"policy_id": "\#(firstId)"}"#)
            #expect(foreign.status == 404)
        }
    }

    @Test func aPreviewAnswersTheDatedTimelineAnInvoiceWouldGet() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let created = try await api.call("POST", "/v1/policies", key: tenant.key, json: Self.ladder)
            let id = try #require(created.string("id"))
            let preview = try await api.call("POST", "/v1/policies/\(id)/preview", key: tenant.key, json: """
                {"issue_date": "2026-11-01", "due_date": "2026-11-20", "currency": "EUR", "amount": "800.00", "today": "2026-11-25"}
                """)
            #expect(preview.status == 200)
            let steps = try #require(preview.json["steps"] as? [[String: Any]])
            #expect(steps.map { $0["original_date"] as? String } == ["2026-11-23", "2026-12-05", "2026-12-20"])
            #expect(steps.map { $0["status"] as? String }.allSatisfy { $0 != nil })
            // Nothing was stored by a preview.
            let count = try await api.owner.query("SELECT count(*)::int8 FROM invoices", logger: FreshDatabase.logger)
            for try await n in count.decode(Int.self) { #expect(n == 0) }
        }
    }
}
