/// The values of one record, by column.
struct ImportFields {
    private var values: [ImportValue?]

    init() {
        values = Array(repeating: nil, count: ImportColumn.count)
    }

    subscript(column: ImportColumn) -> ImportValue? {
        get { values[column.rawValue] }
        set { values[column.rawValue] = newValue }
    }
}
