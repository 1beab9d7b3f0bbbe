import Foundation
import Testing
import RelanceAPI
import RelancePipeline
import RelanceTestSupport

/// `/health`, `/ready` and `/metrics`: no key needed; `/ready` answers 503 naming what is wrong.
@Suite("Health, readiness and metrics endpoints")
struct OperationalEndpointTests {
    @Test("/health answers while the process lives; /ready is 200 when every check passes")
    func healthAndReady() async throws {
        try await APIHarness.run { api in
            let health = try await api.call("GET", "/health", key: nil)
            #expect(health.status == 200)
            #expect(health.string("status") == "alive")
            let ready = try await api.call("GET", "/ready", key: nil)
            #expect(ready.status == 200)
            #expect(ready.json["ready"] as? Bool == true)
        }
    }

    @Test("/ready is 503 and names the failing check and the part a role reported")
    func notReady() async throws {
        let readiness = Readiness()
        readiness.notReady("broker.consumer.relance.email", "lost the connection consuming relance.email")
        let health = HealthChecks(readiness: readiness, checks: [
            ("database", { "the database cannot be reached: connection refused" }),
            ("broker", { nil }),
            ("slow", { try? await Task.sleep(for: .seconds(30)); return nil }),
        ], timeout: .milliseconds(300))
        let problems = await health.problems()
        #expect(problems["database"] == "the database cannot be reached: connection refused")
        #expect(problems["broker"] == nil)
        #expect(problems["slow"]?.contains("no answer") == true)
        #expect(problems["broker.consumer.relance.email"]?.contains("lost the connection") == true)
        readiness.ready("broker.consumer.relance.email")
        #expect(await health.problems()["broker.consumer.relance.email"] == nil)
    }

    @Test("/metrics serves the Prometheus text format, with the API's requests and the pipeline's figures")
    func metrics() async throws {
        RelanceMetrics.bootstrap()
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            _ = try await api.call("GET", "/v1/invoices", key: tenant.key)
            let metrics = try await api.call("GET", "/metrics", key: nil)
            #expect(metrics.status == 200)
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            // Hummingbird's request figures, their names made valid for Prometheus.
            #expect(metrics.text.contains("hb_requests"))
            #expect(metrics.text.contains("http_server_request_duration"))
            #expect(metrics.text.contains(#"http_route="/v1/invoices""#))
            for line in metrics.text.split(separator: "\n") where !line.hasPrefix("#") {
                #expect(line.range(of: #"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? -?[0-9.e+Inf-]+$"#, options: .regularExpression) != nil,
                        "a valid sample line: \(line)")
            }
        }
    }
}
