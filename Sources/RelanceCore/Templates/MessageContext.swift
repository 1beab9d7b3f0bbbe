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
    /// What an email says it comes from: the creditor's sender settings, when it has some.
    public var sender: SenderSettings?

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
        paymentMethods: [MessagePaymentMethod],
        sender: SenderSettings? = nil
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
        self.sender = sender
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
        TemplateValue(try templateData(agencyRules: agencyRules))
    }

    /// The data `templateValue` describes, in the shape templates render from.
    func templateData(agencyRules: CollectionAgencyRules) throws(TemplateError) -> TemplateData {
        guard !paymentMethods.isEmpty else {
            throw TemplateError(.invalidContext, "a message needs at least one payment method")
        }
        let totals = try totals()
        let currency = totals.due.currency
        for invoice in invoices where invoice.amount.currency != currency || invoice.outstanding.currency != currency {
            throw TemplateError(.invalidContext, "invoice \(invoice.number) is not in \(currency.code) like the others")
        }
        let format = MessageFormatter(language: language)
        typealias Field = TemplateData.Field

        func text(_ value: String) -> TemplateData { .text(value) }
        func reference(_ reference: LetterReference) -> TemplateData {
            .object([Field("reference", text(reference.reference)), Field("date", text(format.date(reference.date)))])
        }
        func party(_ party: LetterParty, extra: Int) -> [Field] {
            var fields: [Field] = []
            fields.reserveCapacity(6 + extra)
            fields.append(Field("name", text(party.name)))
            fields.append(Field("address", .list(party.addressLines.map(text))))
            fields.append(Field("addressInline", text(party.addressLines.joined(separator: ", "))))
            if let contactName = party.contactName { fields.append(Field("contactName", text(contactName))) }
            if let phone = party.phone { fields.append(Field("phone", text(phone))) }
            if let email = party.email { fields.append(Field("email", text(email))) }
            return fields
        }

        var debtorFields = party(debtor, extra: 2)
        debtorFields.append(Field("isBusiness", .flag(debtorKind == .business)))
        debtorFields.append(Field("isConsumer", .flag(debtorKind == .consumer)))

        var root: [Field] = []
        root.reserveCapacity(22)
        root.append(Field("language", text(language.rawValue)))
        root.append(Field("letter", reference(letter)))
        root.append(Field("debtor", .object(debtorFields)))
        let creditorData = TemplateData.object(party(creditor, extra: 0))
        root.append(Field("creditor", creditorData))
        root.append(Field("sender", agency.map { .object(party($0.party, extra: 0)) } ?? creditorData))
        if let agency {
            var fields = party(agency.party, extra: 3)
            fields.append(Field("activityStatement", text(agencyRules.statement(in: language))))
            fields.append(Field("costsArticle", .object([
                Field("citation", text(agencyRules.costsArticleCitation)),
                Field("paragraphs", .list(agencyRules.costsArticleParagraphs.map(text))),
            ])))
            if let firstLetter = agency.firstLetter { fields.append(Field("firstLetter", reference(firstLetter))) }
            root.append(Field("agency", .object(fields)))
        }
        root.append(Field("invoices", .list(invoices.map { invoice in
            let late = daysLate(invoice)
            return .object([
                Field("number", text(invoice.number)),
                Field("issueDate", text(format.date(invoice.issueDate))),
                Field("dueDate", text(format.date(invoice.dueDate))),
                Field("amount", text(format.money(invoice.amount))),
                Field("outstanding", text(format.money(invoice.outstanding))),
                Field("daysLate", text(format.integer(late))),
                Field("daysLateText", text(format.days(late))),
                Field("isOverdue", .flag(late > 0)),
            ])
        })))
        root.append(Field("invoiceCount", text(format.integer(invoices.count))))
        root.append(Field("invoiceNumbers", text(format.list(invoices.map(\.number)))))
        root.append(Field("hasSeveralInvoices", .flag(invoices.count > 1)))
        root.append(Field("isOverdue", .flag(invoices.contains { daysLate($0) > 0 })))
        let penaltiesTotal = text(format.money(totals.penalties))
        root.append(Field("totals", .object([
            Field("invoiced", text(format.money(totals.invoiced))),
            Field("outstanding", text(format.money(totals.outstanding))),
            Field("penalties", penaltiesTotal),
            Field("due", text(format.money(totals.due))),
        ])))
        var penaltyFields: [Field] = []
        penaltyFields.reserveCapacity(8)
        penaltyFields.append(Field("interest", text(format.money(penalties.interest))))
        penaltyFields.append(Field("fixedIndemnity", text(format.money(penalties.fixedIndemnity))))
        penaltyFields.append(Field("total", penaltiesTotal))
        penaltyFields.append(Field("hasInterest", .flag(!penalties.interest.isZero)))
        penaltyFields.append(Field("hasFixedIndemnity", .flag(!penalties.fixedIndemnity.isZero)))
        penaltyFields.append(Field("hasPenalties", .flag(!totals.penalties.isZero)))
        if let rate = penalties.rate { penaltyFields.append(Field("rate", text(format.rate(rate)))) }
        if let description = penalties.rateDescription { penaltyFields.append(Field("rateDescription", text(description))) }
        root.append(Field("penalties", .object(penaltyFields)))
        root.append(Field("history", .list(history.map { action in
            .object([
                Field("date", text(format.date(action.date))),
                Field("channel", text(format.channel(action.channel))),
                Field("summary", text(action.summary)),
            ])
        })))
        root.append(Field("hasHistory", .flag(!history.isEmpty)))
        if let step = nextStep {
            root.append(Field("nextStep", .object([
                Field("channel", text(format.channel(step.channel))),
                Field("action", text(format.nextStepAction(step.channel))),
                Field("date", text(format.date(step.date))),
            ])))
        }
        root.append(Field("paymentDeadline", text(format.date(paymentDeadline))))
        root.append(Field("paymentMethods", .list(paymentMethods.map { method in
            .object([Field("label", text(method.label)), Field("details", text(method.details))])
        })))
        return .object(root)
    }
}
