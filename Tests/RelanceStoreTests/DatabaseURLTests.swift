import RelanceStore
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("A full URL is parsed, and its description hides the password")
    func full() throws {
        let url = try DatabaseURL("postgres://relance:s%40cret@127.0.0.1:6543/relance_app")
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 6543)
        #expect(url.username == "relance")
        #expect(url.password == "s@cret")
        #expect(url.database == "relance_app")
        #expect(url.description == "postgres://relance:***@127.0.0.1:6543/relance_app")
    }

    @Test("Defaults: port 5432; the postgresql scheme is accepted")
    func defaults() throws {
        let url = try DatabaseURL("postgresql://me@localhost/db")
        #expect(url.port == 5432)
        #expect(url.password == nil)
    }

    @Test("Bad URLs are refused with a clear message", arguments: [
        "mysql://a@b/c", "postgres://a@b", "postgres://a@b:notaport/c", "postgres://a@:5432/c",
    ])
    func invalid(_ text: String) {
        #expect {
            _ = try DatabaseURL(text)
        } throws: { error in
            (error as? StoreError)?.code == .invalidDatabaseURL
                && (error as? StoreError)?.description.contains("postgres://user:password@host:port/database") == true
        }
    }
}
