import PostgresNIO

/// Reads a row's cells in the order the statement selects them, each as a concrete type. For
/// the statements read in bulk: cheaper than `makeRandomAccess()` (a table of column names
/// built for every row, then a lookup per cell) or a tuple decode (generic over a parameter
/// pack, resolved at run time for every row).
struct RowCells {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) {
        cells = row.makeIterator()
    }

    /// The next cell as `Value`.
    mutating func next<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws -> Value {
        guard let cell = cells.next() else {
            throw StoreError(.databaseError, "a row has fewer columns than the statement reads")
        }
        return try cell.decode(Value.self)
    }
}
