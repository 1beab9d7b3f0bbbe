/// Everything a reminder, letter, call briefing or dossier cover may say, typed. The renderer
/// turns it into formatted template data (`templateValue`) whose shape is `schema`.
public struct MessageContext: Sendable, Hashable {
    public var language: Language
    /// This message's own reference and date.
    public var letter: LetterReference
    public var debtor: LetterParty
    public var debtorKind: DebtorKind
    public var creditor: LetterParty
    /// Set when a collection agency sends the message for the creditor.
    public var agency: MessageAgency?
    /// At least one.
    public var invoices: [MessageInvoice]
    public var penalties: MessagePenalties
    /// Actions already taken, oldest first.
    public var history: [MessageAction]
    public var nextStep: MessageNextStep?
    public var paymentDeadline: CalendarDate
    /// At least one.
    public var paymentMethods: [MessagePaymentMethod]

    public init(
        language: Language,
        letter: LetterReference,
        debtor: LetterParty,
        debtorKind: DebtorKind,
        creditor: LetterParty,
        agency: MessageAgency? = nil,
        invoices: [MessageInvoice],
        penalties: MessagePenalties,
        history: [MessageAction] = [],
        nextStep: MessageNextStep? = nil,
        paymentDeadline: CalendarDate,
        paymentMethods: [MessagePaymentMethod]
    ) {
        self.language = language
        self.letter = letter
        self.debtor = debtor
        self.debtorKind = debtorKind
        self.creditor = creditor
        self.agency = agency
        self.invoices = invoices
        self.penalties = penalties
        self.history = history
        self.nextStep = nextStep
        self.paymentDeadline = paymentDeadline
        self.paymentMethods = paymentMethods
    }

    /// The totals a message shows: invoiced, outstanding (the principal), penalties, and the
    /// sum due.
    public struct Totals: Sendable, Hashable {
        public let invoiced: Money
        public let outstanding: Money
        public let penalties: Money
        public let due: Money
    }

    /// Sums the invoices and penalties; throws on mixed currencies.
    public func totals() throws(TemplateError) -> Totals {
        guard let currency = invoices.first?.amount.currency else {
            throw TemplateError(.invalidContext, "a message needs at least one invoice")
        }
        do {
            let invoiced = try Money.sum(invoices.map(\.amount), currency: currency)
            let outstanding = try Money.sum(invoices.map(\.outstanding), currency: currency)
            let penalties = try penalties.total()
            return Totals(invoiced: invoiced, outstanding: outstanding, penalties: penalties, due: try outstanding.adding(penalties))
        } catch {
            throw TemplateError(.invalidContext, "the message's amounts cannot be added up: \(error.message)")
        }
    }

    /// Days `invoice` is late on this message's date (0 when not yet due).
    public func daysLate(_ invoice: MessageInvoice) -> Int {
        max(0, invoice.dueDate.days(until: letter.date))
    }

    // MARK: - Template data

    /// The names templates may use. See templates/README.md for what each one holds.
    public static let schema: TemplateSchema = {
        let party: [String: TemplateSchema] = [
            "name": .text,
            "address": .list(.text),
            "addressInline": .text,
            "contactName": .optional(.text),
            "phone": .optional(.text),
            "email": .optional(.text),
        ]
        let reference: TemplateSchema = .object(["reference": .text, "date": .text])
        var agency = party
        agency["activityStatement"] = .text
        agency["costsArticle"] = .object(["citation": .text, "paragraphs": .list(.text)])
        agency["firstLetter"] = .optional(reference)
        var debtor = party
        debtor["isBusiness"] = .flag
        debtor["isConsumer"] = .flag
        return .object([
            "language": .text,
            "letter": reference,
            "debtor": .object(debtor),
            "creditor": .object(party),
            "sender": .object(party),
            "agency": .optional(.object(agency)),
            "invoices": .list(.object([
                "number": .text,
                "issueDate": .text,
                "dueDate": .text,
                "amount": .text,
                "outstanding": .text,
                "daysLate": .text,
                "daysLateText": .text,
                "isOverdue": .flag,
            ])),
            "invoiceCount": .text,
            "invoiceNumbers": .text,
            "hasSeveralInvoices": .flag,
            "isOverdue": .flag,
            "totals": .object(["invoiced": .text, "outstanding": .text, "penalties": .text, "due": .text]),
            "penalties": .object([
                "interest": .text,
                "fixedIndemnity": .text,
                "total": .text,
                "rate": .optional(.text),
                "rateDescription": .optional(.text),
                "hasInterest": .flag,
                "hasFixedIndemnity": .flag,
                "hasPenalties": .flag,
            ]),
            "history": .list(.object(["date": .text, "channel": .text, "summary": .text])),
            "hasHistory": .flag,
            "nextStep": .optional(.object(["channel": .text, "action": .text, "date": .text])),
            "paymentDeadline": .text,
            "paymentMethods": .list(.object(["label": .text, "details": .text])),
        ])
    }()

