import Foundation

extension DunningPolicy {
    /// The id of the built-in French ladder, the same on every installation.
    public static let defaultFrenchId = DunningPolicyID(UUID(uuidString: "5E1A4CE0-0000-4000-8000-00000000F001")!)

    /// The built-in ladder, used when a tenant has chosen none. It follows French practice:
    /// vary the channel and raise the pressure one step at a time, from a courteous email to
    /// a court payment order.
    ///
    /// | offset | channel | key | tone | why |
    /// |---|---|---|---|---|
    /// | −3 | email | `reminder.courteous` | courteous | a heads-up before the due date: most late payments are oversights |
    /// | +3 | email | `reminder.courteous` | courteous | the invoice is unpaid: a polite note, still assuming an oversight |
    /// | +10 | email | `reminder.firm` | firm | overdue; late-payment penalties accrue; what happens next |
    /// | +15 | call | `call.first` | neutral | a person calls: find out why, get a promise or agree a plan |
    /// | +25 | letter | `letter.recap` | firm | a letter recalling what was done and announcing what comes next |
    /// | +35 | registered_letter | `notice.formal` | firm | mise en demeure with the penalties and the 40 € indemnity |
    /// | +50 | legal | `legal.payment_order` | firm | prepare the injonction de payer dossier |
    ///
    /// The legal step applies to business debtors owing at least 150 € only. Below that the
    /// court and service costs outweigh the claim; and taking a private person to court is a
    /// decision a person should make, so for consumers the automatic ladder ends with the
    /// formal notice (a tenant can add a consumer legal step to its own policy).
    public static let defaultFrench: DunningPolicy = {
        let steps = [
            DunningStep(offsetDays: -3, channel: .email, templateKey: StandardStepKey.courteousReminder, tone: .courteous),
            DunningStep(offsetDays: 3, channel: .email, templateKey: StandardStepKey.courteousReminder, tone: .courteous),
            DunningStep(offsetDays: 10, channel: .email, templateKey: StandardStepKey.firmReminder, tone: .firm),
            DunningStep(offsetDays: 15, channel: .call, templateKey: StandardStepKey.firstCall, tone: .neutral),
            DunningStep(offsetDays: 25, channel: .letter, templateKey: StandardStepKey.recapLetter, tone: .firm),
            DunningStep(offsetDays: 35, channel: .registeredLetter, templateKey: StandardStepKey.formalNotice, tone: .firm),
            DunningStep(
                offsetDays: 50, channel: .legal, templateKey: StandardStepKey.paymentOrder, tone: .firm,
                conditions: StepConditions(
                    minimumOutstanding: Money(minorUnits: 150_00, currency: .eur),
                    debtorKinds: [.business]
                )
            ),
        ]
        do {
            return try DunningPolicy(id: defaultFrenchId, name: "Relance par défaut (France)", version: 1, steps: steps)
        } catch {
            fatalError("the built-in ladder is invalid: \(error)")
        }
    }()
}
