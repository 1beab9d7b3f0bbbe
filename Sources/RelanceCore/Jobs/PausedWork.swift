/// What operators have paused (`operator_pauses`): whole channels, tenants and creditors. A
/// paused thing's due steps are not claimed and its jobs already published are held, not acted
/// on, until it is resumed. Not the tenant-facing pause of an invoice or a debtor, which is an
/// invoice state.
public struct PausedWork: Sendable, Hashable {
    public var channels: Set<Channel>
    public var tenants: Set<TenantID>
    public var creditors: Set<CreditorID>

    public init(channels: Set<Channel> = [], tenants: Set<TenantID> = [], creditors: Set<CreditorID> = []) {
        self.channels = channels
        self.tenants = tenants
        self.creditors = creditors
    }

    /// Nothing is paused.
    public var isEmpty: Bool { channels.isEmpty && tenants.isEmpty && creditors.isEmpty }

    /// Whether work of `tenant` (for `creditor`, when known) on `channel` is held.
    public func holds(tenant: TenantID, creditor: CreditorID?, channel: Channel) -> Bool {
        guard !isEmpty else { return false }
        if channels.contains(channel) || tenants.contains(tenant) { return true }
        return creditor.map(creditors.contains) ?? false
    }
}
