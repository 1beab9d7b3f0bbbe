import Foundation
import RelanceCore
import RelanceFixtures
import Testing

@Suite("Bank accounts and sender settings")
struct BankAccountTests {
    @Test("valid IBANs are kept without spaces, in capitals, and printed in groups of four", arguments: [
        ("FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189"),
        ("de89370400440532013000", "DE89370400440532013000", "DE89 3704 0044 0532 0130 00"),
        ("GB82-WEST-1234-5698-7654-32", "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32"),
        ("BE68539007547034", "BE68539007547034", "BE68 5390 0754 7034"),
    ])
    func validIBAN(text: String, stored: String, printed: String) throws {
        let account = try BankAccount(holder: " Atelier Durand ", iban: text)
        #expect(account.iban == stored)
        #expect(account.formattedIBAN == printed)
        #expect(account.holder == "Atelier Durand")
        #expect(account.bic == nil)
    }

    @Test("a mistyped or malformed IBAN is refused with the reason", arguments: [
        ("FR76 3000 6000 0112 3456 7890 188", "check digits"),
        ("FR76 3000 6000 0112 3456 7890 18", "an IBAN of FR has 27 characters, not 26"),
        ("FR7630006000011234567890189XXXXXXXXX", "characters, an IBAN has 15 to 34"),
        ("7630 0060 0011 2345 6789 0189", "country code"),
        ("FR76 3000 6000 0112 3456 7890 18#", "only letters and digits"),
    ])
    func invalidIBAN(text: String, reason: String) {
        #expect {
            _ = try BankAccount(holder: "Atelier Durand", iban: text)
        } throws: { error in
            let error = error as? ModelValidationError
            return error?.code == .invalidIBAN && error?.message.contains(reason) == true
        }
    }

    @Test("a BIC has 8 or 11 characters and the country of its IBAN (French overseas and Monaco count as France)")
    func bic() throws {
        #expect(try BankAccount(holder: "A", iban: "FR7630006000011234567890189", bic: "bnpafrpp").bic == "BNPAFRPP")
        #expect(try BankAccount(holder: "A", iban: "FR7630006000011234567890189", bic: "BNPAFRPPXXX").bic == "BNPAFRPPXXX")
        #expect(try BankAccount(holder: "A", iban: "FR7630006000011234567890189", bic: "BNPAMQMQ").bic == "BNPAMQMQ")
        #expect(throws: ModelValidationError.self) { try BankAccount(holder: "A", iban: "FR7630006000011234567890189", bic: "BNPAFRP") }
        #expect(throws: ModelValidationError.self) { try BankAccount(holder: "A", iban: "FR7630006000011234567890189", bic: "12PAFRPP") }
        #expect(throws: ModelValidationError.self) { try BankAccount(holder: "A", iban: "FR7630006000011234567890189", bic: "DEUTDEFF") }
        #expect(throws: ModelValidationError.self) { try BankAccount(holder: " ", iban: "FR7630006000011234567890189") }
    }

    @Test("an account read from JSON is checked like one built in code")
    func decodedIsChecked() throws {
        let good = #"{"holder": "Atelier Durand", "iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "BNPAFRPP"}"#
        let account = try JSONDecoder().decode(BankAccount.self, from: Data(good.utf8))
        #expect(account.iban == "FR7630006000011234567890189")
        let bad = #"{"holder": "Atelier Durand", "iban": "FR76 3000 6000 0112 3456 7890 188"}"#
        #expect(throws: ModelValidationError.self) { try JSONDecoder().decode(BankAccount.self, from: Data(bad.utf8)) }
    }

    @Test("a tenant's SMTP relay is refused when it cannot work: no host, a bad port, two password sources, a password without a user")
    func relay() throws {
        let relay = try TenantSMTPRelay(host: "smtp.durand.example", port: 587, security: .starttls, username: "relances",
                                        passwordEnv: "DURAND_SMTP_PASSWORD", from: "relances@durand.example")
        #expect(relay.senderDomain == nil)
        #expect(throws: ModelValidationError.self) { try TenantSMTPRelay(host: " ", port: 587, security: .starttls, from: "a@b.example") }
        #expect(throws: ModelValidationError.self) { try TenantSMTPRelay(host: "h", port: 0, security: .starttls, from: "a@b.example") }
        #expect(throws: ModelValidationError.self) {
            try TenantSMTPRelay(host: "h", port: 25, security: .none, username: "u", passwordEnv: "A", passwordFile: "/f", from: "a@b.example")
        }
        #expect(throws: ModelValidationError.self) { try TenantSMTPRelay(host: "h", port: 25, security: .none, passwordEnv: "A", from: "a@b.example") }
        let json = #"{"host": "smtp.durand.example", "port": 465, "security": "implicit_tls", "from": "relances@durand.example"}"#
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(TenantSMTPRelay.self, from: Data(json.utf8)).security == .implicitTLS)
    }

    @Test("with bank details, the transfer line gives the holder, IBAN and BIC, and the message the creditor's sender settings")
    func paymentLineAndSender() throws {
        var batch = SnapshotBuilder()
        var creditor = batch.creditor(of: batch.tenant("Atelier Durand"))
        creditor.bankAccount = try BankAccount(holder: "Atelier Durand & Fils SARL", iban: "FR7630006000011234567890189", bic: "BNPAFRPP")
        creditor.sender = SenderSettings(name: "Service clients Durand", replyTo: "compta@durand.example")
        batch.snapshot.creditors[creditor.id] = creditor
        let debtor = batch.debtor(of: creditor)
        let invoice = batch.invoice(debtor, number: "F-1", amount: "800.00", issued: "2025-12-15", due: "2026-01-15")
        let now = SnapshotBuilder.moment("2026-01-18")
        let job = batch.dispatch(position: 1, of: [invoice], at: now)
        let context = try #require(try batch.compose([job], at: now).first)
        let transfer = try #require(context.paymentMethods.first)
        #expect(transfer.label == "Virement bancaire")
        #expect(transfer.details.hasPrefix("au bénéfice de Atelier Durand & Fils SARL, IBAN FR76 3000 6000 0112 3456 7890 189, BIC BNPAFRPP, en indiquant la référence"))
        #expect(context.sender == SenderSettings(name: "Service clients Durand", replyTo: "compta@durand.example"))
    }
}
