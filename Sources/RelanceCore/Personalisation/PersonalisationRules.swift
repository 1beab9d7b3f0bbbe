/// The thresholds personalisation decides by. Every field has a default a tenant may change;
/// all comparisons are on whole numbers so a decision never hangs on rounding.
public struct PersonalisationRules: Sendable, Hashable, Codable {
    /// Fewer settled invoices than this: a new debtor, policy as written.
    public var minimumHistory: Int = 3
    /// Reliable: at least this percentage of invoices paid on time…
    public var reliableOnTimePercent: Int = 80
    /// …and at most this many days late on average.
    public var reliableMaximumMeanDaysLate: Int = 5
    /// Chronically late: fewer than this percentage paid on time…
    public var chronicOnTimePercentBelow: Int = 50
    /// …or at least this many days late on average.
    public var chronicMinimumMeanDaysLate: Int = 15
    /// Deteriorating: a payer reliable before the recent window whose recent invoices were
    /// paid on average at least this many days later than before.
    public var deteriorationDays: Int = 10
    /// Where the early call of a reliable or deteriorating payer goes, in days after the due date.
    public var earlyCallOffsetDays: Int = 5
    /// Recent invoices paid in parts that signal short cash.
    public var partPaymentsSignal: Int = 2
    /// Installments offered in a payment plan when the amount allows.
    public var preferredInstallments: Int = 3
    /// No installment below this many major units (euros); fewer installments are offered
    /// instead, and no plan below two of them.
    public var minimumInstallmentMajorUnits: Int64 = 50
    /// Days from the offer to the first installment.
    public var firstInstallmentAfterDays: Int = 14
    /// Grace days of each installment.
    public var installmentGraceDays: Int = 5

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case minimumHistory, reliableOnTimePercent, reliableMaximumMeanDaysLate
        case chronicOnTimePercentBelow, chronicMinimumMeanDaysLate, deteriorationDays
        case earlyCallOffsetDays, partPaymentsSignal, preferredInstallments
        case minimumInstallmentMajorUnits, firstInstallmentAfterDays, installmentGraceDays
    }

    /// Decodes the fields present and keeps the default of every missing one, so a tenant's
    /// JSON names only what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let value = try c.decodeIfPresent(Int.self, forKey: .minimumHistory) { minimumHistory = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .reliableOnTimePercent) { reliableOnTimePercent = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .reliableMaximumMeanDaysLate) { reliableMaximumMeanDaysLate = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .chronicOnTimePercentBelow) { chronicOnTimePercentBelow = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .chronicMinimumMeanDaysLate) { chronicMinimumMeanDaysLate = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .deteriorationDays) { deteriorationDays = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .earlyCallOffsetDays) { earlyCallOffsetDays = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .partPaymentsSignal) { partPaymentsSignal = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .preferredInstallments) { preferredInstallments = value }
        if let value = try c.decodeIfPresent(Int64.self, forKey: .minimumInstallmentMajorUnits) { minimumInstallmentMajorUnits = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .firstInstallmentAfterDays) { firstInstallmentAfterDays = value }
        if let value = try c.decodeIfPresent(Int.self, forKey: .installmentGraceDays) { installmentGraceDays = value }
    }
}
