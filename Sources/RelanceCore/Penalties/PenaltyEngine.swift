/// Computes statutory late-payment penalties per jurisdiction, exactly.
///
/// One computation per invoice. Interest is simple, on an actual/365 day count (every year,
/// leap or not, counts 365 days, as French practice and the UK Act do): each late day adds
/// `base × annual rate / 365`. The exact sum is kept as a rational with `Int128` and rounded
/// ONCE, half-up, to the currency's minor unit, so splitting a delay into periods never adds
/// rounding error. Rates come from `PenaltyRateTables`; a date the tables do not cover is an
/// error, never a guess.
///
/// Day counting: interest runs from the day after the due date; a payment on day P counts day P
/// as late (days late = P − due date), and a partial payment on day P lowers the base from P+1.
/// Partial payments are applied to principal (the Code civil 1343-1 rule that applies them to
/// interest first is not modelled).
public struct PenaltyEngine: Sendable {
    /// Days in the year the annual rate is spread over.
    public static let dayCountBasis = 365

    public let tables: PenaltyRateTables

    public init(tables: PenaltyRateTables) {
        self.tables = tables
    }

    /// Computes the penalty for one invoice.
    public func compute(_ request: PenaltyRequest) throws(PenaltyError) -> PenaltyResult {
        try Self.validate(request)
        let principal = request.principal
        let currency = principal.currency
        let payments = request.payments.sorted { $0.date < $1.date }
        let endDate = request.settlement.date

        // Partial payments may settle the invoice before the stated end.
        var received: Int64 = 0
        var clearedOn: CalendarDate?
        for payment in payments {
            received += payment.amount.minorUnits
            if received == principal.minorUnits, clearedOn == nil { clearedOn = payment.date }
        }
        let fullyPaid: Bool
        if case .paidInFull = request.settlement { fullyPaid = true } else { fullyPaid = clearedOn != nil }
        let lastLateDay = min(endDate, clearedOn ?? endDate)
        let outstanding = Money(minorUnits: fullyPaid ? 0 : principal.minorUnits - received, currency: currency)

        var notes: [String] = []
        if let clearedOn, clearedOn < endDate {
            notes.append("the partial payments settled the invoice in full on \(clearedOn)")
        }

        let daysLate = max(0, request.dueDate.days(until: lastLateDay))
        guard daysLate > 0 else {
            if fullyPaid {
                notes.append("paid on \(lastLateDay), on or before the due date \(request.dueDate): no penalty is due")
            } else {
                notes.append("not yet late on \(lastLateDay) (due \(request.dueDate)): no penalty is due")
            }
            return try Self.result(
                request, daysLate: 0, periods: [], interest: .zero(currency), indemnity: .zero(currency),
                outstanding: outstanding, notes: notes, sources: []
            )
        }

        // First day that bears interest.
        var accrualStart = request.dueDate.adding(days: 1)
        if request.jurisdiction == .frB2C {
            notes.append(
                request.creditor == .business
                    ? "legal rate column 'tous les autres cas': the creditor is a business (CMF L313-2)"
                    : "legal rate column for a private-person creditor not acting for professional purposes (CMF L313-2)"
            )
            guard let notice = request.noticeDate else {
                notes.append(
                    "no formal notice (mise en demeure) date: against a consumer, interest at the legal rate runs only from the notice (Code civil 1231-6, 1344-1), so no interest is due yet"
                )
                return try Self.result(
                    request, daysLate: daysLate, periods: [], interest: .zero(currency), indemnity: .zero(currency),
                    outstanding: outstanding, notes: notes, sources: []
                )
            }
            accrualStart = max(request.dueDate, notice).adding(days: 1)
            if notice < request.dueDate {
                notes.append("the formal notice of \(notice) predates the due date; interest runs from the day after the due date")
            } else if notice >= lastLateDay {
                notes.append("the formal notice of \(notice) is not before \(lastLateDay): no day bears interest")
            } else {
                notes.append("interest runs from the day after the formal notice of \(notice)")
            }
            notes.append("no fixed recovery indemnity against a consumer (the 40 € of L441-10 is B2B only)")
        }

        if request.jurisdiction == .deB2C {
            notes.append(
                "interest runs from the day after the due date on the assumption that the consumer was in default (Verzug) from then: BGB §286 needs a reminder, or 30 days after an invoice that warned of it"
            )
        }

        var resolver = RateResolver(tables: tables, request: request, accrualStart: accrualStart)
        var periods: [PenaltyPeriod] = []
        var numerator: Int128 = 0
        let baseChangeDays = Array(Set(payments.map { $0.date.adding(days: 1) })).sorted()
        var day = accrualStart
        while day <= lastLateDay {
            var last = lastLateDay
            if request.jurisdiction.ratesChangeEachHalfYear {
                last = min(last, HalfYear(containing: day).end)
            }
            if let change = baseChangeDays.first(where: { $0 > day }) {
                last = min(last, change.adding(days: -1))
            }
            let paidBefore = payments.lazy.filter { $0.date < day }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            let base = principal.minorUnits - paidBefore
            if base > 0 {
                let rate = try resolver.rate(on: day)
                let period = PenaltyPeriod(
                    from: day, to: last, annualRate: rate.rate,
                    base: Money(minorUnits: base, currency: currency), rateBasis: rate.basis
                )
                numerator = try Self.accumulate(numerator, base: base, rate: rate.rate, days: period.days)
                periods.append(period)
            }
            day = last.adding(days: 1)
        }
        notes.append(contentsOf: resolver.notes)
        if !payments.isEmpty {
            notes.append(
                "partial payments lower the interest base from the day after they are received (an amount received on day P bears interest through day P) and are applied to principal"
            )
        }

        let interest = Money(minorUnits: try Self.roundHalfUp(numerator), currency: currency)
        let indemnity = Self.fixedIndemnity(request.jurisdiction, principal: principal)
        if request.jurisdiction == .uk {
            notes.append("fixed sum \(indemnity) for a debt of \(principal) (under £1,000: £40; £1,000 to £9,999.99: £70; £10,000 or more: £100)")
        }
        return try Self.result(
            request, daysLate: daysLate, periods: periods, interest: interest, indemnity: indemnity,
            outstanding: outstanding, notes: notes, sources: resolver.citations
        )
    }

