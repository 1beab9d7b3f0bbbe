import Foundation

/// One forward-only schema change: a file `NNNN_name.sql` in `schemas/migrations/`.
public struct Migration: Sendable, Hashable {
    /// The number that orders migrations (`0001` → 1).
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// A checksum of the file's text (FNV-1a, 64 bit), to notice an applied migration edited later.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads every `NNNN_name.sql` file of `directory`, ordered by version.
    public static func load(from directory: String) throws(StoreError) -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw StoreError(.migrationsNotFound, "no migrations directory at \(directory)", underlying: error)
        }
        var migrations: [Migration] = []
        for file in names where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"),
                  let version = Int(stem[..<underscore]), version > 0
            else {
                throw StoreError(.invalidMigration, "migration file \(file) is not named NNNN_name.sql")
            }
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StoreError(.invalidMigration, "cannot read migration \(file)")
            }
            migrations.append(Migration(
                version: version,
                name: String(stem[stem.index(after: underscore)...]),
                sql: String(decoding: data, as: UTF8.self)
            ))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw StoreError(.invalidMigration, "two migrations share version \(a.version): \(a.name), \(b.name)")
        }
        return migrations
    }
}
