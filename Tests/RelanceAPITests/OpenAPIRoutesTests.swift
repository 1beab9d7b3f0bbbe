import Foundation
import RelanceAPI
import RelanceTestSupport
import Testing

/// schemas/openapi.yaml documents exactly the routes the router serves.
@Suite struct OpenAPIRoutesTests {
    /// `METHOD /path` for each operation of the document's `paths`.
    static func documentedRoutes() throws -> [String] {
        let url = FreshDatabase.repositoryRoot.appendingPathComponent("schemas/openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        var routes: [String] = []
        var path: String?
        var inPaths = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, let first = line.first, first != " ", first != "#" { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.dropFirst(4).prefix { $0 != ":" }
                if ["get", "post", "put", "patch", "delete"].contains(String(key)) {
                    routes.append("\(key.uppercased()) \(path)")
                }
            }
        }
        return routes.sorted()
    }

    @Test func theDocumentAndTheRouterNameTheSameRoutes() async throws {
        let documented = try Self.documentedRoutes()
        #expect(documented.count > 20)
        try await FreshDatabase.withMigrated { _, owner in
            let server = APIServer(database: owner, reference: APIHarness.reference,
                                   settings: APISettings(today: { APIHarness.today }), logger: APIHarness.serverLogger)
            let served = server.routeList()
            let missingFromDocument = Set(served).subtracting(documented).sorted()
            let missingFromRouter = Set(documented).subtracting(served).sorted()
            #expect(missingFromDocument.isEmpty, "served but not in schemas/openapi.yaml: \(missingFromDocument)")
            #expect(missingFromRouter.isEmpty, "in schemas/openapi.yaml but not served: \(missingFromRouter)")
        }
    }
}
