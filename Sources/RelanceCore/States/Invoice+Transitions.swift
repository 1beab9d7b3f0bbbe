/// The invoice state machine: one pure function per transition. Each returns the invoice in
/// its new state or throws `InvoiceStateError` — `illegal_transition` when the current state
/// does not allow it, another code when its arguments make no sense. Nothing else changes.
///
/// | from \ to | payment (part / full) | dispute | promise | plan | pause | write off |
/// |---|---|---|---|---|---|---|
/// | open, partially_paid | partially_paid / paid | ✓ | ✓ | ✓ | ✓ | ✓ |
/// | promise_to_pay | stays / paid | ✓ | ✓ (new date) | ✓ | — | ✓ |
/// | payment_plan | stays / paid | ✓ | — | ✓ (renegotiated) | — | ✓ |
/// | disputed | stays / paid | — | — | — | — | ✓ |
/// | paused | stays / paid | ✓ | ✓ | ✓ | ✓ (changed) | ✓ |
/// | paid, written_off | — | — | — | — | — | — |
///
/// A disputed invoice leaves its state only through `resolvingDispute` (or a full payment);
/// a broken promise, a missed installment and the end of a pause return the invoice to
/// `open` or `partially_paid` (see `advanced(to:)`).
extension Invoice {
    /// The ladder's status on `date`; see `InvoiceState.ladderStatus(on:)`.
    public func ladderStatus(on date: CalendarDate) -> LadderStatus { state.ladderStatus(on: date) }

    /// Why a step or job for this invoice must be skipped on `date`; nil when the ladder runs.
    public func skipReason(on date: CalendarDate) -> SkipReason? { state.skipReason(on: date) }

    /// The state in which the ladder runs: `partially_paid` once something was paid, else `open`.
    var runningState: InvoiceState { outstanding == amount ? .open : .partiallyPaid }

    /// Records money received. A payment that settles the invoice makes it `paid` (the ladder
    /// stops); a part payment lowers `outstanding` — `open` becomes `partially_paid` and the
    /// ladder goes on for the rest, while a promise, plan, dispute or pause stays in place
    /// (a plan counts it towards its installments). Paying more than is owed is an error.
    public func recordingPayment(_ payment: Payment) throws(InvoiceStateError) -> Invoice {
        try requireNotTerminal("record a payment")
        guard payment.invoiceId == id else {
            throw InvoiceStateError(.wrongInvoice, "payment \(payment.id) is for invoice \(payment.invoiceId), not \(id)")
        }
        guard payment.amount.currency == amount.currency else {
            throw InvoiceStateError(.currencyMismatch, "payment of \(payment.amount) cannot settle invoice \(number) in \(amount.currency)")
        }
        guard payment.amount.isPositive else {
            throw InvoiceStateError(.nonPositiveAmount, "a payment must be positive, not \(payment.amount)")
        }
        guard payment.date >= issueDate else {
            throw InvoiceStateError(.dateBeforeIssue, "payment dated \(payment.date) precedes invoice \(number), issued \(issueDate)")
        }
        guard payment.amount.minorUnits <= outstanding.minorUnits else {
            throw InvoiceStateError(.overpayment, "payment of \(payment.amount) exceeds the \(outstanding) outstanding on invoice \(number)")
        }
        var next = self
        next.outstanding = Money(minorUnits: outstanding.minorUnits - payment.amount.minorUnits, currency: amount.currency)
        if next.outstanding.isZero {
            next.state = .paid(on: payment.date)
            return next
        }
        switch state {
        case .open, .partiallyPaid:
            next.state = .partiallyPaid
        case .paymentPlan(var plan):
            plan.paidSoFar = Money(minorUnits: plan.paidSoFar.minorUnits + payment.amount.minorUnits, currency: plan.currency)
            next.state = .paymentPlan(plan)
        case .promiseToPay, .disputed, .paused:
            break
        case .paid, .writtenOff:
            break  // excluded by requireNotTerminal
        }
        return next
    }

    /// The debtor contests the invoice: the ladder stops until the dispute is resolved.
    /// Allowed from every non-terminal state except `disputed`; a promise, plan or pause in
    /// place is dropped (resolving the dispute restarts from the outstanding amount).
    public func disputing(reason: String, on date: CalendarDate) throws(InvoiceStateError) -> Invoice {
        try requireNotTerminal("dispute it")
        if case .disputed = state { throw illegal("dispute it", "it is already disputed") }
        try requireReason(reason)
        var next = self
        next.state = .disputed(Dispute(openedOn: date, reason: reason))
        return next
    }

