import Foundation
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelanceFixtures
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Testing

/// A dossier waits for review, then is filed (who, when, the court's reference) or withdrawn,
/// once; a redelivered job does not reopen it.
@Suite("Legal filing status")
struct FilingStatusTests {
    @Test("ready_for_review → filed with who and the reference; filed again, withdrawn after, or unknown: a clear refusal")
    func filed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = LegalDossierChannelTests.parisFile()
        try await FreshDatabase.withMigrated { _, client in
            try await file.seed(client)
            let channel = LegalDossierChannelTests.channel(client, directory)
            _ = try await channel.perform(try file.channelJob())
            let filings = LegalFilings(client: client, logger: FreshDatabase.logger)
            let waiting = try #require(try await filings.list(status: .readyForReview).first)

            // By the job's id, as the outcome names it.
            let filed = try await filings.markFiled(file.job.jobId, by: "Claire Dubois", reference: "RG 26/01234")
            #expect(filed.id == waiting.id)
            #expect(filed.status == .filed)
            #expect(filed.filedBy == "Claire Dubois")
            #expect(filed.filingReference == "RG 26/01234")
            #expect(filed.filedAt != nil)
            #expect(try await filings.list(status: .readyForReview).isEmpty)
            #expect(try await filings.list(tenant: file.tenant.id.uuid, status: .filed).map(\.id) == [waiting.id])
            #expect(try await filings.list(tenant: UUID()).isEmpty)

            do {
                _ = try await filings.markFiled(waiting.id, by: "Marc Petit", reference: nil)
                Issue.record("a filed dossier was filed again")
            } catch let error as StoreError {
                #expect(error.code == .invalidRecord)
                #expect(error.message.contains("was already filed by Claire Dubois"))
                #expect(error.message.contains("(reference RG 26/01234)"))
            }
            do {
                _ = try await filings.markWithdrawn(waiting.id, by: "Marc Petit")
                Issue.record("a filed dossier was withdrawn")
            } catch let error as StoreError {
                #expect(error.code == .invalidRecord)
            }
            do {
                _ = try await filings.markFiled(UUID(), by: "Marc Petit", reference: nil)
                Issue.record("an unknown filing was filed")
            } catch let error as StoreError {
                #expect(error.code == .notFound)
            }

            // The job redelivered after filing: the dossier the court has is left as it is.
            let filedCopy = Data("the copy filed with the court".utf8)
            try filedCopy.write(to: URL(fileURLWithPath: waiting.pdfPath))
            let redelivered = try await channel.perform(try file.channelJob(attempt: 2))
            #expect(redelivered.outcome == .prepared)
            #expect(redelivered.artefactURI == URL(fileURLWithPath: waiting.pdfPath).absoluteString)
            #expect(try Data(contentsOf: URL(fileURLWithPath: waiting.pdfPath)) == filedCopy)
            let after = try #require(try await filings.filing(waiting.id))
            #expect(after.status == .filed && after.filedBy == "Claire Dubois")
            #expect(after.pdfSHA256 == waiting.pdfSHA256)
            #expect(try await LegalDossierFixture.filingCount(client) == 1)
        }
    }

    @Test("ready_for_review → withdrawn, once")
    func withdrawn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = LegalDossierChannelTests.parisFile()
        try await FreshDatabase.withMigrated { _, client in
            try await file.seed(client)
            _ = try await LegalDossierChannelTests.channel(client, directory).perform(try file.channelJob())
            let filings = LegalFilings(client: client, logger: FreshDatabase.logger)
            let withdrawn = try await filings.markWithdrawn(file.job.jobId, by: "Marc Petit")
            #expect(withdrawn.status == .withdrawn && withdrawn.withdrawnBy == "Marc Petit")
            do {
                _ = try await filings.markFiled(file.job.jobId, by: "Claire Dubois", reference: nil)
                Issue.record("a withdrawn dossier was filed")
            } catch let error as StoreError {
                #expect(error.message.contains("was withdrawn by Marc Petit"))
            }
        }
    }
}
