/// An agreed schedule of installments that together settle the outstanding amount.
///
/// Payments received while the plan runs are counted towards it in installment order. The
/// ladder is paused while installments are kept; an installment still not covered after its
/// due date plus `graceDays` is missed, and the ladder resumes.
public struct PaymentPlan: Sendable, Hashable, Codable {
    public let agreedOn: CalendarDate
    public let installments: [Installment]
    /// Days allowed after an installment's due date before it counts as missed.
    public let graceDays: Int
    /// What has been received towards the plan since it was agreed.
    public internal(set) var paidSoFar: Money

    /// Creates a plan; throws when the installments are empty, out of order, not positive,
    /// in several currencies, or due before the agreement.
    public init(agreedOn: CalendarDate, installments: [Installment], graceDays: Int = 5) throws(InvoiceStateError) {
        guard let first = installments.first else {
            throw InvoiceStateError(.invalidPlan, "a payment plan needs at least one installment")
        }
        guard graceDays >= 0 else {
            throw InvoiceStateError(.invalidPlan, "grace days cannot be negative (\(graceDays))")
        }
        for (offset, installment) in installments.enumerated() {
            guard installment.number == offset + 1 else {
                throw InvoiceStateError(.invalidPlan, "installments must be numbered 1, 2, 3…; found \(installment.number) at position \(offset + 1)")
            }
            guard installment.amount.currency == first.amount.currency else {
                throw InvoiceStateError(.invalidPlan, "installment \(installment.number) is in \(installment.amount.currency), the plan in \(first.amount.currency)")
            }
            guard installment.amount.isPositive else {
                throw InvoiceStateError(.invalidPlan, "installment \(installment.number) must be a positive amount, not \(installment.amount)")
            }
            if offset == 0 {
                guard installment.dueDate >= agreedOn else {
                    throw InvoiceStateError(.invalidPlan, "installment 1 is due \(installment.dueDate), before the plan was agreed (\(agreedOn))")
                }
            } else {
                guard installment.dueDate > installments[offset - 1].dueDate else {
                    throw InvoiceStateError(.invalidPlan, "installment \(installment.number) must fall after installment \(offset) (\(installments[offset - 1].dueDate))")
                }
            }
        }
        self.agreedOn = agreedOn
        self.installments = installments
        self.graceDays = graceDays
        self.paidSoFar = .zero(first.amount.currency)
        // The plan's total must fit in Int64; computing it here rejects one that does not.
        guard installments.reduce(Int128(0), { $0 + Int128($1.amount.minorUnits) }) <= Int128(Int64.max) else {
            throw InvoiceStateError(.invalidPlan, "the installments add up to more than can be represented")
        }
    }

    public var currency: Currency { paidSoFar.currency }

    /// The sum of all installments.
    public var total: Money {
        Money(minorUnits: installments.reduce(0) { $0 + $1.amount.minorUnits }, currency: currency)
    }

    /// What is left to pay under the plan.
    public var remaining: Money { Money(minorUnits: total.minorUnits - paidSoFar.minorUnits, currency: currency) }

    /// The first installment that payments so far do not fully cover; nil when all are covered.
    public var firstUnpaidInstallment: Installment? {
        var cumulative: Int64 = 0
        for installment in installments {
            cumulative += installment.amount.minorUnits
            if paidSoFar.minorUnits < cumulative { return installment }
        }
        return nil
    }

    /// The first day the ladder resumes if the next unpaid installment is not paid by then.
    public var resumesOn: CalendarDate? {
        firstUnpaidInstallment.map { $0.dueDate.adding(days: graceDays + 1) }
    }

    /// The installment missed on `date`: the first unpaid one whose grace period has ended.
    public func missedInstallment(on date: CalendarDate) -> Installment? {
        guard let next = firstUnpaidInstallment, let resumesOn, date >= resumesOn else { return nil }
        return next
    }

    private enum CodingKeys: String, CodingKey {
        case agreedOn, installments, graceDays, paidSoFar
    }

    /// Decoding validates like `init(agreedOn:installments:graceDays:)`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            agreedOn: c.decode(CalendarDate.self, forKey: .agreedOn),
            installments: c.decode([Installment].self, forKey: .installments),
            graceDays: c.decodeIfPresent(Int.self, forKey: .graceDays) ?? 5
        )
        if let paid = try c.decodeIfPresent(Money.self, forKey: .paidSoFar) {
            guard paid.currency == currency, !paid.isNegative, paid.minorUnits <= total.minorUnits else {
                throw InvoiceStateError(.invalidPlan, "paid so far (\(paid)) must be between 0 and the plan's total \(total)")
            }
            paidSoFar = paid
        }
    }
}
