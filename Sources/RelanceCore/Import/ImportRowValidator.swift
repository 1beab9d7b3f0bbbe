/// Turns the values of one record into a row, or into every issue found in them.
struct ImportRowValidator {
    /// Currencies by the text that named them: files name one or two, on every row.
    private var currencies: [String: Currency] = [:]

    /// The row `fields` make, or the issues they have together with `issues` (found earlier:
    /// unknown JSON keys, nested values).
    mutating func record(line: Int, fields: ImportFields, issues: [ImportIssue] = []) -> ImportRecord {
        var check = RecordCheck(line: line, fields: fields, issues: issues)

        let creditor = check.creditor()
        let debtor = check.debtor()
        let currency = check.currency(cache: &currencies)
        let invoice = check.invoice(currency: currency)

        guard check.issues.isEmpty, let debtor, let invoice else { return .invalid(check.issues) }
        return .row(ImportRow(line: line, creditor: creditor, debtor: debtor, invoice: invoice))
    }
}

/// The checks of one record's fields; each records its issues and returns nil for a value it refuses.
private struct RecordCheck {
    let line: Int
    let fields: ImportFields
    var issues: [ImportIssue]

    // MARK: Parts

    mutating func creditor() -> ImportCreditor? {
        let reference = text(.creditorRef, maximumLength: 100)
        let name = text(.creditorName, maximumLength: 200)
        guard let reference else {
            if name != nil, fields[.creditorRef] == nil {
                issue(.creditorRef, ImportIssue.Code.missing, "creditor_ref is required when creditor_name is given: the creditor is found by its reference")
            }
            return nil
        }
        return ImportCreditor(reference: reference, name: name)
    }

    mutating func debtor() -> ImportDebtor? {
        let reference = required(.debtorRef, maximumLength: 100)
        let name = required(.debtorName, maximumLength: 200)
        let kind = choice(.debtorKind, of: DebtorKind.self) ?? .business
        let language = choice(.debtorLanguage, of: Language.self) ?? .fr
        let timeZone = timeZone() ?? .paris
        let email = email()
        let phone = phone()
        let address = postalAddress()
        let siren = siren()
        guard let reference, let name else { return nil }
        return ImportDebtor(
            reference: reference, name: name, kind: kind, language: language, timeZone: timeZone,
            email: email, phone: phone, postalAddress: address, siren: siren
        )
    }

    mutating func currency(cache: inout [String: Currency]) -> Currency? {
        guard let code = required(.currency, maximumLength: 3 * 4) else { return nil }
        if let known = cache[code] { return known }
        do {
            let currency = try Currency(code: code)
            if cache.count < 64 { cache[code] = currency }
            return currency
        } catch {
            issue(.currency, ImportIssue.Code.invalid, "\(quoted(code)) is not a currency code (three letters such as EUR)")
            return nil
        }
    }

    mutating func invoice(currency: Currency?) -> ImportInvoice? {
        let number = required(.invoiceNumber, maximumLength: 100)
        let issueDate = date(.issueDate)
        let dueDate = date(.dueDate)
        if let issueDate, let dueDate, dueDate < issueDate {
            issue(.dueDate, ImportIssue.Code.dueBeforeIssue, "the due date \(dueDate) is before the issue date \(issueDate)")
        }
        let amount = money(major: .amount, minor: .amountMinor, currency: currency, required: true)
        if let amount, !amount.value.isPositive {
            issue(amount.column, ImportIssue.Code.outOfRange, "the amount must be more than zero, not \(amount.value.decimalString)")
        }
        let outstanding = money(major: .outstanding, minor: .outstandingMinor, currency: currency, required: false)
        if let outstanding, let amount {
            if outstanding.value.isNegative {
                issue(outstanding.column, ImportIssue.Code.outOfRange, "the outstanding amount cannot be negative (\(outstanding.value.decimalString))")
            } else if outstanding.value.minorUnits > amount.value.minorUnits {
                issue(outstanding.column, ImportIssue.Code.outOfRange, "the outstanding amount \(outstanding.value.decimalString) is more than the amount \(amount.value.decimalString)")
            }
        }
        let rate = contractRate()
        let jurisdiction = choice(.jurisdiction, of: Jurisdiction.self)
        let policy = text(.policy, maximumLength: 100)
        guard let number, let issueDate, let dueDate, let amount else { return nil }
        return ImportInvoice(
            number: number, issueDate: issueDate, dueDate: dueDate, amount: amount.value,
            outstanding: outstanding?.value, contractRateBasisPoints: rate, jurisdiction: jurisdiction,
            policyName: policy
        )
    }