    // MARK: - Steps

    private static func validate(_ request: PenaltyRequest) throws(PenaltyError) {
        let jurisdiction = request.jurisdiction
        let currency = request.principal.currency
        guard currency == jurisdiction.currency else {
            throw PenaltyError(
                .currencyNotAllowed,
                "\(jurisdiction) penalties are computed in \(jurisdiction.currency.code), not \(currency.code)"
            )
        }
        guard request.principal.isPositive else {
            throw PenaltyError(.invalidAmount, "the amount due must be positive, got \(request.principal)")
        }
        let end = request.settlement.date
        let endName = if case .paidInFull = request.settlement { "the payment date" } else { "the as-of date" }
        var total: Int128 = 0
        for payment in request.payments {
            guard payment.amount.currency == currency else {
                throw PenaltyError(.currencyMismatch, "a payment of \(payment.amount) cannot reduce an invoice in \(currency.code)")
            }
            guard payment.amount.isPositive else {
                throw PenaltyError(.invalidAmount, "a partial payment must be positive, got \(payment.amount) on \(payment.date)")
            }
            guard payment.date <= end else {
                throw PenaltyError(.paymentAfterEnd, "the partial payment of \(payment.amount) on \(payment.date) is after \(endName) \(end)")
            }
            total += Int128(payment.amount.minorUnits)
        }
        guard total <= Int128(request.principal.minorUnits) else {
            let sum = Money(minorUnits: Int64(clamping: total), currency: currency)
            throw PenaltyError(
                .paymentsExceedAmount,
                "partial payments total \(sum), more than the amount due \(request.principal)"
            )
        }
        if let rate = request.contractRate {
            guard jurisdiction == .frB2B else {
                throw PenaltyError(.optionNotApplicable, "a contract rate is only taken into account for fr-b2b, not \(jurisdiction)")
            }
            guard rate.basisPoints >= 0 else {
                throw PenaltyError(.invalidAmount, "the contract rate must not be negative, got \(rate)")
            }
        }
        if request.noticeDate != nil, jurisdiction != .frB2C {
            throw PenaltyError(.optionNotApplicable, "a formal notice date is only used for fr-b2c, not \(jurisdiction)")
        }
        if request.creditor == .privatePerson, jurisdiction != .frB2C {
            throw PenaltyError(.optionNotApplicable, "a private-person creditor is only meaningful for fr-b2c, not \(jurisdiction)")
        }
    }

