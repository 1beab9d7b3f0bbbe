import RelanceStore
import Testing

@Suite("Splitting migration files into statements")
struct SQLStatementSplitterTests {
    @Test("Top-level semicolons separate statements; comments are dropped")
    func simple() {
        let statements = SQLStatementSplitter.split("""
            -- a comment; with a semicolon
            CREATE TABLE a (x int);
            /* block; comment */ CREATE TABLE b (y int) ;

            """)
        #expect(statements == ["CREATE TABLE a (x int)", "CREATE TABLE b (y int)"])
    }

    @Test("Semicolons inside strings, identifiers and dollar-quoted bodies are kept")
    func quoted() {
        let statements = SQLStatementSplitter.split("""
            INSERT INTO t VALUES ('a;b', 'it''s; fine');
            CREATE TABLE "odd;name" (x int);
            CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
            DO $body$ BEGIN PERFORM 1; END $body$;
            """)
        #expect(statements == [
            "INSERT INTO t VALUES ('a;b', 'it''s; fine')",
            "CREATE TABLE \"odd;name\" (x int)",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
            "DO $body$ BEGIN PERFORM 1; END $body$",
        ])
    }

    @Test("Positional parameters like $1 are not dollar quotes")
    func positionalParameters() {
        let statements = SQLStatementSplitter.split("PREPARE p AS SELECT $1::int; SELECT 2;")
        #expect(statements == ["PREPARE p AS SELECT $1::int", "SELECT 2"])
    }
}
