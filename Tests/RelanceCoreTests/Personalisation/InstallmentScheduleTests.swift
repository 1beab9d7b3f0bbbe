import PropertyBased
import RelanceCore
import Testing

private typealias F = LadderFixtures

@Suite("Installment schedule")
struct InstallmentScheduleTests {
    @Test("an amount splits into installments that add up exactly, odd cents first")
    func split() throws {
        let installments = try InstallmentSchedule.monthly(total: F.eur("1000.01"), count: 3, firstDueDate: F.day("2025-04-15"))
        #expect(installments.map(\.amount.decimalString) == ["333.34", "333.34", "333.33"])
        #expect(installments.map(\.number) == [1, 2, 3])
        #expect(installments.map(\.dueDate.iso) == ["2025-04-15", "2025-05-15", "2025-06-15"])
    }

    @Test("monthly dates keep the day of month, or the month's last day when shorter")
    func monthEnds() throws {
        let installments = try InstallmentSchedule.monthly(total: F.eur("400"), count: 4, firstDueDate: F.day("2024-01-31"))
        #expect(installments.map(\.dueDate.iso) == ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"])
        let overYearEnd = try InstallmentSchedule.monthly(total: F.eur("300"), count: 3, firstDueDate: F.day("2025-11-30"))
        #expect(overYearEnd.map(\.dueDate.iso) == ["2025-11-30", "2025-12-30", "2026-01-30"])
    }

    @Test("impossible splits are refused")
    func invalid() throws {
        #expect(throws: InvoiceStateError.self) { try InstallmentSchedule.monthly(total: F.eur("100"), count: 0, firstDueDate: F.day("2025-04-15")) }
        #expect(throws: InvoiceStateError.self) { try InstallmentSchedule.monthly(total: F.eur("0"), count: 2, firstDueDate: F.day("2025-04-15")) }
        #expect(throws: InvoiceStateError.self) { try InstallmentSchedule.monthly(total: F.eur("0.02"), count: 3, firstDueDate: F.day("2025-04-15")) }
    }

    @Test("currencies without minor units split in whole units")
    func yen() throws {
        let yen = try Currency(code: "JPY")
        let installments = try InstallmentSchedule.monthly(total: Money(minorUnits: 10_000, currency: yen), count: 3, firstDueDate: F.day("2025-04-15"))
        #expect(installments.map(\.amount.decimalString) == ["3334", "3333", "3333"])
    }

    @Test("installments always sum to the total and differ by at most one minor unit")
    func sumsExactly() async {
        await propertyCheck(input: Gen.int64(in: 1...9_000_000_000_000), Gen.int(in: 1...36)) { total, count in
            guard total >= Int64(count) else { return }
            let installments = try InstallmentSchedule.monthly(
                total: Money(minorUnits: total, currency: .eur), count: count, firstDueDate: F.day("2025-01-31")
            )
            #expect(installments.count == count)
            #expect(installments.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == total)
            let amounts = installments.map(\.amount.minorUnits)
            #expect(amounts.max()! - amounts.min()! <= 1)
            #expect(amounts == amounts.sorted(by: >), "larger installments come first")
            #expect(zip(installments, installments.dropFirst()).allSatisfy { $0.dueDate < $1.dueDate })
            // Each one is a valid plan for the total.
            let plan = try PaymentPlan(agreedOn: F.day("2025-01-31"), installments: installments)
            #expect(plan.total.minorUnits == total)
        }
    }
}