    /// Adds `base × rate(bp) × days` to the running numerator (denominator 365 × 10 000).
    private static func accumulate(_ sum: Int128, base: Int64, rate: Rate, days: Int) throws(PenaltyError) -> Int128 {
        let (a, o1) = Int128(base).multipliedReportingOverflow(by: Int128(rate.basisPoints))
        let (b, o2) = a.multipliedReportingOverflow(by: Int128(days))
        let (c, o3) = sum.addingReportingOverflow(b)
        guard !o1, !o2, !o3 else { throw PenaltyError(.overflow, "the interest is too large to compute") }
        return c
    }

    /// Rounds `numerator / (365 × 10 000)` half-up (half away from zero) to whole minor units.
    private static func roundHalfUp(_ numerator: Int128) throws(PenaltyError) -> Int64 {
        let denominator = Int128(dayCountBasis) * 10_000
        let magnitude = (numerator.magnitude + UInt128(denominator / 2)) / UInt128(denominator)
        guard let value = Int64(exactly: magnitude) else {
            throw PenaltyError(.overflow, "the interest is too large to represent")
        }
        return numerator < 0 ? -value : value
    }

    /// The fixed sum owed once per late invoice, which no rate table affects.
    public static func fixedIndemnity(_ jurisdiction: Jurisdiction, principal: Money) -> Money {
        let currency = principal.currency
        let major = currency.minorUnitsPerMajor
        switch jurisdiction {
        case .frB2B, .eu, .deB2B:
            return Money(minorUnits: 40 * major, currency: currency)
        case .frB2C, .deB2C:
            return .zero(currency)
        case .uk:
            // Section 5A bands; exactly £1,000 falls in the middle band, exactly £10,000 in the top.
            let pounds: Int64 = principal.minorUnits < 1_000 * major ? 40 : principal.minorUnits < 10_000 * major ? 70 : 100
            return Money(minorUnits: pounds * major, currency: currency)
        }
    }

    private static func result(
        _ request: PenaltyRequest,
        daysLate: Int,
        periods: [PenaltyPeriod],
        interest: Money,
        indemnity: Money,
        outstanding: Money,
        notes: [String],
        sources: [CitedRate]
    ) throws(PenaltyError) -> PenaltyResult {
        do {
            let totalPenalty = try interest.adding(indemnity)
            let totalDue = try outstanding.adding(totalPenalty)
            return PenaltyResult(
                jurisdiction: request.jurisdiction,
                principal: request.principal,
                dueDate: request.dueDate,
                settlement: request.settlement,
                daysLate: daysLate,
                periods: periods,
                interest: interest,
                fixedIndemnity: indemnity,
                totalPenalty: totalPenalty,
                outstandingPrincipal: outstanding,
                totalDue: totalDue,
                notes: notes,
                sources: sources
            )
        } catch {
            throw PenaltyError(.overflow, "the total is too large to represent")
        }
    }
}
