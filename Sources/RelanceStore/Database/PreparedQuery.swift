import PostgresNIO

/// The text of a statement run often enough to be worth preparing: PostgreSQL parses it once
/// per connection and, after a few runs, keeps a plan for it, where it parses and plans an
/// unnamed statement on every run. The values are bound as `$1`, `$2`, … in the order given.
protocol PreparedText {
    static var sql: String { get }
}

/// One run of a `PreparedText` statement with its values. Rows come back as they are, to be
/// read with `RowCells` or a tuple decode.
struct PreparedQuery<Text: PreparedText>: PostgresPreparedStatement {
    typealias Row = PostgresRow

    static var sql: String { Text.sql }
    static var name: String { String(reflecting: Text.self) }

    private let bindings: PostgresBindings

    init(_ bind: (inout PostgresBindings) throws -> Void) rethrows {
        var bindings = PostgresBindings()
        try bind(&bindings)
        self.bindings = bindings
    }

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
