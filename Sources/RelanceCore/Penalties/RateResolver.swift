/// Finds the annual rate for a late day under a request's jurisdiction. It remembers what it
/// looked up, so the result cites each table row once and explains each adjustment once per
/// half-year.
struct RateResolver {
    struct Resolved {
        let rate: Rate
        let basis: String
    }

    let tables: PenaltyRateTables
    let request: PenaltyRequest
    /// First day bearing interest: the UK rate is fixed by the half-year it falls in.
    let accrualStart: CalendarDate

    private(set) var notes: [String] = []
    private(set) var citations: [CitedRate] = []
    private var byHalfYear: [HalfYear: Resolved] = [:]

    init(tables: PenaltyRateTables, request: PenaltyRequest, accrualStart: CalendarDate) {
        self.tables = tables
        self.request = request
        self.accrualStart = accrualStart
    }

    mutating func rate(on day: CalendarDate) throws(PenaltyError) -> Resolved {
        // The UK rate never changes during a debt: key everything on the starting half-year.
        let halfYear = HalfYear(containing: request.jurisdiction.ratesChangeEachHalfYear ? day : accrualStart)
        if let known = byHalfYear[halfYear] { return known }
        let resolved = try resolve(halfYear)
        byHalfYear[halfYear] = resolved
        return resolved
    }

    private mutating func resolve(_ halfYear: HalfYear) throws(PenaltyError) -> Resolved {
        switch request.jurisdiction {
        case .frB2B:
            if let contract = request.contractRate {
                let legal = try frenchLegal(halfYear, creditor: .business)
                let floor = 3 * legal.rate
                guard contract < floor else {
                    return Resolved(rate: contract, basis: "contract rate (not below 3 × legal rate \(legal.rate) = \(floor))")
                }
                note("contract rate \(contract) raised to the floor \(floor) (3 × legal rate \(legal.rate)) for \(halfYear)")
                return Resolved(rate: floor, basis: "contract rate \(contract) raised to 3 × legal rate \(legal.rate)")
            }
            let ecb = try ecbRate(halfYear)
            let rate = ecb.rate + Rate(basisPoints: 1_000)
            // 2024 showed it: 3 × the legal rate can exceed ECB + 10. The floor binds contract
            // rates only, so the statutory rate still applies; say so rather than stay silent.
            if let legal = tables.frenchLegalRate(for: halfYear, creditor: .business), 3 * legal.rate > rate {
                note(
                    "in \(halfYear) the statutory rate \(rate) is below 3 × legal rate (\(3 * legal.rate)); that floor binds contract rates only, so the statutory rate applies"
                )
            }
            return Resolved(rate: rate, basis: "ECB MRO \(ecb.rate) in force on \(halfYear.start) + 10 points")
        case .eu:
            let ecb = try ecbRate(halfYear)
            return Resolved(rate: ecb.rate + Rate(basisPoints: 800), basis: "ECB MRO \(ecb.rate) in force on \(halfYear.start) + 8 points")
        case .frB2C:
            let legal = try frenchLegal(halfYear, creditor: request.creditor)
            let column = request.creditor == .business ? "other cases" : "private-person creditor"
            return Resolved(rate: legal.rate, basis: "French legal rate (\(column)) for \(halfYear)")
        case .deB2B, .deB2C:
            guard let base = tables.germanBaseRate(for: halfYear) else {
                throw unavailable("German base rate (Basiszinssatz)", table: PenaltyRateTables.germanBaseRateFileName, halfYear: halfYear)
            }
            cite(base)
            let points = request.jurisdiction == .deB2B ? 9 : 5
            return Resolved(
                rate: base.rate + Rate(basisPoints: points * 100),
                basis: "Basiszinssatz \(base.rate) for \(halfYear) + \(points) points"
            )
        case .uk:
            guard let reference = tables.ukReferenceRate(for: halfYear) else {
                throw unavailable("Bank of England reference rate", table: PenaltyRateTables.ukBaseRateFileName, halfYear: halfYear)
            }
            cite(reference)
            let rate = reference.rate + Rate(basisPoints: 800)
            let referenceDate = halfYear.start.adding(days: -1)
            note(
                "statutory interest fixed for the life of the debt at \(rate): Bank of England base rate \(reference.rate) on \(referenceDate), the day before the half-year in which interest started, + 8 points"
            )
            return Resolved(rate: rate, basis: "Bank of England base rate \(reference.rate) on \(referenceDate) + 8 points (fixed)")
        }
    }

    private mutating func ecbRate(_ halfYear: HalfYear) throws(PenaltyError) -> CitedRate {
        guard let ecb = tables.ecbMainRefinancingRate(inForceOn: halfYear.start) else {
            throw PenaltyError(
                .rateUnavailable,
                "\(PenaltyRateTables.ecbFileName) has no ECB main refinancing rate known to be in force on \(halfYear.start), needed for \(halfYear); add it to the table once published (no rate is guessed)"
            )
        }
        cite(ecb)
        return ecb
    }

    private mutating func frenchLegal(_ halfYear: HalfYear, creditor: CreditorKind) throws(PenaltyError) -> CitedRate {
        guard let legal = tables.frenchLegalRate(for: halfYear, creditor: creditor) else {
            throw unavailable("French legal interest rate", table: PenaltyRateTables.frenchLegalRateFileName, halfYear: halfYear)
        }
        cite(legal)
        return legal
    }

    private func unavailable(_ what: String, table: String, halfYear: HalfYear) -> PenaltyError {
        PenaltyError(
            .rateUnavailable,
            "\(table) has no \(what) for \(halfYear), needed for this delay; add it to the table once published (no rate is guessed)"
        )
    }

    private mutating func cite(_ rate: CitedRate) {
        if !citations.contains(rate) { citations.append(rate) }
    }

    private mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }
}
