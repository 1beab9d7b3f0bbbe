/// A column of a CSV import, or a key of a JSON lines import: the two formats share names.
enum ImportColumn: Int, CaseIterable, Sendable {
    case creditorRef, creditorName
    case debtorRef, debtorName, debtorKind, debtorLanguage, debtorTimeZone, debtorEmail, debtorPhone
    case debtorAddressLine1, debtorAddressLine2, debtorPostalCode, debtorCity, debtorCountry, debtorSiren
    case invoiceNumber, issueDate, dueDate, currency, amount, amountMinor, outstanding, outstandingMinor
    case contractRateBasisPoints, jurisdiction, policy

    /// The name in a CSV header and in a JSON object.
    var name: String {
        switch self {
        case .creditorRef: "creditor_ref"
        case .creditorName: "creditor_name"
        case .debtorRef: "debtor_ref"
        case .debtorName: "debtor_name"
        case .debtorKind: "debtor_kind"
        case .debtorLanguage: "debtor_language"
        case .debtorTimeZone: "debtor_time_zone"
        case .debtorEmail: "debtor_email"
        case .debtorPhone: "debtor_phone"
        case .debtorAddressLine1: "debtor_address_line1"
        case .debtorAddressLine2: "debtor_address_line2"
        case .debtorPostalCode: "debtor_postal_code"
        case .debtorCity: "debtor_city"
        case .debtorCountry: "debtor_country"
        case .debtorSiren: "debtor_siren"
        case .invoiceNumber: "invoice_number"
        case .issueDate: "issue_date"
        case .dueDate: "due_date"
        case .currency: "currency"
        case .amount: "amount"
        case .amountMinor: "amount_minor"
        case .outstanding: "outstanding"
        case .outstandingMinor: "outstanding_minor"
        case .contractRateBasisPoints: "contract_rate_bp"
        case .jurisdiction: "jurisdiction"
        case .policy: "policy"
        }
    }

    /// The columns by name, for header cells and JSON keys.
    static let byName: [String: ImportColumn] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The column whose name is `bytes`, compared byte for byte.
    static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> ImportColumn? {
        for (column, name) in utf8Names where name.count == bytes.count {
            if name.elementsEqual(bytes) { return column }
        }
        return nil
    }

    private static let utf8Names: [(ImportColumn, [UInt8])] = allCases.map { ($0, Array($0.name.utf8)) }

    /// How many columns there are.
    static let count = allCases.count

    /// The columns a CSV header must name (besides `amount` or `amount_minor`).
    static let required: [ImportColumn] = [.debtorRef, .debtorName, .invoiceNumber, .issueDate, .dueDate, .currency]
}
