/// An invoice's collection state with the facts that go with it (the promise's date, the
/// plan's installments, the reason of a dispute or a pause).
///
/// `status` is the value stored in the `invoices.status` column. The JSON form is
/// `{"status": "promise_to_pay", "promise": {...}}`, with one detail key per state.
public enum InvoiceState: Sendable, Hashable, Codable {
    case open
    case partiallyPaid
    case promiseToPay(PromiseToPay)
    case paymentPlan(PaymentPlan)
    case disputed(Dispute)
    case paused(ManualPause)
    case paid(on: CalendarDate)
    case writtenOff(WriteOff)

    public var status: InvoiceStatus {
        switch self {
        case .open: .open
        case .partiallyPaid: .partiallyPaid
        case .promiseToPay: .promiseToPay
        case .paymentPlan: .paymentPlan
        case .disputed: .disputed
        case .paused: .paused
        case .paid: .paid
        case .writtenOff: .writtenOff
        }
    }

    /// Whether the dunning ladder runs on `date`, waits (until when, why) or has stopped (why).
    ///
    /// Time is taken into account without a stored transition: a promise past its date, a
    /// missed installment or a pause whose end has come make the ladder active again even
    /// before the state is advanced. (It assumes the invoice is still unpaid, which every
    /// non-terminal state implies.)
    public func ladderStatus(on date: CalendarDate) -> LadderStatus {
        switch self {
        case .open, .partiallyPaid:
            return .active(resumed: nil)
        case .promiseToPay(let promise):
            if promise.isBroken(on: date) {
                return .active(resumed: .brokenPromise(payBy: promise.payBy))
            }
            return .paused(resumesOn: promise.resumesOn, reason: .promiseToPay(payBy: promise.payBy))
        case .paymentPlan(let plan):
            if let missed = plan.missedInstallment(on: date) {
                return .active(resumed: .missedInstallment(missed))
            }
            // With every installment covered the invoice is paid once the settling payment is
            // recorded; until then the ladder keeps waiting.
            return .paused(resumesOn: plan.resumesOn, reason: .paymentPlan(nextInstallment: plan.firstUnpaidInstallment))
        case .disputed(let dispute):
            return .stopped(.disputed(reason: dispute.reason))
        case .paused(let pause):
            if let resumesOn = pause.resumesOn, date >= resumesOn {
                return .active(resumed: .pauseEnded(on: resumesOn))
            }
            return .paused(resumesOn: pause.resumesOn, reason: .manual(reason: pause.reason, by: pause.pausedBy))
        case .paid(let on):
            return .stopped(.paid(on: on))
        case .writtenOff(let writeOff):
            return .stopped(.writtenOff(reason: writeOff.reason))
        }
    }

    /// Why a step or job must be skipped on `date`, or nil when the ladder is active.
    public func skipReason(on date: CalendarDate) -> SkipReason? {
        ladderStatus(on: date).skipReason
    }

    private enum CodingKeys: String, CodingKey {
        case status, promise, plan, dispute, pause, paidOn, writeOff
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(InvoiceStatus.self, forKey: .status) {
        case .open: self = .open
        case .partiallyPaid: self = .partiallyPaid
        case .promiseToPay: self = .promiseToPay(try c.decode(PromiseToPay.self, forKey: .promise))
        case .paymentPlan: self = .paymentPlan(try c.decode(PaymentPlan.self, forKey: .plan))
        case .disputed: self = .disputed(try c.decode(Dispute.self, forKey: .dispute))
        case .paused: self = .paused(try c.decode(ManualPause.self, forKey: .pause))
        case .paid: self = .paid(on: try c.decode(CalendarDate.self, forKey: .paidOn))
        case .writtenOff: self = .writtenOff(try c.decode(WriteOff.self, forKey: .writeOff))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        switch self {
        case .open, .partiallyPaid: break
        case .promiseToPay(let promise): try c.encode(promise, forKey: .promise)
        case .paymentPlan(let plan): try c.encode(plan, forKey: .plan)
        case .disputed(let dispute): try c.encode(dispute, forKey: .dispute)
        case .paused(let pause): try c.encode(pause, forKey: .pause)
        case .paid(let on): try c.encode(on, forKey: .paidOn)
        case .writtenOff(let writeOff): try c.encode(writeOff, forKey: .writeOff)
        }
    }
}
