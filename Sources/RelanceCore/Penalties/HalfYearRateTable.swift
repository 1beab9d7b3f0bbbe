/// Rates published per half-year, one row per half-year keyed by its first day (`half_year_start`,
/// 1 January or 1 July), with one or more rate columns. A half-year without a row is unknown.
struct HalfYearRateTable: Sendable {
    struct Row: Sendable {
        let rates: [String: Rate]
        let fields: [String: String]
        let source: String
    }

    let name: String
    let rows: [HalfYear: Row]

    /// - Parameter validate: extra checks on a row (e.g. its reference date), given the half-year.
    init(
        text: String,
        name: String,
        rateColumns: [String],
        extraColumns: [String] = [],
        validate: (HalfYear, CSVTable.Record) throws(RateTableError) -> Void = { _, _ in }
    ) throws(RateTableError) {
        let csv = try CSVTable(text: text, name: name, requiredColumns: ["half_year_start"] + rateColumns + extraColumns + ["source"])
        var rows: [HalfYear: Row] = [:]
        var previous: HalfYear?
        for record in csv.records {
            let start = try record.date("half_year_start", table: name)
            let halfYear = HalfYear(containing: start)
            guard start == halfYear.start else {
                throw RateTableError(
                    .invalidValue, table: name, line: record.line,
                    "half_year_start \(start) is not 1 January or 1 July"
                )
            }
            if let previous, halfYear <= previous {
                throw RateTableError(
                    .outOfOrder, table: name, line: record.line,
                    "\(halfYear) does not come after the previous row's \(previous)"
                )
            }
            previous = halfYear
            var rates: [String: Rate] = [:]
            for column in rateColumns {
                rates[column] = try record.signedRate(column, table: name)
            }
            try validate(halfYear, record)
            rows[halfYear] = Row(rates: rates, fields: record.fields, source: try record.source(table: name))
        }
        self.name = name
        self.rows = rows
    }

    func rate(_ column: String, for halfYear: HalfYear) -> CitedRate? {
        guard let row = rows[halfYear], let rate = row.rates[column] else { return nil }
        return CitedRate(table: name, key: halfYear.description, rate: rate, source: row.source)
    }
}
