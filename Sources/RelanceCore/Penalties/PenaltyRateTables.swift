/// The dated rate tables the penalty engine reads, parsed from the CSV files kept under
/// `schemas/rates/` (see the README there). Core does no file I/O: the caller reads the four
/// files and hands their text over, so a new half-year is added by editing data, not code.
public struct PenaltyRateTables: Sendable {
    /// ECB main refinancing operations fixed rate, as changes with their effective dates.
    public static let ecbFileName = "ecb-mro.csv"
    /// French taux de l'intérêt légal per half-year, both columns of CMF L313-2.
    public static let frenchLegalRateFileName = "fr-legal-rate.csv"
    /// German Basiszinssatz (BGB §247) per half-year.
    public static let germanBaseRateFileName = "de-base-rate.csv"
    /// Bank of England base rate on 31 December / 30 June, the reference rate of each half-year.
    public static let ukBaseRateFileName = "uk-boe-base-rate.csv"

    /// Every file the tables are built from.
    public static let fileNames = [ecbFileName, frenchLegalRateFileName, germanBaseRateFileName, ukBaseRateFileName]

    private let ecb: RateChangeTable
    private let frenchLegal: HalfYearRateTable
    private let germanBase: HalfYearRateTable
    private let ukReference: HalfYearRateTable

    /// Parses the four tables from their CSV text.
    public init(
        ecbMainRefinancingRate: String,
        frenchLegalRate: String,
        germanBaseRate: String,
        ukBaseRate: String
    ) throws(RateTableError) {
        ecb = try RateChangeTable(text: ecbMainRefinancingRate, name: Self.ecbFileName)
        frenchLegal = try HalfYearRateTable(
            text: frenchLegalRate,
            name: Self.frenchLegalRateFileName,
            rateColumns: ["private_creditor_percent", "other_cases_percent"]
        )
        germanBase = try HalfYearRateTable(
            text: germanBaseRate,
            name: Self.germanBaseRateFileName,
            rateColumns: ["rate_percent"]
        )
        let ukName = Self.ukBaseRateFileName
        ukReference = try HalfYearRateTable(
            text: ukBaseRate,
            name: ukName,
            rateColumns: ["rate_percent"],
            extraColumns: ["reference_date"]
        ) { (halfYear: HalfYear, record: CSVTable.Record) throws(RateTableError) in
            // SI 2002/1675: the rate in force on the day immediately before the half-year.
            let reference = try record.date("reference_date", table: ukName)
            let expected = halfYear.start.adding(days: -1)
            guard reference == expected else {
                throw RateTableError(
                    .invalidValue, table: ukName, line: record.line,
                    "reference_date \(reference) should be \(expected), the day before \(halfYear) starts"
                )
            }
        }
    }

    /// Parses the tables from file contents keyed by file name (see `fileNames`).
    public init(files: [String: String]) throws(RateTableError) {
        func text(_ name: String) throws(RateTableError) -> String {
            guard let text = files[name] else {
                throw RateTableError(.empty, table: name, line: nil, "the table was not provided")
            }
            return text
        }
        try self.init(
            ecbMainRefinancingRate: text(Self.ecbFileName),
            frenchLegalRate: text(Self.frenchLegalRateFileName),
            germanBaseRate: text(Self.germanBaseRateFileName),
            ukBaseRate: text(Self.ukBaseRateFileName)
        )
    }

    /// The ECB main refinancing rate in force on `date`, or nil when the table does not cover it.
    public func ecbMainRefinancingRate(inForceOn date: CalendarDate) -> CitedRate? {
        ecb.rate(inForceOn: date)
    }

    /// The French legal interest rate for `halfYear` in the column that `creditor` selects, or nil
    /// when that half-year is not in the table.
    public func frenchLegalRate(for halfYear: HalfYear, creditor: CreditorKind) -> CitedRate? {
        frenchLegal.rate(creditor == .business ? "other_cases_percent" : "private_creditor_percent", for: halfYear)
    }

    /// The German Basiszinssatz for `halfYear`, or nil when that half-year is not in the table.
    public func germanBaseRate(for halfYear: HalfYear) -> CitedRate? {
        germanBase.rate("rate_percent", for: halfYear)
    }

    /// The Bank of England base rate on the day before `halfYear` starts (31 December or 30 June):
    /// the UK statutory reference rate for debts whose interest starts in that half-year.
    public func ukReferenceRate(for halfYear: HalfYear) -> CitedRate? {
        ukReference.rate("rate_percent", for: halfYear)
    }
}
