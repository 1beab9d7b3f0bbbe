import Foundation
import RelanceCore

/// What an operator pauses: a whole channel, a tenant, or a creditor.
public enum PauseScope: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case channel
    case tenant
    case creditor

    public var description: String { rawValue }
}

/// One paused thing, named as `operator_pauses` keys it: the scope, and a channel's name or the
/// tenant's or creditor's id in lower case.
public struct PauseTarget: Sendable, Hashable, CustomStringConvertible {
    public var scope: PauseScope
    public var target: String

    /// Reads a target as people type it: a channel's name (`email`, `letter`,
    /// `registered_letter`, `call`, `legal`), or an id; a malformed one is an `invalid_record`.
    public init(scope: PauseScope, target: String) throws {
        let text = target.trimmingCharacters(in: .whitespaces)
        switch scope {
        case .channel:
            guard Channel(rawValue: text) != nil else {
                let names = Channel.allCases.map(\.rawValue).joined(separator: ", ")
                throw StoreError(.invalidRecord, "'\(text)' is not a channel (\(names))")
            }
            self.target = text
        case .tenant, .creditor:
            guard let id = UUID(uuidString: text) else {
                throw StoreError(.invalidRecord, "'\(text)' is not a \(scope) id")
            }
            self.target = id.uuidString.lowercased()
        }
        self.scope = scope
    }

    public init(_ channel: Channel) {
        scope = .channel
        target = channel.rawValue
    }

    public init(_ tenant: TenantID) {
        scope = .tenant
        target = tenant.uuid.uuidString.lowercased()
    }

    public init(_ creditor: CreditorID) {
        scope = .creditor
        target = creditor.uuid.uuidString.lowercased()
    }

    /// As the audit log names it: `channel:email`, `tenant:<id>`, `creditor:<id>`.
    public var description: String { "\(scope.rawValue):\(target)" }
}

/// A pause in force: what, about which tenant (none for a channel), why, by whom, since when.
public struct OperatorPause: Sendable, Hashable {
    public var target: PauseTarget
    public var tenantId: TenantID?
    public var reason: String
    /// "operator:<key name>" or "cli:<user>@<host>".
    public var pausedBy: String
    public var pausedAt: Date

    public init(target: PauseTarget, tenantId: TenantID?, reason: String, pausedBy: String, pausedAt: Date) {
        self.target = target
        self.tenantId = tenantId
        self.reason = reason
        self.pausedBy = pausedBy
        self.pausedAt = pausedAt
    }
}

/// What a pause or a resume did: a pause may find the thing paused already (its pause is kept,
/// nothing written), a resume may find it not paused.
public enum PauseChange: Sendable, Hashable {
    case paused(OperatorPause)
    case alreadyPaused(OperatorPause)
    case resumed(OperatorPause)
    case notPaused(PauseTarget)
}