    // MARK: Debtor fields

    mutating func timeZone() -> TimeZoneID? {
        guard let name = text(.debtorTimeZone, maximumLength: 100) else { return nil }
        do {
            return try TimeZoneID(name)
        } catch {
            issue(.debtorTimeZone, ImportIssue.Code.invalid, "\(quoted(name)) is not a known time zone (an IANA name such as Europe/Paris)")
            return nil
        }
    }

    mutating func email() -> String? {
        guard let email = text(.debtorEmail, maximumLength: 254) else { return nil }
        guard ImportTextChecks.isEmailAddress(email) else {
            issue(.debtorEmail, ImportIssue.Code.invalid, "\(quoted(email)) is not an email address")
            return nil
        }
        return email
    }

    mutating func phone() -> String? {
        guard let phone = text(.debtorPhone, maximumLength: 40) else { return nil }
        guard ImportTextChecks.isPhoneNumber(phone) else {
            issue(.debtorPhone, ImportIssue.Code.invalid, "\(quoted(phone)) is not a phone number (at least 6 digits; only spaces, +, -, and parentheses besides)")
            return nil
        }
        return phone
    }

    /// All or nothing: a letter cannot go to half an address.
    mutating func postalAddress() -> PostalAddress? {
        let line1 = text(.debtorAddressLine1, maximumLength: 200)
        let line2 = text(.debtorAddressLine2, maximumLength: 200)
        let postalCode = text(.debtorPostalCode, maximumLength: 20)
        let city = text(.debtorCity, maximumLength: 100)
        let country = countryCode()
        let columns: [ImportColumn] = [.debtorAddressLine1, .debtorAddressLine2, .debtorPostalCode, .debtorCity, .debtorCountry]
        guard columns.contains(where: { fields[$0] != nil }) else { return nil }
        for column in [ImportColumn.debtorAddressLine1, .debtorPostalCode, .debtorCity, .debtorCountry] where fields[column] == nil {
            issue(column, ImportIssue.Code.missing, "\(column.name) is required when an address is given (address line 1, postal code, city and country)")
        }
        guard let line1, let postalCode, let city, let country else { return nil }
        return PostalAddress(lines: [line1] + (line2.map { [$0] } ?? []), postalCode: postalCode, city: city, countryCode: country)
    }