    /// Ends a dispute: `.resume` restarts the ladder (`open` or `partially_paid`), `.writeOff`
    /// abandons the debt. Only a disputed invoice can be resolved.
    public func resolvingDispute(_ resolution: DisputeResolution, on date: CalendarDate) throws(InvoiceStateError) -> Invoice {
        guard case .disputed = state else { throw illegal("resolve a dispute", "it is not disputed") }
        switch resolution {
        case .resume:
            var next = self
            next.state = runningState
            return next
        case .writeOff(let reason):
            try requireReason(reason)
            var next = self
            next.state = .writtenOff(WriteOff(on: date, reason: reason))
            return next
        }
    }

    /// The debtor promises to pay the outstanding by `payBy`: the ladder pauses through
    /// `payBy + graceDays`. Allowed from `open`, `partially_paid`, `paused` and an earlier
    /// promise (which the new one replaces); not while a plan runs or a dispute is open.
    public func promisingPayment(by payBy: CalendarDate, on date: CalendarDate, graceDays: Int = 0) throws(InvoiceStateError) -> Invoice {
        switch state {
        case .open, .partiallyPaid, .paused, .promiseToPay: break
        case .paymentPlan: throw illegal("record a promise to pay", "a payment plan is running")
        case .disputed: throw illegal("record a promise to pay", "it is disputed")
        case .paid, .writtenOff: try requireNotTerminal("record a promise to pay")
        }
        guard payBy >= date else {
            throw InvoiceStateError(.invalidDate, "a promise made on \(date) cannot be to pay by an earlier day (\(payBy))")
        }
        guard graceDays >= 0 else {
            throw InvoiceStateError(.invalidDate, "grace days cannot be negative (\(graceDays))")
        }
        var next = self
        next.state = .promiseToPay(PromiseToPay(madeOn: date, payBy: payBy, graceDays: graceDays))
        return next
    }

    /// A promise whose date (plus grace) has passed without full payment is broken: the ladder
    /// resumes. Throws `not_yet_due` before `resumesOn`.
    public func breakingPromise(on date: CalendarDate) throws(InvoiceStateError) -> Invoice {
        guard case .promiseToPay(let promise) = state else { throw illegal("break a promise", "there is no promise to pay") }
        guard promise.isBroken(on: date) else {
            throw InvoiceStateError(.notYetDue, "the promise to pay by \(promise.payBy) holds until \(promise.resumesOn.adding(days: -1))")
        }
        var next = self
        next.state = runningState
        return next
    }

    /// The debtor agrees to pay by installments that add up exactly to the outstanding amount:
    /// the ladder pauses while they are kept. Allowed from `open`, `partially_paid`, `paused`,
    /// a promise, or a running plan (renegotiation: the new plan covers what is still owed).
    public func agreeingPaymentPlan(_ plan: PaymentPlan) throws(InvoiceStateError) -> Invoice {
        switch state {
        case .open, .partiallyPaid, .paused, .promiseToPay, .paymentPlan: break
        case .disputed: throw illegal("agree a payment plan", "it is disputed")
        case .paid, .writtenOff: try requireNotTerminal("agree a payment plan")
        }
        guard plan.currency == amount.currency else {
            throw InvoiceStateError(.currencyMismatch, "a plan in \(plan.currency) cannot settle invoice \(number) in \(amount.currency)")
        }
        guard plan.paidSoFar.isZero, plan.total == outstanding else {
            throw InvoiceStateError(.planDoesNotMatchOutstanding, "the installments add up to \(plan.remaining), but \(outstanding) is outstanding")
        }
        var next = self
        next.state = .paymentPlan(plan)
        return next
    }

    /// An installment not paid by its due date plus grace: the plan is void and the ladder
    /// resumes. Throws `not_yet_due` when no installment is missed on `date`.
    public func missingInstallment(on date: CalendarDate) throws(InvoiceStateError) -> Invoice {
        guard case .paymentPlan(let plan) = state else { throw illegal("miss an installment", "there is no payment plan") }
        guard plan.missedInstallment(on: date) != nil else {
            throw InvoiceStateError(.notYetDue, "no installment of the plan is missed on \(date)")
        }
        var next = self
        next.state = runningState
        return next
    }

