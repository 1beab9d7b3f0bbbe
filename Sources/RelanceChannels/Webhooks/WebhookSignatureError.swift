/// Why a received `Relance-Signature` was refused.
public enum WebhookSignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The header has no `t=` timestamp or no `v1=` signature in hexadecimal.
    case malformed
    /// The timestamp is further from now than the tolerance: a replay, or a clock far off.
    case outsideTolerance
    /// No signature matches the body and the secret.
    case mismatch

    public var description: String {
        switch self {
        case .malformed: "the signature header is malformed"
        case .outsideTolerance: "the signature's timestamp is outside the tolerance"
        case .mismatch: "the signature does not match the body"
        }
    }
}
