import Foundation
import PostgresNIO
import RelanceCore
import RelanceStore
import RelanceTestSupport
import Testing

@Suite("relance ops pause, resume, paused")
struct OpsPauseCommandTests {
    @Test("pause needs a reason; a second pause and a resume of what is not paused say so; both changes audited under cli:")
    func pauseAndResume() async throws {
        try await FreshDatabase.withMigrated { url, client in
            let environment: [String: String?] = ["RELANCE_DATABASE_URL": url.urlWithPassword, "USER": "claire", "SUDO_USER": nil]

            let noReason = try RelanceProcess.run(["ops", "pause", "channel", "email"], environment: environment)
            #expect(noReason.status != 0)
            #expect(noReason.stderr.contains("--reason"))
            let badChannel = try RelanceProcess.run(["ops", "pause", "channel", "fax", "--reason", "x"], environment: environment)
            #expect(badChannel.status != 0 && badChannel.stderr.contains("not a channel"))

            let paused = try RelanceProcess.run(["ops", "pause", "channel", "email", "--reason", "SMTP relay blacklisted"], environment: environment)
            #expect(paused.status == 0, "\(paused.stderr)")
            #expect(paused.stdout.contains("paused channel:email: SMTP relay blacklisted"))
            let again = try RelanceProcess.run(["ops", "pause", "channel", "email", "--reason", "again"], environment: environment)
            #expect(again.status == 0 && again.stdout.contains("already paused") && again.stdout.contains("nothing changed"))

            let list = try RelanceProcess.run(["ops", "paused", "--json"], environment: environment)
            #expect(list.stdout.contains(#""target":"email""#) && list.stdout.contains(#""paused_by":"cli:claire@"#))

            let resumed = try RelanceProcess.run(["ops", "resume", "channel", "email"], environment: environment)
            #expect(resumed.status == 0 && resumed.stdout.hasPrefix("resumed channel:email"))
            let notPaused = try RelanceProcess.run(["ops", "resume", "channel", "email"], environment: environment)
            #expect(notPaused.status == 0 && notPaused.stdout.contains("is not paused"))
            #expect(try RelanceProcess.run(["ops", "paused"], environment: environment).stdout.contains("nothing is paused"))

            let audit = try await OpsAuditLog(session: client, logger: FreshDatabase.logger).entries()
            #expect(audit.map(\.action) == ["resume", "pause"])
            #expect(audit.allSatisfy { $0.actor.hasPrefix("cli:claire@") && $0.target == "channel:email" })
        }
    }
}
