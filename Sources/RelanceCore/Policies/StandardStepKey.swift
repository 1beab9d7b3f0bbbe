/// The template keys of the default French ladder (`DunningPolicy.defaultFrench`). The
/// templates shipped with Relance provide each of them in every language.
///
/// | key | channel | purpose |
/// |---|---|---|
/// | `reminder.courteous` | email | friendly reminder; before the due date it announces it, after it notes the invoice is unpaid (the template tells them apart by `daysPastDue`) |
/// | `reminder.firm` | email | firmer reminder: the invoice is overdue, penalties accrue, next steps |
/// | `call.first` | call | phone-call task for an agent: script, amounts, what to propose (promise, plan) |
/// | `letter.recap` | letter | letter recalling the reminders sent so far and the actions to come |
/// | `notice.formal` | registered_letter | mise en demeure: formal notice with the late-payment penalties and a deadline |
/// | `legal.payment_order` | legal | dossier for a court payment order (injonction de payer) |
public enum StandardStepKey {
    public static let courteousReminder = "reminder.courteous"
    public static let firmReminder = "reminder.firm"
    public static let firstCall = "call.first"
    public static let recapLetter = "letter.recap"
    public static let formalNotice = "notice.formal"
    public static let paymentOrder = "legal.payment_order"

    /// Every standard key, in ladder order.
    public static let all = [courteousReminder, firmReminder, firstCall, recapLetter, formalNotice, paymentOrder]
}
