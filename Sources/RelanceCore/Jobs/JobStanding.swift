/// What the system of record knows of a job a message names.
public enum JobStanding: Sendable, Hashable {
    /// The job exists for that tenant and has no outcome yet: act on it.
    case awaiting
    /// The job has an outcome already (a redelivered message): only acknowledge it.
    case done
    /// No such tenant.
    case unknownTenant
    /// The tenant exists but has no such job (outcomes are recorded only for known jobs).
    case unknownJob
}
