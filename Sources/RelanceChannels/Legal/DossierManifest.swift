import Foundation
import RelanceCore

/// Everything a court payment-order dossier says, as structured data: the JSON file written
/// next to the PDF request (`<job-id>.json`), with snake_case keys. Amounts are integer minor
/// units with their currency, and the same amount as the PDF prints it.
public struct DossierManifest: Sendable, Hashable, Codable {
    /// The manifest's format.
    public static let currentVersion = 1

    public struct Amount: Sendable, Hashable, Codable {
        public var minorUnits: Int64
        public var currency: String
        /// `3 074,95 €`.
        public var text: String

        init(_ money: Money, format: MessageFormatter) {
            minorUnits = money.minorUnits
            currency = money.currency.code
            text = format.money(money)
        }
    }

    public struct Party: Sendable, Hashable, Codable {
        public var name: String
        public var address: [String]
        /// `business` or `consumer` for the debtor; `business` for a creditor.
        public var kind: String
        public var siren: String?
        public var registrationNumber: String?
        public var vatNumber: String?
    }

    public struct Court: Sendable, Hashable, Codable {
        /// `tribunal_de_commerce`, `tribunal_des_activites_economiques`, `tribunal_judiciaire`.
        public var kind: String
        public var name: String
        public var seat: String?
        public var confirmed: Bool
        public var rule: String
        /// The debtor's postal code and city the court was chosen from.
        public var debtorPlace: String
        /// `court to confirm: <rule>, <place>` when not confirmed.
        public var toConfirm: String?
    }

    public struct Form: Sendable, Hashable, Codable {
        /// `12946*02`.
        public var cerfa: String
        public var title: String
    }

    public struct ClaimLine: Sendable, Hashable, Codable {
        public var invoiceId: String
        public var invoiceNumber: String
        public var issueDate: CalendarDate
        public var dueDate: CalendarDate
        public var amount: Amount
        public var principal: Amount
        public var interest: Amount
        public var fixedIndemnity: Amount
        public var total: Amount
        public var daysLate: Int
        /// The last day the claim can be brought (reference §6).
        public var prescriptionDate: CalendarDate
        public var rateNotPublished: Bool
    }

    public struct Claim: Sendable, Hashable, Codable {
        /// The day interest is computed to.
        public var claimDate: CalendarDate
        public var lines: [ClaimLine]
        public var principal: Amount
        public var interest: Amount
        public var fixedIndemnity: Amount
        public var total: Amount
        /// How the interest rate is set (`taux de refinancement de la BCE majoré de 10 points`).
        public var rateDescription: String?
        public var legalBasis: [String]
    }

    public struct FormalNotice: Sendable, Hashable, Codable {
        public var jobId: String
        public var preparedAt: String
        /// The day of the postal manifest that posted it: the formal notice's date.
        public var postedOn: CalendarDate?
        public var file: String?
        public var sha256: String?
        public var invoices: [String]
    }

    public struct Contact: Sendable, Hashable, Codable {
        public var jobId: String
        public var channel: String
        public var outcome: String
        /// When the outcome was recorded, ISO 8601 in UTC.
        public var completedAt: String
        /// Its day where the debtor is.
        public var day: CalendarDate
        /// The message's reference, `REL-<job>-<day>`.
        public var reference: String
        public var file: String?
    }

    /// One numbered supporting document of the bordereau de pièces.
    public struct Exhibit: Sendable, Hashable, Codable {
        public var number: Int
        /// `invoice`, `formal_notice`, `postal_manifest`, `contact_history`.
        public var kind: String
        public var description: String
        public var file: String?
        public var sha256: String?
    }

    public struct Warning: Sendable, Hashable, Codable {
        public var code: String
        public var message: String
    }

    public var version: Int
    public var jobId: String
    public var tenantId: String
    public var debtorId: String
    /// The request's reference, `REL-<job>-<date>`.
    public var reference: String
    public var preparedOn: CalendarDate
    public var court: Court
    public var form: Form
    public var creditor: Party
    /// The collection agency filing for the creditor, when there is one.
    public var representative: Party?
    public var debtor: Party
    public var claim: Claim
    public var formalNotices: [FormalNotice]
    public var contacts: [Contact]
    public var exhibits: [Exhibit]
    public var warnings: [Warning]

    /// The manifest as JSON: snake_case keys, sorted, indented.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }

    /// Reads a manifest `encoded()` wrote.
    public static func decode(_ bytes: some Sequence<UInt8>) throws -> DossierManifest {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(DossierManifest.self, from: Data(bytes))
    }
}
