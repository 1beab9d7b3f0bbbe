import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The post room's side of letters: the letter channel writes each letter as a PDF (outcome
/// `prepared`); a person prints and posts the day's letters from a manifest, then marks the
/// manifest posted. Only then is a registered letter a formal notice: its invoices'
/// `formal_notice_date` becomes the posting day (consumer interest runs from it, and the court
/// dossier cites it with the manifest that posted it).
///
/// The manifest of day D lists the letters prepared on D (in the post room's time zone) and
/// every earlier one not posted yet, so that a day nobody marked posted is carried over, never
/// lost. Marking D posted posts every letter of D's manifest; doing it again changes nothing.
public struct LetterPostings: Sendable {
    public let client: PostgresClient
    public let logger: Logger
    /// Whose calendar a letter's preparation day is read in.
    public let timeZone: TimeZone

    public init(client: PostgresClient, timeZone: TimeZone, logger: Logger) {
        self.client = client
        self.timeZone = timeZone
        self.logger = logger
    }

    /// One letter to print and post.
    public struct Line: Sendable, Hashable {
        public var jobId: UUID
        public var tenantId: UUID
        public var debtorId: UUID
        public var debtorName: String
        /// The address block the letter shows, lines joined by `, `.
        public var address: String
        public var pages: Int
        public var registered: Bool
        /// The PDF (`file://` URI).
        public var file: String
        public var sha256: String
        /// The day the letter was written, in the post room's zone (earlier than the manifest's
        /// day for a letter carried over).
        public var preparedOn: CalendarDate
        /// The manifest day it was posted with, once posted.
        public var postedOn: CalendarDate?
    }

    /// What marking a manifest posted did.
    public struct Posting: Sendable, Hashable {
        /// Letters this call marked posted (0 when the manifest had been posted already).
        public var letters: Int
        /// Of those, registered letters (formal notices).
        public var registeredLetters: Int
        /// Invoices whose formal-notice date this posting set.
        public var invoicesNoticed: Int
    }

    /// The manifest of `day`: letters prepared that day and earlier ones still unposted, plus
    /// those already posted with this day's manifest; oldest first. `tenant` narrows it to one
    /// tenant's letters.
    public func manifest(day: CalendarDate, tenant: UUID? = nil) async throws -> [Line] {
        let end = endOfDay(day)
        let rows = try await client.query(
            """
            SELECT o.job_id, o.tenant_id, o.debtor_id, d.name, COALESCE(o.detail ->> 'recipient', ''),
                   COALESCE((o.detail ->> 'pages')::int, 0), o.channel = 'registered_letter',
                   COALESCE(o.artefact_uri, ''), COALESCE(o.detail ->> 'sha256', ''),
                   (o.completed_at AT TIME ZONE \(timeZone.identifier))::date, p.manifest_day
            FROM job_outcomes o
            JOIN debtors d ON d.tenant_id = o.tenant_id AND d.id = o.debtor_id
            LEFT JOIN letter_postings p ON p.job_id = o.job_id
            WHERE o.outcome = 'prepared' AND o.channel IN ('letter', 'registered_letter')
              AND o.completed_at < \(end)
              AND (p.job_id IS NULL OR p.manifest_day = \(day))
              AND (\(tenant == nil) OR o.tenant_id = \(tenant ?? UUID()))
            ORDER BY o.completed_at, o.job_id
            """,
            logger: logger
        )
        var lines: [Line] = []
        for try await row in rows {
            var cells = RowCells(row)
            lines.append(Line(
                jobId: try cells.next(), tenantId: try cells.next(), debtorId: try cells.next(), debtorName: try cells.next(),
                address: try cells.next(),
                pages: try cells.next(), registered: try cells.next(), file: try cells.next(), sha256: try cells.next(),
                preparedOn: try cells.next(), postedOn: try cells.next()
            ))
        }
        return lines
    }

    /// Marks every letter of `day`'s manifest posted on `day`, and dates the formal notice of
    /// the invoices its registered letters carried (where not dated already), in one
    /// transaction.
    public func markPosted(day: CalendarDate, tenant: UUID? = nil) async throws -> Posting {
        let end = endOfDay(day)
        return try await client.transaction(logger: logger) { connection in
            let posted = try await connection.query(
                """
                WITH posted AS (
                    INSERT INTO letter_postings (job_id, tenant_id, manifest_day)
                    SELECT o.job_id, o.tenant_id, \(day)
                    FROM job_outcomes o
                    WHERE o.outcome = 'prepared' AND o.channel IN ('letter', 'registered_letter')
                      AND o.completed_at < \(end)
                      AND (\(tenant == nil) OR o.tenant_id = \(tenant ?? UUID()))
                    ON CONFLICT (job_id) DO NOTHING
                    RETURNING job_id
                )
                SELECT p.job_id, j.channel = 'registered_letter' FROM posted p JOIN jobs j ON j.id = p.job_id
                """,
                logger: logger
            )
            var letters = 0, registered: [UUID] = []
            for try await (jobId, isRegistered) in posted.decode((UUID, Bool).self) {
                letters += 1
                if isRegistered { registered.append(jobId) }
            }
            guard !registered.isEmpty else { return Posting(letters: letters, registeredLetters: 0, invoicesNoticed: 0) }
            let noticed = try await connection.query(
                """
                UPDATE invoices i SET formal_notice_date = \(day), updated_at = now()
                FROM schedule_steps s
                WHERE s.job_id = ANY(\(registered)) AND s.channel = 'registered_letter'
                  AND i.tenant_id = s.tenant_id AND i.id = s.invoice_id AND i.formal_notice_date IS NULL
                RETURNING i.id
                """,
                logger: logger
            )
            var invoices = 0
            for try await _ in noticed { invoices += 1 }
            return Posting(letters: letters, registeredLetters: registered.count, invoicesNoticed: invoices)
        }
    }

    /// The first moment after `day` in the post room's zone.
    private func endOfDay(_ day: CalendarDate) -> Date {
        day.adding(days: 1).moment(hour: 0, minute: 0, in: timeZone)
    }
}

extension LetterPostings.Line {
    /// The manifest's CSV columns.
    public static let csvHeader = ["job", "tenant", "debtor", "address", "pages", "registered", "file", "sha256", "prepared_on", "posted_on"]

    /// This line's CSV fields, in `csvHeader`'s order.
    public var csvFields: [String] {
        [jobId.uuidString.lowercased(), tenantId.uuidString.lowercased(), debtorName, address, String(pages),
         registered ? "yes" : "no", file, sha256, preparedOn.description, postedOn?.description ?? ""]
    }
}
