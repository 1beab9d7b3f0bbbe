/// The names of the templates the default French ladder uses. Keys are open: a tenant may ship
/// more; an unknown key is an error when rendering, never a silent default.
public enum TemplateKey {
    /// Courteous email before or at the due date.
    public static let reminderCourteous = "reminder.courteous"
    /// Neutral email after the due date.
    public static let reminderNeutral = "reminder.neutral"
    /// Firmer email.
    public static let reminderFirm = "reminder.firm"
    /// Phone call briefing for an agent.
    public static let callFirst = "call.first"
    /// Letter recalling the actions taken and those to come.
    public static let letterRecap = "letter.recap"
    /// Formal notice (mise en demeure), by registered letter.
    public static let noticeFormal = "notice.formal"
    /// Cover summary of the court payment-order dossier (injonction de payer).
    public static let legalPaymentOrder = "legal.payment_order"

    /// Every key above.
    public static let all = [
        reminderCourteous, reminderNeutral, reminderFirm, callFirst, letterRecap, noticeFormal, legalPaymentOrder,
    ]
}
