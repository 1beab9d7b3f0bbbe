import RelanceCore
import RelanceStore

/// What every debtor the benchmark seeds is like: a French business with no payment history,
/// in Paris, under the built-in ladder. The seeder makes its debtors from the shape, so they
/// fit the one planning their invoices share (`InvoiceIntake.add(_:sharing:today:batchSize:)`).
struct DebtorShape: Sendable {
    var kind: DebtorKind = .business
    var timeZone: TimeZoneID = .paris
    var language: Language = .fr

    /// A debtor of this shape.
    func debtor(tenant: TenantID, creditor: CreditorID, name: String, contacts: DebtorContacts) throws -> Debtor {
        try Debtor(tenantId: tenant, creditorId: creditor, name: name, kind: kind, language: language,
                   timeZone: timeZone.identifier, contacts: contacts)
    }

    /// The planning its debtors' invoices share: no payment history as of `day`, no signals,
    /// the built-in French ladder.
    func planning(asOf day: CalendarDate) -> SharedPlanning {
        SharedPlanning(debtorKind: kind, timeZone: timeZone, profile: BehaviourProfile(history: [], today: day))
    }
}
