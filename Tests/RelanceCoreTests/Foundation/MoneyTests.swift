import RelanceCore
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("parses decimal text into minor units", arguments: [
        ("3000", 300_000), ("3000.5", 300_050), ("3000.50", 300_050), ("-12.34", -1_234), ("+7", 700),
        (".5", 50), ("0", 0), ("  42.10 ", 4_210), ("0007.01", 701),
    ])
    func parses(text: String, minorUnits: Int64) throws {
        #expect(try Money(decimal: text, currency: .eur).minorUnits == minorUnits)
    }

    @Test("respects the currency's minor unit")
    func currencyDigits() throws {
        #expect(try Money(decimal: "1500", currency: Currency(code: "JPY")).minorUnits == 1_500)
        #expect(try Money(decimal: "1.234", currency: Currency(code: "KWD")).minorUnits == 1_234)
        #expect(try Money(decimal: "1.234", currency: Currency(code: "KWD")).decimalString == "1.234")
        #expect(throws: MoneyError.self) { try Money(decimal: "1.5", currency: Currency(code: "JPY")) }
    }

    @Test("more decimals than the currency has is an error, never a rounding")
    func tooManyDecimals() {
        #expect(throws: MoneyError(.invalidAmount, "'3000.001' has more than 2 decimals for EUR")) {
            try Money(decimal: "3000.001", currency: .eur)
        }
    }

    @Test("rejects text that is not a decimal amount", arguments: ["", "-", "abc", "1.", "1.2.3", "1,5", "1e3", "--1", "١٢"])
    func rejectsGarbage(text: String) {
        #expect(throws: MoneyError.self) { try Money(decimal: text, currency: .eur) }
    }

    @Test("amounts too large for Int64 minor units are an overflow error", arguments: [
        "92233720368547758.08", "99999999999999999999", "100000000000000000",
    ])
    func parseOverflow(text: String) {
        do {
            _ = try Money(decimal: text, currency: .eur)
            Issue.record("expected an overflow for \(text)")
        } catch {
            #expect(error.code == .overflow)
        }
    }

    @Test("the largest amount parses and prints back")
    func largest() throws {
        let money = try Money(decimal: "92233720368547758.07", currency: .eur)
        #expect(money.minorUnits == .max)
        #expect(money.decimalString == "92233720368547758.07")
    }

    @Test("formats with the currency's digits", arguments: [
        (5_644, "56.44"), (5, "0.05"), (-5, "-0.05"), (300_000, "3000.00"), (0, "0.00"), (Int64.min, "-92233720368547758.08"),
    ])
    func formats(minorUnits: Int64, text: String) {
        #expect(Money(minorUnits: minorUnits, currency: .eur).decimalString == text)
    }

    @Test("description carries the currency code")
    func description() {
        #expect(Money(minorUnits: 5_644, currency: .eur).description == "56.44 EUR")
    }

    @Test("arithmetic throws on overflow")
    func arithmeticOverflow() throws {
        let max = Money(minorUnits: .max, currency: .eur)
        let one = Money(minorUnits: 1, currency: .eur)
        #expect(throws: MoneyError.self) { try max.adding(one) }
        #expect(throws: MoneyError.self) { try Money(minorUnits: .min, currency: .eur).subtracting(one) }
        #expect(throws: MoneyError.self) { try max.multiplied(by: 2) }
        #expect(try one.multiplied(by: 3) == Money(minorUnits: 3, currency: .eur))
    }

    @Test("mixing currencies is refused")
    func currencyMixing() throws {
        let euros = Money(minorUnits: 100, currency: .eur)
        let pounds = Money(minorUnits: 100, currency: .gbp)
        #expect(throws: MoneyError(.currencyMismatch, "cannot combine EUR and GBP")) { try euros.adding(pounds) }
        #expect(throws: MoneyError.self) { try euros.subtracting(pounds) }
        #expect(throws: MoneyError.self) { try euros.compare(pounds) }
        #expect(throws: MoneyError.self) { try Money.sum([euros, pounds], currency: .eur) }
        #expect(try Money.sum([euros, euros], currency: .eur) == Money(minorUnits: 200, currency: .eur))
        #expect(try euros.compare(Money(minorUnits: 99, currency: .eur)) == 1)
    }

    @Test("currency codes are three letters, upper-cased")
    func currencyCodes() throws {
        #expect(try Currency(code: "eur") == .eur)
        #expect(throws: MoneyError.self) { try Currency(code: "EURO") }
        #expect(throws: MoneyError.self) { try Currency(code: "E1R") }
    }
}
