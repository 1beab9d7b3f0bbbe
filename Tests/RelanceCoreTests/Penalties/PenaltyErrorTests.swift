import RelanceCore
import Testing

/// Requests the engine refuses, and dates the rate tables do not cover.
@Suite("Penalty errors")
struct PenaltyErrorTests {
    typealias F = PenaltyFixtures
    let engine = PenaltyFixtures.engine

    private func error(_ request: PenaltyRequest) -> PenaltyError? {
        do {
            _ = try engine.compute(request)
            return nil
        } catch {
            return error
        }
    }

    @Test("a currency the law does not use is refused", arguments: [
        (Jurisdiction.frB2B, "GBP"), (.frB2C, "USD"), (.eu, "CHF"), (.deB2B, "GBP"), (.deB2C, "JPY"), (.uk, "EUR"),
    ])
    func currencyNotAllowed(jurisdiction: Jurisdiction, code: String) throws {
        let money = try Money(decimal: "1000", currency: Currency(code: code))
        let failure = error(F.paid(jurisdiction, money, due: "2019-03-01", paid: "2019-03-21"))
        #expect(failure?.code == .currencyNotAllowed)
        #expect(failure?.description == "\(jurisdiction) penalties are computed in \(jurisdiction.currency.code), not \(code)")
        #expect(failure?.isInvalidRequest == true)
    }

    @Test("a zero or negative amount is refused", arguments: ["0", "-3000.00"])
    func nonPositiveAmount(amount: String) {
        let failure = error(F.paid(F.eur(amount), due: "2019-03-01", paid: "2019-03-21"))
        #expect(failure?.code == .invalidAmount)
    }

    @Test("a negative partial payment is refused")
    func negativePayment() {
        let failure = error(F.paid(F.eur("3000"), due: "2019-03-01", paid: "2019-03-21", payments: [("2019-03-10", F.eur("-1"))]))
        #expect(failure?.code == .invalidAmount)
    }

    @Test("partial payments above the amount due are refused")
    func paymentsExceedAmount() {
        let failure = error(
            F.paid(F.eur("3000"), due: "2019-03-01", paid: "2019-03-21",
                   payments: [("2019-03-05", F.eur("2000")), ("2019-03-10", F.eur("1000.01"))])
        )
        #expect(failure?.code == .paymentsExceedAmount)
        #expect(failure?.description == "partial payments total 3000.01 EUR, more than the amount due 3000.00 EUR")
    }

    @Test("a partial payment after the settlement date is refused")
    func paymentAfterEnd() {
        let failure = error(F.paid(F.eur("3000"), due: "2019-03-01", paid: "2019-03-21", payments: [("2019-03-22", F.eur("10"))]))
        #expect(failure?.code == .paymentAfterEnd)
    }

    @Test("a payment in another currency is refused")
    func paymentCurrency() {
        let failure = error(F.paid(F.eur("3000"), due: "2019-03-01", paid: "2019-03-21", payments: [("2019-03-10", F.gbp("10"))]))
        #expect(failure?.code == .currencyMismatch)
    }

    @Test("options that belong to another jurisdiction are refused")
    func optionsOutsideTheirJurisdiction() {
        var contractInEU = F.paid(.eu, F.eur("3000"), due: "2019-03-01", paid: "2019-03-21")
        contractInEU.contractRate = F.percent("10")
        #expect(error(contractInEU)?.code == .optionNotApplicable)
        let noticeInB2B = F.paid(F.eur("3000"), due: "2019-03-01", paid: "2019-03-21", notice: "2019-03-05")
        #expect(error(noticeInB2B)?.code == .optionNotApplicable)
        let privateCreditorInDE = F.paid(.deB2C, F.eur("3000"), due: "2019-03-01", paid: "2019-03-21", creditor: .privatePerson)
        #expect(error(privateCreditorInDE)?.code == .optionNotApplicable)
    }

    @Test("a half-year missing from a table is an error naming the table and the half-year", arguments: [
        (Jurisdiction.frB2B, "ecb-mro.csv"), (.eu, "ecb-mro.csv"), (.deB2B, "de-base-rate.csv"), (.deB2C, "de-base-rate.csv"),
        (.uk, "uk-boe-base-rate.csv"),
    ])
    func tableGap2026(jurisdiction: Jurisdiction, table: String) {
        // No 2026 S2 rate is published in the shipped tables.
        let money = jurisdiction == .uk ? F.gbp("3000") : F.eur("3000")
        let failure = error(F.paid(jurisdiction, money, due: "2026-07-01", paid: "2026-07-21"))
        #expect(failure?.code == .rateUnavailable)
        #expect(failure?.isInvalidRequest == false)
        #expect(failure?.description.hasPrefix(table) == true)
        #expect(failure?.description.contains("2026 S2") == true)
    }

    @Test("fr-b2b across 1 July 2026: the 2026 S1 part alone is not silently used")
    func tableGapAcrossBoundary() {
        let failure = error(F.paid(F.eur("3000"), due: "2026-06-20", paid: "2026-07-10"))
        #expect(failure?.description == "ecb-mro.csv has no ECB main refinancing rate known to be in force on 2026-07-01, needed for 2026 S2; add it to the table once published (no rate is guessed)")
    }

    @Test("fr-b2c and the fr-b2b floor need the legal-rate table for the half-year")
    func frenchLegalRateGap() {
        let consumer = error(F.unpaid(.frB2C, F.eur("3000"), due: "2026-07-01", asOf: "2026-07-21", notice: "2026-07-01"))
        #expect(consumer?.description.hasPrefix("fr-legal-rate.csv has no French legal interest rate for 2026 S2") == true)
        let contract = error(F.paid(F.eur("3000"), due: "2026-07-01", paid: "2026-07-21", contract: "10"))
        #expect(contract?.code == .rateUnavailable)
        #expect(contract?.description.hasPrefix("fr-legal-rate.csv") == true)
    }

    @Test("a date before the tables start is an error too")
    func beforeTables() {
        let failure = error(F.paid(.deB2B, F.eur("3000"), due: "2011-06-01", paid: "2011-06-21"))
        #expect(failure?.code == .rateUnavailable)
        #expect(failure?.description.contains("2011 S1") == true)
    }

    @Test("on-time payment needs no rate, so a table gap does not matter")
    func onTimeNeedsNoRate() throws {
        let result = try engine.compute(F.paid(F.eur("3000"), due: "2026-09-01", paid: "2026-08-20"))
        #expect(result.totalPenalty == F.eur("0"))
    }
}
