import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Dunning policies: one `dunning_policies` row per version, its steps in `dunning_policy_steps`.
///
/// Versioning follows the schema: an edit is stored as a new policy (a new id) with the same
/// name and the next version. A tenant, creditor, debtor or invoice names one row; planning
/// uses the latest version of that row's name (`latestVersions`), so an edited policy applies
/// to the invoices that arrive after the edit, while planned invoices keep the ladder they
/// were planned with (`invoices.ladder`).
public struct DunningPolicyRepository: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores `policy` (already validated by its initialiser) for `tenantId`, with its steps,
    /// in one transaction. A second version is a new `DunningPolicy` with a new id, the same
    /// name and `version` + 1.
    public func create(_ policy: DunningPolicy, tenantId: TenantID) async throws {
        try await client.transaction(logger: logger) { connection in
            try await Self.insert(policy, tenantId: tenantId, on: connection, logger: logger)
        }
    }

    /// `create` inside the caller's transaction (the API's, scoped to a tenant).
    public static func insert(_ policy: DunningPolicy, tenantId: TenantID, on connection: PostgresConnection, logger: Logger) async throws {
        let steps = policy.steps
        try await connection.query(
            """
            INSERT INTO dunning_policies (tenant_id, id, name, version)
            VALUES (\(tenantId.uuid), \(policy.id.uuid), \(policy.name), \(policy.version))
            """,
            logger: logger
        )
        try await connection.query(
            """
            INSERT INTO dunning_policy_steps (tenant_id, policy_id, position, offset_days, channel, template_key,
                                              tone, min_amount_minor, min_amount_currency, debtor_kinds)
            SELECT \(tenantId.uuid), \(policy.id.uuid), s.position, s.offset_days, s.channel, s.template_key, s.tone,
                   NULLIF(s.min_minor, -1), NULLIF(s.min_currency, ''),
                   CASE WHEN s.kinds = '' THEN NULL ELSE string_to_array(s.kinds, ',') END
            FROM unnest(\(Array(steps.indices)), \(steps.map(\.offsetDays)), \(steps.map(\.channel.rawValue)),
                        \(steps.map(\.templateKey)), \(steps.map(\.tone.rawValue)),
                        \(steps.map { $0.conditions.minimumOutstanding?.minorUnits ?? -1 }),
                        \(steps.map { $0.conditions.minimumOutstanding?.currency.code ?? "" }),
                        \(steps.map { $0.conditions.debtorKinds.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "" }))
                 AS s(position, offset_days, channel, template_key, tone, min_minor, min_currency, kinds)
            """,
            logger: logger
        )
    }

    /// The tenant's policies, every version, by name then version (on the tenant's connection).
    public static func all(on connection: PostgresConnection, logger: Logger) async throws -> [DunningPolicy] {
        var ids: [DunningPolicyID] = []
        let rows = try await connection.query("SELECT id FROM dunning_policies ORDER BY name, version", logger: logger)
        for try await id in rows.decode(UUID.self) { ids.append(DunningPolicyID(id)) }
        let found = try await policies(ids, on: connection, logger: logger)
        return ids.compactMap { found[$0] }
    }

    /// The highest version stored under `name`, or nil.
    public static func latestVersion(named name: String, on connection: PostgresConnection, logger: Logger) async throws -> Int? {
        let rows = try await connection.query("SELECT max(version) FROM dunning_policies WHERE name = \(name)", logger: logger)
        for try await version in rows.decode(Int?.self) { return version }
        return nil
    }

    /// Exactly the policy row `id` (that version), or nil.
    public func policy(_ id: DunningPolicyID) async throws -> DunningPolicy? {
        try await client.withConnection { connection in
            try await Self.policies([id], on: connection, logger: logger)[id]
        }
    }

    /// For each id, the latest version of the policy it names (same tenant and name); ids
    /// that name no policy are absent.
    public func latestVersions(of ids: [DunningPolicyID]) async throws -> [DunningPolicyID: DunningPolicy] {
        try await client.withConnection { connection in
            try await Self.latestVersions(of: ids, on: connection, logger: logger)
        }
    }

    /// The policy that applies to `invoice`: the invoice's, else its debtor's, creditor's,
    /// tenant's, else the built-in French ladder — each named policy at its latest version.
    /// A named policy that does not exist is an error (`DunningPolicyError.policyNotFound`).
    public func resolve(for invoice: Invoice) async throws -> ResolvedPolicy {
        try await client.withConnection { connection in
            let context = try await PlanningContext.load(for: [invoice], on: connection, logger: logger)
            return try context.resolvedPolicy(for: invoice)
        }
    }

    static func latestVersions(
        of ids: [DunningPolicyID],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [DunningPolicyID: DunningPolicy] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT named.id, latest.id
            FROM dunning_policies named
            CROSS JOIN LATERAL (
                SELECT p.id FROM dunning_policies p
                WHERE p.tenant_id = named.tenant_id AND p.name = named.name
                ORDER BY p.version DESC LIMIT 1
            ) AS latest
            WHERE named.id = ANY(\(ids.map(\.uuid)))
            """,
            logger: logger
        )
        var latestOf: [DunningPolicyID: DunningPolicyID] = [:]
        for try await (named, latest) in rows.decode((UUID, UUID).self) {
            latestOf[DunningPolicyID(named)] = DunningPolicyID(latest)
        }
        let policies = try await policies(Array(Set(latestOf.values)), on: connection, logger: logger)
        return latestOf.compactMapValues { policies[$0] }
    }

    public static func policies(
        _ ids: [DunningPolicyID],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [DunningPolicyID: DunningPolicy] {
        guard !ids.isEmpty else { return [:] }
        let uuids = ids.map(\.uuid)
        var heads: [UUID: (name: String, version: Int)] = [:]
        let headRows = try await connection.query(
            "SELECT id, name, version FROM dunning_policies WHERE id = ANY(\(uuids))",
            logger: logger
        )
        for try await (id, name, version) in headRows.decode((UUID, String, Int).self) {
            heads[id] = (name, version)
        }
        var steps: [UUID: [DunningStep]] = [:]
        let stepRows = try await connection.query(
            """
            SELECT policy_id, offset_days, channel, template_key, tone, min_amount_minor, min_amount_currency::text,
                   debtor_kinds
            FROM dunning_policy_steps WHERE policy_id = ANY(\(uuids))
            ORDER BY policy_id, position
            """,
            logger: logger
        )
        for try await (policy, offset, channel, key, tone, minimum, currency, kinds) in stepRows.decode(
            (UUID, Int, String, String, String, Int64?, String?, [String]?).self
        ) {
            guard let channel = RelanceCore.Channel(rawValue: channel), let tone = Tone(rawValue: tone) else {
                throw StoreError(.corruptRecord, "policy \(policy) has a step with channel '\(channel)' and tone '\(tone)'")
            }
            var conditions = StepConditions.always
            if let minimum, let currency {
                conditions.minimumOutstanding = Money(minorUnits: minimum, currency: try Currency(code: currency))
            }
            if let kinds {
                conditions.debtorKinds = Set(try kinds.map { name in
                    guard let kind = DebtorKind(rawValue: name) else {
                        throw StoreError(.corruptRecord, "policy \(policy) has a step for unknown debtor kind '\(name)'")
                    }
                    return kind
                })
            }
            steps[policy, default: []].append(
                DunningStep(offsetDays: offset, channel: channel, templateKey: key, tone: tone, conditions: conditions)
            )
        }
        var result: [DunningPolicyID: DunningPolicy] = [:]
        for (id, head) in heads {
            do {
                result[DunningPolicyID(id)] = try DunningPolicy(
                    id: DunningPolicyID(id), name: head.name, version: head.version, steps: steps[id] ?? []
                )
            } catch {
                throw StoreError(.corruptRecord, "stored policy \(id) is not valid: \(error)", underlying: error)
            }
        }
        return result
    }
}