    /// The context as formatted template data, in the context's language.
    ///
    /// - Parameter agencyRules: the wording an agency's letters carry (activity statement and
    ///   the reproduced article), from the compliance rule set.
    public func templateValue(agencyRules: CollectionAgencyRules) throws(TemplateError) -> TemplateValue {
        guard !paymentMethods.isEmpty else {
            throw TemplateError(.invalidContext, "a message needs at least one payment method")
        }
        let totals = try totals()
        let currency = totals.due.currency
        for invoice in invoices where invoice.amount.currency != currency || invoice.outstanding.currency != currency {
            throw TemplateError(.invalidContext, "invoice \(invoice.number) is not in \(currency.code) like the others")
        }
        let format = MessageFormatter(language: language)

        func text(_ value: String) -> TemplateValue { .text(value) }
        func reference(_ reference: LetterReference) -> TemplateValue {
            .object(["reference": text(reference.reference), "date": text(format.date(reference.date))])
        }
        func party(_ party: LetterParty) -> [String: TemplateValue] {
            // Sized once: growing a dictionary rehashes it (this runs for every message).
            var fields = [String: TemplateValue](minimumCapacity: 11)
            fields["name"] = text(party.name)
            fields["address"] = .list(party.addressLines.map(text))
            fields["addressInline"] = text(party.addressLines.joined(separator: ", "))
            fields["contactName"] = party.contactName.map(text)
            fields["phone"] = party.phone.map(text)
            fields["email"] = party.email.map(text)
            return fields
        }

        var debtorFields = party(debtor)
        debtorFields["isBusiness"] = .flag(debtorKind == .business)
        debtorFields["isConsumer"] = .flag(debtorKind == .consumer)

        var root = [String: TemplateValue](minimumCapacity: 22)
        root["language"] = text(language.rawValue)
        root["letter"] = reference(letter)
        root["debtor"] = .object(debtorFields)
        let creditorValue = TemplateValue.object(party(creditor))
        root["creditor"] = creditorValue
        root["sender"] = agency.map { .object(party($0.party)) } ?? creditorValue
        if let agency {
            var fields = party(agency.party)
            fields["activityStatement"] = text(agencyRules.statement(in: language))
            fields["costsArticle"] = .object([
                "citation": text(agencyRules.costsArticleCitation),
                "paragraphs": .list(agencyRules.costsArticleParagraphs.map(text)),
            ])
            fields["firstLetter"] = agency.firstLetter.map(reference)
            root["agency"] = .object(fields)
        }
        root["invoices"] = .list(invoices.map { invoice in
            let late = daysLate(invoice)
            return .object([
                "number": text(invoice.number),
                "issueDate": text(format.date(invoice.issueDate)),
                "dueDate": text(format.date(invoice.dueDate)),
                "amount": text(format.money(invoice.amount)),
                "outstanding": text(format.money(invoice.outstanding)),
                "daysLate": text(format.integer(late)),
                "daysLateText": text(format.days(late)),
                "isOverdue": .flag(late > 0),
            ])
        })
        root["invoiceCount"] = text(format.integer(invoices.count))
        root["invoiceNumbers"] = text(format.list(invoices.map(\.number)))
        root["hasSeveralInvoices"] = .flag(invoices.count > 1)
        root["isOverdue"] = .flag(invoices.contains { daysLate($0) > 0 })
        root["totals"] = .object([
            "invoiced": text(format.money(totals.invoiced)),
            "outstanding": text(format.money(totals.outstanding)),
            "penalties": text(format.money(totals.penalties)),
            "due": text(format.money(totals.due)),
        ])
        var penaltyFields = [String: TemplateValue](minimumCapacity: 8)
        penaltyFields["interest"] = text(format.money(penalties.interest))
        penaltyFields["fixedIndemnity"] = text(format.money(penalties.fixedIndemnity))
        penaltyFields["total"] = text(format.money(totals.penalties))
        penaltyFields["hasInterest"] = .flag(!penalties.interest.isZero)
        penaltyFields["hasFixedIndemnity"] = .flag(!penalties.fixedIndemnity.isZero)
        penaltyFields["hasPenalties"] = .flag(!totals.penalties.isZero)
        penaltyFields["rate"] = penalties.rate.map { text(format.rate($0)) }
        penaltyFields["rateDescription"] = penalties.rateDescription.map(text)
        root["penalties"] = .object(penaltyFields)
        root["history"] = .list(history.map { action in
            .object([
                "date": text(format.date(action.date)),
                "channel": text(format.channel(action.channel)),
                "summary": text(action.summary),
            ])
        })
        root["hasHistory"] = .flag(!history.isEmpty)
        root["nextStep"] = nextStep.map { step in
            .object([
                "channel": text(format.channel(step.channel)),
                "action": text(format.nextStepAction(step.channel)),
                "date": text(format.date(step.date)),
            ])
        }
        root["paymentDeadline"] = text(format.date(paymentDeadline))
        root["paymentMethods"] = .list(paymentMethods.map { method in
            .object(["label": text(method.label), "details": text(method.details)])
        })
        return .object(root)
    }
}