    mutating func countryCode() -> String? {
        guard let country = text(.debtorCountry, maximumLength: 2 * 4) else { return nil }
        let bytes = Array(country.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ ImportTextChecks.isASCIILetter($0) }) else {
            issue(.debtorCountry, ImportIssue.Code.invalid, "\(quoted(country)) is not a country code (two letters such as FR)")
            return nil
        }
        return country.uppercased()
    }

    mutating func siren() -> String? {
        guard let text = text(.debtorSiren, maximumLength: 40) else { return nil }
        guard let siren = ImportTextChecks.siren(text) else {
            issue(.debtorSiren, ImportIssue.Code.invalid, "\(quoted(text)) is not a SIREN (9 digits whose last is the check digit)")
            return nil
        }
        return siren
    }

    // MARK: Invoice fields

    mutating func date(_ column: ImportColumn) -> CalendarDate? {
        guard let text = required(column, maximumLength: 40) else { return nil }
        guard let date = ImportTextChecks.calendarDate(text) else {
            issue(column, ImportIssue.Code.invalid, "\(quoted(text)) is not a date in the form YYYY-MM-DD")
            return nil
        }
        return date
    }

    /// An amount given in major units as a decimal string, or in minor units as an integer, never both.
    mutating func money(
        major: ImportColumn, minor: ImportColumn, currency: Currency?, required: Bool
    ) -> (value: Money, column: ImportColumn)? {
        let decimal = text(major, maximumLength: 40, minorUnitsAlternative: minor)
        let minorUnits = integer(minor)
        if fields[major] != nil, fields[minor] != nil {
            issue(minor, ImportIssue.Code.conflicting, "give \(major.name) or \(minor.name), not both")
            return nil
        }
        if required, fields[major] == nil, fields[minor] == nil {
            issue(major, ImportIssue.Code.missing, "\(major.name) or \(minor.name) is required")
            return nil
        }
        guard let currency else { return nil }
        if let minorUnits {
            return (Money(minorUnits: minorUnits, currency: currency), minor)
        }
        guard let decimal else { return nil }
        if let units = ImportTextChecks.minorUnits(decimal, digits: currency.minorUnitDigits) {
            return (Money(minorUnits: units, currency: currency), major)
        }
        do {
            return (try Money(decimal: decimal, currency: currency), major)
        } catch {
            switch error.code {
            case .overflow:
                issue(major, ImportIssue.Code.outOfRange, "\(quoted(decimal)) is too large an amount")
            default:
                issue(major, ImportIssue.Code.invalid, "\(quoted(decimal)) is not an amount in \(currency.code) (a decimal with at most \(currency.minorUnitDigits) decimals, such as \(Money(minorUnits: 123_456, currency: currency).decimalString))")
            }
            return nil
        }
    }

    mutating func contractRate() -> Int? {
        guard let rate = integer(.contractRateBasisPoints) else { return nil }
        guard (0...100_000).contains(rate) else {
            issue(.contractRateBasisPoints, ImportIssue.Code.outOfRange, "the contract rate must be between 0 and 100000 basis points, not \(rate)")
            return nil
        }
        return Int(rate)
    }

    // MARK: Values

    /// The text of `column`, nil when absent or refused.
    /// `minorUnitsAlternative` names the column to use instead when this one is an amount.
    mutating func text(_ column: ImportColumn, maximumLength: Int, minorUnitsAlternative: ImportColumn? = nil) -> String? {
        switch fields[column] {
        case nil:
            return nil
        case .text(let text):
            // A character takes at least one byte: most values need no count of characters.
            guard text.utf8.count <= maximumLength || text.count <= maximumLength else {
                issue(column, ImportIssue.Code.tooLong, "\(column.name) is longer than \(maximumLength) characters")
                return nil
            }
            return text
        case .integer, .number, .boolean:
            if let minor = minorUnitsAlternative {
                issue(column, ImportIssue.Code.notAString, "\(column.name) must be a decimal string such as \"1234.56\" (or \(minor.name) an integer of minor units): a JSON number can lose cents")
            } else {
                issue(column, ImportIssue.Code.notAString, "\(column.name) must be a JSON string")
            }
            return nil
        case .nested:
            issue(column, ImportIssue.Code.nestedValue, "\(column.name) must be a JSON string, not an object or an array")
            return nil
        }
    }

    mutating func required(_ column: ImportColumn, maximumLength: Int) -> String? {
        guard fields[column] != nil else {
            issue(column, ImportIssue.Code.missing, "\(column.name) is required")
            return nil
        }
        return text(column, maximumLength: maximumLength)
    }

    /// A whole number, as a JSON integer or as a string of digits.
    mutating func integer(_ column: ImportColumn) -> Int64? {
        switch fields[column] {
        case nil:
            return nil
        case .text(let text), .integer(let text):
            guard let value = ImportTextChecks.integer(text) else {
                issue(column, ImportIssue.Code.invalid, "\(quoted(text)) is not a whole number")
                return nil
            }
            return value
        case .number(let text):
            issue(column, ImportIssue.Code.notAnInteger, "\(column.name) must be a whole number, not \(quoted(text))")
            return nil
        case .boolean:
            issue(column, ImportIssue.Code.notAnInteger, "\(column.name) must be a whole number, not true or false")
            return nil
        case .nested:
            issue(column, ImportIssue.Code.nestedValue, "\(column.name) must be a whole number, not an object or an array")
            return nil
        }
    }

    /// One of the raw values of `Choice`, in any case.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ column: ImportColumn, of: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let text = text(column, maximumLength: 40) else { return nil }
        if let choice = Choice(rawValue: text) ?? Choice(rawValue: text.lowercased()) { return choice }
        let names = Choice.allCases.map(\.rawValue)
        let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        issue(column, ImportIssue.Code.invalid, "\(quoted(text)) is not one of \(list)")
        return nil
    }

    mutating func issue(_ column: ImportColumn, _ code: String, _ message: String) {
        issues.append(ImportIssue(line: line, field: column.name, code: code, message: message))
    }

    /// The value in quotes for a message, or "the value" when it is too long to repeat.
    func quoted(_ text: String) -> String {
        text.utf8.count <= 60 ? "'\(text)'" : "the value"
    }
}
