/// A rate given as a list of changes, each with the date it took effect (the ECB main
/// refinancing rate). The last row, whose rate is `unknown`, marks the day from which the table
/// cannot say what rate was in force; lookups on or after it find nothing, so nothing is guessed.
struct RateChangeTable: Sendable {
    struct Change: Sendable {
        let effectiveFrom: CalendarDate
        /// nil from the `unknown` marker on.
        let rate: Rate?
        let source: String
    }

    let name: String
    let changes: [Change]

    init(text: String, name: String) throws(RateTableError) {
        let csv = try CSVTable(text: text, name: name, requiredColumns: ["effective_from", "rate_percent", "source"])
        var changes: [Change] = []
        for record in csv.records {
            let date = try record.date("effective_from", table: name)
            if let last = changes.last, date <= last.effectiveFrom {
                throw RateTableError(
                    .outOfOrder, table: name, line: record.line,
                    "effective_from \(date) is not after the previous row's \(last.effectiveFrom)"
                )
            }
            let rate: Rate? = record("rate_percent").lowercased() == "unknown"
                ? nil
                : try record.signedRate("rate_percent", table: name)
            changes.append(Change(effectiveFrom: date, rate: rate, source: try record.source(table: name)))
        }
        // Without the marker the last rate would silently run on forever: refuse that guess.
        if let last = changes.last, last.rate != nil {
            throw RateTableError(
                .missingEndMarker, table: name, line: csv.records.last?.line,
                "the last row must be '<date>,unknown,<note>': the day from which the rate is not known yet"
            )
        }
        self.name = name
        self.changes = changes
    }

    /// The rate in force on `date`, or nil when the table does not reach that far (before its
    /// first row, or on or after an `unknown` marker).
    func rate(inForceOn date: CalendarDate) -> CitedRate? {
        guard let change = changes.last(where: { $0.effectiveFrom <= date }), let rate = change.rate else {
            return nil
        }
        return CitedRate(table: name, key: change.effectiveFrom.iso, rate: rate, source: change.source)
    }
}