    /// A person pauses the ladder, with a reason, until `resumesOn` (the first day it runs
    /// again) or indefinitely (nil). Allowed from `open`, `partially_paid` and `paused` (the
    /// pause is replaced); a promise or plan already pauses the ladder, a dispute stops it.
    public func pausing(reason: String, by person: String, on date: CalendarDate, resumesOn: CalendarDate? = nil) throws(InvoiceStateError) -> Invoice {
        switch state {
        case .open, .partiallyPaid, .paused: break
        case .promiseToPay: throw illegal("pause the ladder", "a promise to pay already pauses it")
        case .paymentPlan: throw illegal("pause the ladder", "a payment plan already pauses it")
        case .disputed: throw illegal("pause the ladder", "it is disputed, which stops the ladder")
        case .paid, .writtenOff: try requireNotTerminal("pause the ladder")
        }
        try requireReason(reason)
        guard !person.trimmedWhitespace.isEmpty else {
            throw InvoiceStateError(.emptyReason, "say who pauses the ladder")
        }
        if let resumesOn, resumesOn <= date {
            throw InvoiceStateError(.invalidDate, "a pause from \(date) must end on a later day, not \(resumesOn)")
        }
        var next = self
        next.state = .paused(ManualPause(pausedOn: date, pausedBy: person, reason: reason, resumesOn: resumesOn))
        return next
    }

    /// A person resumes a paused ladder (at any time, before its planned end).
    public func resuming(on date: CalendarDate) throws(InvoiceStateError) -> Invoice {
        guard case .paused = state else { throw illegal("resume the ladder", "it is not paused") }
        var next = self
        next.state = runningState
        return next
    }

    /// A pause whose end date has come: the ladder resumes. Throws `not_yet_due` before that
    /// day or for an indefinite pause.
    public func endingPause(on date: CalendarDate) throws(InvoiceStateError) -> Invoice {
        guard case .paused(let pause) = state else { throw illegal("end a pause", "it is not paused") }
        guard let resumesOn = pause.resumesOn, date >= resumesOn else {
            throw InvoiceStateError(.notYetDue, pause.resumesOn.map { "the pause lasts until \($0)" } ?? "the pause has no end date; a person must resume it")
        }
        var next = self
        next.state = runningState
        return next
    }

    /// The creditor abandons the debt. Terminal. Allowed from every state but `paid` and
    /// `written_off`.
    public func writingOff(reason: String, on date: CalendarDate) throws(InvoiceStateError) -> Invoice {
        try requireNotTerminal("write it off")
        try requireReason(reason)
        var next = self
        next.state = .writtenOff(WriteOff(on: date, reason: reason))
        return next
    }

    /// Applies the transitions that time alone triggers on `date` — a broken promise, a
    /// missed installment, the end of a dated pause — and returns the invoice unchanged when
    /// none applies. The dispatcher stores the result so the state column tells the truth.
    public func advanced(to date: CalendarDate) -> Invoice {
        switch state {
        case .promiseToPay(let promise) where promise.isBroken(on: date):
            var next = self
            next.state = runningState
            return next
        case .paymentPlan(let plan) where plan.missedInstallment(on: date) != nil:
            var next = self
            next.state = runningState
            return next
        case .paused(let pause) where pause.resumesOn.map({ date >= $0 }) ?? false:
            var next = self
            next.state = runningState
            return next
        default:
            return self
        }
    }

    private func requireNotTerminal(_ action: String) throws(InvoiceStateError) {
        switch state {
        case .paid: throw illegal(action, "it is paid")
        case .writtenOff: throw illegal(action, "it is written off")
        default: break
        }
    }

    private func requireReason(_ reason: String) throws(InvoiceStateError) {
        guard !reason.trimmedWhitespace.isEmpty else {
            throw InvoiceStateError(.emptyReason, "a reason is required")
        }
    }

    private func illegal(_ action: String, _ because: String) -> InvoiceStateError {
        InvoiceStateError(.illegalTransition, "cannot \(action) on invoice \(number) (\(state.status.rawValue)): \(because)")
    }
}
