import Foundation
import Hummingbird
import RelanceCore
import RelanceStore

// Tenant, creditors and debtors.

struct TenantView: Encodable {
    @LowercaseID var id: UUID
    var name: String
    var kind: String
    @LowercaseOptionalID var defaultPolicyId: UUID?
    var role: String
}

struct CreditorBody: Decodable {
    var name: String
    var externalRef: String?
    var address: PostalAddress
    var legalIdentifiers: LegalIdentifiers?
    var sender: SenderSettings?
    var bankAccount: BankAccount?
    var policyId: UUID?
}

struct CreditorView: Encodable {
    @LowercaseID var id: UUID
    var externalRef: String?
    var name: String
    var address: PostalAddress
    var legalIdentifiers: LegalIdentifiers?
    var sender: SenderSettings?
    var bankAccount: BankAccount?
    @LowercaseOptionalID var policyId: UUID?

    init(_ stored: StoredCreditor) {
        let creditor = stored.creditor
        id = creditor.id.uuid
        externalRef = stored.externalRef
        name = creditor.name
        address = creditor.address
        legalIdentifiers = creditor.legalIdentifiers
        sender = creditor.sender
        bankAccount = creditor.bankAccount
        policyId = creditor.policyOverride?.uuid
    }
}

struct DebtorBody: Decodable {
    var creditorId: UUID
    var externalRef: String?
    var name: String
    var kind: DebtorKind
    var language: Language?
    var timeZone: String?
    var email: String?
    var phone: String?
    var postalAddress: PostalAddress?
    var cashFlowDifficulty: Bool?
    var legalIdentifiers: LegalIdentifiers?
    var policyId: UUID?
}

struct DebtorView: Encodable {
    @LowercaseID var id: UUID
    @LowercaseID var creditorId: UUID
    var externalRef: String?
    var name: String
    var kind: DebtorKind
    var language: Language
    var timeZone: String
    var email: String?
    var phone: String?
    var postalAddress: PostalAddress?
    var cashFlowDifficulty: Bool
    var legalIdentifiers: LegalIdentifiers?
    @LowercaseOptionalID var policyId: UUID?
    var emailUnusableReason: String?
    var phoneUnusableReason: String?

    init(_ stored: StoredDebtor) {
        let debtor = stored.record.debtor
        id = debtor.id.uuid
        creditorId = debtor.creditorId.uuid
        externalRef = stored.record.externalRef
        name = debtor.name
        kind = debtor.kind
        language = debtor.language
        timeZone = debtor.timeZone.identifier
        email = debtor.contacts.email
        phone = debtor.contacts.phone
        postalAddress = debtor.contacts.postalAddress
        cashFlowDifficulty = stored.record.cashFlowDifficulty
        legalIdentifiers = stored.legalIdentifiers
        policyId = debtor.policyOverride?.uuid
        emailUnusableReason = stored.emailUnusableReason
        phoneUnusableReason = stored.phoneUnusableReason
    }
}

extension APIServer {
    func addTenantRoutes(to v1: RouterGroup<APIContext>) {
        v1.get("tenant") { _, context in
            let principal = try context.require(.read)
            let record = try await inTenant(principal) { connection in
                try await TenantRepository.tenants([principal.tenantId], on: connection, logger: logger)[principal.tenantId]
            }
            guard let tenant = record?.tenant else { throw APIError.notFound("tenant") }
            return APIJSON.response(TenantView(
                id: tenant.id.uuid, name: tenant.name, kind: tenant.kind.rawValue,
                defaultPolicyId: tenant.defaultPolicyId?.uuid, role: principal.role.rawValue
            ))
        }
    }

    func addPartyRoutes(to v1: RouterGroup<APIContext>) {
        v1.get("creditors") { request, context in
            let principal = try context.require(.read)
            let (cursor, limit) = try request.page()
            let page = try await inTenant(principal) { connection in
                try await TenantRecords(connection: connection, logger: logger).creditors(after: cursor, limit: limit)
            }
            return APIJSON.response(PageView(items: page.items.map(CreditorView.init), nextCursor: page.next))
        }
        v1.post("creditors") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(CreditorBody.self, of: request, context: context)
            try Validate.nonEmpty(body.name, "name")
            if let ref = body.externalRef { try Validate.nonEmpty(ref, "external_ref") }
            let creditor = Creditor(
                id: CreditorID(UUID.timeOrdered()), tenantId: principal.tenantId, name: body.name, address: body.address,
                legalIdentifiers: body.legalIdentifiers, policyOverride: body.policyId.map(DunningPolicyID.init),
                sender: body.sender, bankAccount: body.bankAccount
            )
            let stored = try await inTenant(principal) { connection in
                try await CreditorRepository.insert(creditor, externalRef: body.externalRef, on: connection, logger: logger)
                return try await TenantRecords(connection: connection, logger: logger).creditor(creditor.id)
            }
            guard let stored else { throw APIError.notFound("creditor") }
            return APIJSON.response(CreditorView(stored), status: .created)
        }
        v1.get("creditors/:id") { _, context in
            let principal = try context.require(.read)
            let id = try context.id("id")
            let stored = try await inTenant(principal) { connection in
                try await TenantRecords(connection: connection, logger: logger).creditor(CreditorID(id))
            }
            guard let stored else { throw APIError.notFound("creditor \(id)") }
            return APIJSON.response(CreditorView(stored))
        }

