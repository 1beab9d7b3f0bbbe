import Foundation
import RelanceCore

/// The rate tables shipped in `schemas/rates`, read the way `relance` reads them, plus small
/// helpers to build requests without noise.
enum PenaltyFixtures {
    /// `<repository>/schemas/rates`, found from this file's location.
    static let ratesDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Penalties
        .deletingLastPathComponent()  // RelanceCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .appendingPathComponent("schemas/rates", isDirectory: true)

    static func text(_ fileName: String) -> String {
        // A missing table is a broken checkout: stop loudly.
        try! String(contentsOf: ratesDirectory.appendingPathComponent(fileName), encoding: .utf8)
    }

    static let shippedTables: PenaltyRateTables = {
        var files: [String: String] = [:]
        for name in PenaltyRateTables.fileNames { files[name] = text(name) }
        return try! PenaltyRateTables(files: files)
    }()

    static let engine = PenaltyEngine(tables: shippedTables)

    static func date(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

    static func eur(_ text: String) -> Money { try! Money(decimal: text, currency: .eur) }

    static func gbp(_ text: String) -> Money { try! Money(decimal: text, currency: .gbp) }

    static func percent(_ text: String) -> Rate { try! Rate(percent: text) }

    /// fr-b2b, the default jurisdiction.
    static func paid(
        _ amount: Money, due: String, paid: String, contract: String? = nil, notice: String? = nil,
        creditor: CreditorKind = .business, payments: [(String, Money)] = []
    ) -> PenaltyRequest {
        Self.paid(.frB2B, amount, due: due, paid: paid, contract: contract, notice: notice, creditor: creditor, payments: payments)
    }

    static func paid(
        _ jurisdiction: Jurisdiction,
        _ amount: Money,
        due: String,
        paid: String,
        contract: String? = nil,
        notice: String? = nil,
        creditor: CreditorKind = .business,
        payments: [(String, Money)] = []
    ) -> PenaltyRequest {
        PenaltyRequest(
            jurisdiction: jurisdiction,
            principal: amount,
            dueDate: date(due),
            settlement: .paidInFull(on: date(paid)),
            payments: payments.map { PartialPayment(date: date($0.0), amount: $0.1) },
            contractRate: contract.map(percent),
            noticeDate: notice.map(date),
            creditor: creditor
        )
    }

    /// fr-b2b, the default jurisdiction.
    static func unpaid(
        _ amount: Money, due: String, asOf: String, payments: [(String, Money)] = []
    ) -> PenaltyRequest {
        unpaid(.frB2B, amount, due: due, asOf: asOf, payments: payments)
    }

    static func unpaid(
        _ jurisdiction: Jurisdiction,
        _ amount: Money,
        due: String,
        asOf: String,
        notice: String? = nil,
        creditor: CreditorKind = .business,
        payments: [(String, Money)] = []
    ) -> PenaltyRequest {
        PenaltyRequest(
            jurisdiction: jurisdiction,
            principal: amount,
            dueDate: date(due),
            settlement: .unpaid(asOf: date(asOf)),
            payments: payments.map { PartialPayment(date: date($0.0), amount: $0.1) },
            noticeDate: notice.map(date),
            creditor: creditor
        )
    }
}
