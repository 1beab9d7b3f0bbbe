import PropertyBased
import RelanceCore
import Testing

/// Properties that must hold for any invoice the shipped tables cover (2012-01-01 to 2026-06-30).
@Suite("Penalty properties")
struct PenaltyPropertyTests {
    typealias F = PenaltyFixtures

    /// Days since 1970 of 2012-01-02 and 2025-06-30: due dates drawn from there, so that with at most
    /// 180 + 180 days of delay the last late day stays inside 2026 S1, the last half-year known.
    static let firstDue = F.date("2012-01-02").daysSinceEpoch
    static let lastDue = F.date("2025-06-30").daysSinceEpoch

    static func money(_ jurisdiction: Jurisdiction, _ minorUnits: Int64) -> Money {
        Money(minorUnits: minorUnits, currency: jurisdiction.currency)
    }

    static func request(
        _ jurisdiction: Jurisdiction, minorUnits: Int64, due: CalendarDate, end: CalendarDate
    ) -> PenaltyRequest {
        PenaltyRequest(
            jurisdiction: jurisdiction,
            principal: money(jurisdiction, minorUnits),
            dueDate: due,
            settlement: .paidInFull(on: end),
            noticeDate: jurisdiction == .frB2C ? due : nil
        )
    }

    @Test("interest never decreases as the payment date moves later")
    func interestGrowsWithTime() async {
        await propertyCheck(
            count: 300,
            input: Gen<Jurisdiction>.case,
            Gen.int64(in: 1...100_000_000_00),
            Gen.int(in: Self.firstDue...Self.lastDue),
            Gen.int(in: 0...180),
            Gen.int(in: 0...180)
        ) { jurisdiction, minorUnits, dueDay, delay, extra in
            let due = CalendarDate(daysSinceEpoch: dueDay)
            let earlier = due.adding(days: delay)
            let later = earlier.adding(days: extra)
            let first = try F.engine.compute(Self.request(jurisdiction, minorUnits: minorUnits, due: due, end: earlier))
            let second = try F.engine.compute(Self.request(jurisdiction, minorUnits: minorUnits, due: due, end: later))
            #expect(first.interest.minorUnits <= second.interest.minorUnits)
            #expect(first.totalPenalty.minorUnits <= second.totalPenalty.minorUnits)
            #expect(second.daysLate == delay + extra)
        }
    }

    @Test("splitting a delay into two consecutive computations changes the interest by at most one minor unit")
    func splittingDoesNotChangeTheTotal() async {
        // The UK is left out on purpose: its rate is fixed by the day interest starts, so a second
        // computation starting later legitimately uses another reference rate.
        await propertyCheck(
            count: 300,
            input: Gen<Jurisdiction?>.element(of: [Jurisdiction.frB2B, .frB2C, .eu, .deB2B, .deB2C]).compactMap { $0 },
            Gen.int64(in: 1...100_000_000_00),
            Gen.int(in: Self.firstDue...Self.lastDue),
            Gen.int(in: 0...180),
            Gen.int(in: 0...180)
        ) { jurisdiction, minorUnits, dueDay, firstPart, secondPart in
            let due = CalendarDate(daysSinceEpoch: dueDay)
            let middle = due.adding(days: firstPart)
            let end = middle.adding(days: secondPart)
            let whole = try F.engine.compute(Self.request(jurisdiction, minorUnits: minorUnits, due: due, end: end))
            let head = try F.engine.compute(Self.request(jurisdiction, minorUnits: minorUnits, due: due, end: middle))
            let tail = try F.engine.compute(Self.request(jurisdiction, minorUnits: minorUnits, due: middle, end: end))
            let difference = whole.interest.minorUnits - (head.interest.minorUnits + tail.interest.minorUnits)
            #expect(abs(difference) <= 1)
            #expect(whole.daysLate == head.daysLate + tail.daysLate)
        }
    }

    @Test("the interest of a delay equals the exactly rounded sum over its periods")
    func interestMatchesPeriods() async {
        await propertyCheck(
            count: 200,
            input: Gen<Jurisdiction>.case,
            Gen.int64(in: 1...100_000_000_00),
            Gen.int(in: Self.firstDue...Self.lastDue),
            Gen.int(in: 1...360)
        ) { jurisdiction, minorUnits, dueDay, delay in
            let due = CalendarDate(daysSinceEpoch: dueDay)
            let result = try F.engine.compute(Self.request(jurisdiction, minorUnits: minorUnits, due: due, end: due.adding(days: delay)))
            // Recompute Σ base × bp × days / 3 650 000 here, rounded half-up, from what the result shows.
            var numerator: Int128 = 0
            for period in result.periods {
                numerator += Int128(period.base.minorUnits) * Int128(period.annualRate.basisPoints) * Int128(period.days)
            }
            let expected = (numerator + 1_825_000) / 3_650_000
            #expect(Int128(result.interest.minorUnits) == expected)
            #expect(result.periods.reduce(0) { $0 + $1.days } == result.daysLate)
        }
    }
}