        v1.get("debtors") { request, context in
            let principal = try context.require(.read)
            let (cursor, limit) = try request.page()
            let creditor = try request.queryId("creditor_id")
            let page = try await inTenant(principal) { connection in
                try await TenantRecords(connection: connection, logger: logger)
                    .debtors(after: cursor, limit: limit, creditor: creditor.map(CreditorID.init))
            }
            return APIJSON.response(PageView(items: page.items.map(DebtorView.init), nextCursor: page.next))
        }
        v1.post("debtors") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(DebtorBody.self, of: request, context: context)
            try Validate.nonEmpty(body.name, "name")
            if let email = body.email { try Validate.email(email, "email") }
            if let siren = body.legalIdentifiers?.registrationNumber { try Validate.siren(siren, "legal_identifiers.registration_number") }
            let debtor: Debtor
            do {
                debtor = try Debtor(
                    id: DebtorID(UUID.timeOrdered()), tenantId: principal.tenantId, creditorId: CreditorID(body.creditorId),
                    name: body.name, kind: body.kind, language: body.language ?? .fr, timeZone: body.timeZone ?? "Europe/Paris",
                    contacts: DebtorContacts(email: body.email, phone: body.phone, postalAddress: body.postalAddress),
                    policyOverride: body.policyId.map(DunningPolicyID.init)
                )
            } catch let error as ModelValidationError {
                throw APIError(status: .unprocessableContent, code: error.code.name, message: error.message,
                               field: error.message.contains("time zone") ? "time_zone" : nil)
            }
            let record = DebtorRecord(debtor: debtor, externalRef: body.externalRef, cashFlowDifficulty: body.cashFlowDifficulty ?? false)
            let stored = try await inTenant(principal) { connection in
                let records = TenantRecords(connection: connection, logger: logger)
                guard try await records.creditor(debtor.creditorId) != nil else {
                    throw APIError(status: .notFound, code: "not_found", message: "no creditor \(body.creditorId)", field: "creditor_id")
                }
                try await DebtorRepository.insert(
                    [record], legalIdentifiers: body.legalIdentifiers.map { [debtor.id: $0] } ?? [:], on: connection, logger: logger
                )
                return try await records.debtor(debtor.id)
            }
            guard let stored else { throw APIError.notFound("debtor") }
            return APIJSON.response(DebtorView(stored), status: .created)
        }
        v1.get("debtors/:id") { _, context in
            let principal = try context.require(.read)
            let id = try context.id("id")
            let stored = try await inTenant(principal) { connection in
                try await TenantRecords(connection: connection, logger: logger).debtor(DebtorID(id))
            }
            guard let stored else { throw APIError.notFound("debtor \(id)") }
            return APIJSON.response(DebtorView(stored))
        }
    }
}

/// Checks of what clients send, as 400s naming the field.
enum Validate {
    static func nonEmpty(_ text: String, _ field: String) throws(APIError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw APIError.invalid(field, "'\(field)' must not be empty")
        }
    }

    static func email(_ text: String, _ field: String) throws(APIError) {
        guard ImportTextChecks.isEmailAddress(text) else {
            throw APIError.invalid(field, "'\(text)' is not an email address")
        }
    }

    static func siren(_ text: String, _ field: String) throws(APIError) {
        guard ImportTextChecks.siren(text) != nil else {
            throw APIError.invalid(field, "'\(text)' is not a SIREN (9 digits with a valid check digit)")
        }
    }

    static func date(_ text: String, _ field: String) throws(APIError) -> CalendarDate {
        do {
            return try CalendarDate(iso: text)
        } catch {
            throw APIError.invalid(field, "'\(text)' is not a date (YYYY-MM-DD)")
        }
    }

    static func currency(_ text: String, _ field: String) throws(APIError) -> Currency {
        do {
            return try Currency(code: text)
        } catch {
            throw APIError.invalid(field, "'\(text)' is not an ISO 4217 currency code")
        }
    }

    /// An amount sent as a decimal string (`amount`) or integer minor units (`amount_minor`):
    /// exactly one, positive.
    static func amount(_ decimal: String?, minor: Int64?, currency: Currency, field: String) throws(APIError) -> Money {
        switch (decimal, minor) {
        case (nil, nil):
            throw APIError.missing(field)
        case (.some, .some):
            throw APIError.invalid(field, "send '\(field)' or '\(field)_minor', not both")
        case (nil, .some(let minor)):
            guard minor > 0 else { throw APIError.invalid("\(field)_minor", "'\(field)_minor' must be positive") }
            return Money(minorUnits: minor, currency: currency)
        case (.some(let text), nil):
            let money: Money
            do {
                money = try Money(decimal: text, currency: currency)
            } catch {
                throw APIError.invalid(field, "'\(text)' is not an amount in \(currency.code) (a decimal string such as \"1250.40\")")
            }
            guard money.isPositive else { throw APIError.invalid(field, "'\(field)' must be positive") }
            return money
        }
    }
}
