/// One way to pay, as a message lists it: `Virement bancaire` / `IBAN FR76 …`.
public struct MessagePaymentMethod: Sendable, Hashable, Codable {
    public var label: String
    public var details: String

    public init(label: String, details: String) {
        self.label = label
        self.details = details
    }
}
