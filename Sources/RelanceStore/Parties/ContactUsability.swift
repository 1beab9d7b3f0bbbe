import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// What happens when the other end refuses a debtor's contact point for good — an SMTP relay
/// answering 5xx to the recipient, an agent finding the number is not the debtor's: the
/// debtor's row says since when and why, the debtor's planned steps on that channel are
/// skipped (`status_reason` `email_unusable` / `phone_unusable`), and the next planned step of
/// each invoice concerned falls due at once, so the ladder goes on by another channel (a
/// letter) instead of waiting for, or stopping at, a step that cannot reach anyone.
public enum ContactUsability {
    /// One refusal.
    public struct Refusal: Sendable, Hashable {
        public var tenantId: UUID
        public var debtorId: UUID
        public var contact: ContactPoint
        public var reason: String
        /// Steps the refused contact carried: their invoices' ladders go on at once.
        public var invoiceSteps: [UUID]

        public init(tenantId: UUID, debtorId: UUID, contact: ContactPoint, reason: String, invoiceSteps: [UUID]) {
            self.tenantId = tenantId
            self.debtorId = debtorId
            self.contact = contact
            self.reason = reason
            self.invoiceSteps = invoiceSteps
        }
    }

    /// Applies `refusals` on `connection` (inside the caller's transaction, so that the mark
    /// and the outcome that caused it commit together).
    ///
    /// - Parameter moment: when the refusal happened (the pipeline's clock); nil: the
    ///   database's.
    public static func markUnusable(_ refusals: [Refusal], at moment: Date? = nil, on connection: PostgresConnection, logger: Logger) async throws {
        for contact in ContactPoint.allCases {
            let these = refusals.filter { $0.contact == contact }
            guard !these.isEmpty else { continue }
            let tenants = these.map(\.tenantId), debtors = these.map(\.debtorId), reasons = these.map(\.reason)
            switch contact {
            case .email:
                try await connection.query(
                    """
                    UPDATE debtors d SET email_unusable_since = now(), email_unusable_reason = r.reason
                    FROM unnest(\(tenants), \(debtors), \(reasons)) AS r(tenant_id, debtor_id, reason)
                    WHERE d.tenant_id = r.tenant_id AND d.id = r.debtor_id AND d.email_unusable_since IS NULL
                    """,
                    logger: logger
                )
            case .phone:
                try await connection.query(
                    """
                    UPDATE debtors d SET phone_unusable_since = now(), phone_unusable_reason = r.reason
                    FROM unnest(\(tenants), \(debtors), \(reasons)) AS r(tenant_id, debtor_id, reason)
                    WHERE d.tenant_id = r.tenant_id AND d.id = r.debtor_id AND d.phone_unusable_since IS NULL
                    """,
                    logger: logger
                )
            }
            try await connection.query(
                """
                UPDATE schedule_steps s SET status = 'skipped', status_reason = \(contact.skipReason), updated_at = now()
                FROM unnest(\(tenants), \(debtors)) AS r(tenant_id, debtor_id)
                WHERE s.tenant_id = r.tenant_id AND s.debtor_id = r.debtor_id AND s.status = 'planned'
                  AND s.channel = \(contact.channel.rawValue)
                """,
                logger: logger
            )
            for refusal in these where !refusal.invoiceSteps.isEmpty {
                try await moveLadderOn(after: refusal.invoiceSteps, at: moment, why: contact.skipReason, on: connection, logger: logger)
            }
        }
    }

    /// Brings forward the next planned step of each invoice that `steps` (the steps of a job
    /// that could not reach the debtor) belong to, so that it falls due at `moment` (nil: the
    /// database's now) and is sent when claimed (`ScheduleStepStatus.movedUpReason(why)`):
    /// the ladder goes on at once by its next step instead of waiting for that step's date.
    public static func moveLadderOn(
        after steps: [UUID], at moment: Date?, why: String, on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !steps.isEmpty else { return }
        try await connection.query(
            """
            UPDATE schedule_steps s
            SET due_at = LEAST(s.due_at, COALESCE(\(moment), now())), status_reason = \(ScheduleStepStatus.movedUpReason(why)),
                updated_at = now()
            FROM (
                SELECT DISTINCT ON (n.invoice_id) n.id
                FROM schedule_steps c
                JOIN schedule_steps n ON n.tenant_id = c.tenant_id AND n.invoice_id = c.invoice_id
                                     AND n.status = 'planned' AND n.position > c.position
                WHERE c.id = ANY(\(steps))
                ORDER BY n.invoice_id, n.position
            ) AS next
            WHERE s.id = next.id
            """,
            logger: logger
        )
    }
}
