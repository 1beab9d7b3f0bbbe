import Foundation
import RelanceCore
import RelancePipeline
import RelanceRuntime

/// `relance bench render`: how fast `TemplateRenderer.render` writes the messages the pipeline
/// sends, with no database or broker in the way.
///
/// One message per channel, as the worker's composer would write it for a French business
/// debtor with one late invoice: the template key and tone of the built-in French ladder's last
/// step on that channel, penalties from the penalty engine, the earlier steps as history, the
/// next step, and the composer's payment methods. Messages are rendered round-robin.
public struct RenderBenchmark: Sendable {
    /// One message to render.
    struct Sample: Sendable {
        let key: String
        let channel: Channel
        let tone: Tone
        let context: MessageContext
    }

    /// The figures of one run.
    public struct Report: Sendable, Encodable {
        struct Template: Sendable, Encodable {
            var key: String
            var channel: String
            var tone: String
            var messages: Int
            var microsecondsPerMessage: Double
            var messagesPerSecond: Double
        }

        var command: String
        var build: String
        var messages: Int
        var seconds: Double
        var messagesPerSecond: Double
        var microsecondsPerMessage: Double
        var templates: [Template]

        public func text() -> String {
            var lines = [
                "relance bench render (\(build) build): \(messages) messages in \(String(format: "%.3f", seconds)) s",
                "  \(Int(messagesPerSecond.rounded())) messages/s, \(String(format: "%.2f", microsecondsPerMessage)) µs per message",
                "",
                "  " + "template".padding(toLength: 22, withPad: " ", startingAt: 0) + "channel".padding(toLength: 19, withPad: " ", startingAt: 0)
                    + "µs/message".leftPadded(11) + "messages/s".leftPadded(12),
            ]
            for template in templates {
                lines.append(
                    "  " + template.key.padding(toLength: 22, withPad: " ", startingAt: 0)
                        + template.channel.padding(toLength: 19, withPad: " ", startingAt: 0)
                        + String(format: "%.2f", template.microsecondsPerMessage).leftPadded(11)
                        + String(Int(template.messagesPerSecond.rounded())).leftPadded(12)
                )
            }
            return lines.joined(separator: "\n")
        }

        public func json() throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        }
    }

    let renderer: TemplateRenderer
    let samples: [Sample]

    /// The messages of `day`, one per channel, from the shipped templates and rate tables.
    public init(reference: ReferenceData, day: CalendarDate) throws {
        renderer = TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency)
        let engine = PenaltyEngine(tables: reference.rateTables)
        let ladder = DunningPolicy.defaultFrench.steps
        var samples: [Sample] = []
        for channel in [Channel.email, .call, .letter, .registeredLetter, .legal] {
            // The last step on each channel, as `bench pipeline` seeds them.
            guard let index = ladder.lastIndex(where: { $0.channel == channel }) else {
                throw CommandFailure("the built-in ladder has no \(channel.rawValue) step")
            }
            let step = ladder[index]
            samples.append(Sample(
                key: step.templateKey, channel: channel, tone: step.tone,
                context: try Self.context(step: step, earlier: Array(ladder[..<index]), next: ladder.dropFirst(index + 1).first,
                                          day: day, engine: engine)
            ))
        }
        self.samples = samples
    }

    /// Renders `messages` messages round-robin over the samples, after one warm-up round that
    /// also checks that each renders.
    public func run(messages: Int, command: String) throws -> Report {
        for sample in samples { _ = try render(sample) }
        let clock = ContinuousClock()
        var spent = [Duration](repeating: .zero, count: samples.count)
        var counts = [Int](repeating: 0, count: samples.count)
        var parts = 0
        let start = clock.now
        for number in 0..<messages {
            let index = number % samples.count
            let before = clock.now
            let message = try render(samples[index])
            spent[index] += clock.now - before
            counts[index] += 1
            // Uses the result, so that no work can be left out.
            if case .email(let email) = message { parts += email.html == nil ? 2 : 3 } else { parts += 1 }
        }
        let total = clock.now - start
        precondition(parts > 0 || messages == 0)

        let seconds = Self.seconds(total)
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return Report(
            command: command,
            build: build,
            messages: messages,
            seconds: seconds.rounded(places: 4),
            messagesPerSecond: seconds > 0 ? (Double(messages) / seconds).rounded() : 0,
            microsecondsPerMessage: messages > 0 ? (seconds * 1e6 / Double(messages)).rounded(places: 2) : 0,
            templates: samples.indices.map { index in
                let templateSeconds = Self.seconds(spent[index])
                return Report.Template(
                    key: samples[index].key,
                    channel: samples[index].channel.rawValue,
                    tone: samples[index].tone.rawValue,
                    messages: counts[index],
                    microsecondsPerMessage: counts[index] > 0 ? (templateSeconds * 1e6 / Double(counts[index])).rounded(places: 2) : 0,
                    messagesPerSecond: templateSeconds > 0 ? (Double(counts[index]) / templateSeconds).rounded() : 0
                )
            }
        )
    }

    private func render(_ sample: Sample) throws -> RenderedMessage {
        try renderer.render(key: sample.key, channel: sample.channel, tone: sample.tone, context: sample.context)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    // MARK: - The messages

    private static func context(
        step: DunningStep, earlier: [DunningStep], next: DunningStep?, day: CalendarDate, engine: PenaltyEngine
    ) throws -> MessageContext {
        func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }
        let due = day.adding(days: -step.offsetDays)
        let invoice = MessageInvoice(number: "F-2026-0114", issueDate: due.adding(days: -30), dueDate: due,
                                     amount: eur(1_840_00), outstanding: eur(1_840_00))
        // The composer's reference: REL-<8 hex digits of the job id>-<YYYYMMDD>.
        let reference = LetterReference(reference: "REL-5f3a9c1e-" + day.iso.replacingOccurrences(of: "-", with: ""), date: day)
        let creditor = LetterParty(name: "Atelier Durand & Fils SARL", addressLines: ["12 rue des Lilas", "69003 Lyon"])

        var penalties = MessagePenalties.none(.eur)
        do {
            let result = try engine.compute(PenaltyRequest(
                jurisdiction: .frB2B, principal: invoice.amount, dueDate: due, settlement: .unpaid(asOf: day)
            ))
            let rates = Set(result.periods.map(\.annualRate))
            penalties = MessagePenalties(
                interest: result.interest, fixedIndemnity: result.fixedIndemnity,
                rate: rates.count == 1 ? rates.first : nil,
                rateDescription: result.periods.isEmpty ? nil : "taux de refinancement de la BCE majoré de 10 points"
            )
        } catch {
            // As the composer does: claim no interest rather than guess.
            guard error.code == .rateUnavailable else { throw error }
            penalties = MessagePenalties(
                interest: eur(0), fixedIndemnity: PenaltyEngine.fixedIndemnity(.frB2B, principal: invoice.amount),
                rateDescription: "taux applicable pas encore publié : aucun intérêt n'est réclamé à ce jour"
            )
        }

        // One history line per earlier step, as the composer dates and words them.
        let history = earlier.map { previous in
            MessageAction(date: due.adding(days: previous.offsetDays), channel: previous.channel,
                          summary: summary(previous) + " (facture n° \(invoice.number))")
        }
        let formalNotice = step.channel == .registeredLetter || step.templateKey == StandardStepKey.formalNotice
        return MessageContext(
            language: .fr,
            letter: reference,
            debtor: LetterParty(name: "Boulangerie Martin SAS", addressLines: ["3 avenue Jean Jaurès", "75019 Paris"],
                                phone: "+33140000000", email: "compta@boulangerie-martin.example"),
            debtorKind: .business,
            creditor: creditor,
            invoices: [invoice],
            penalties: penalties,
            history: history,
            nextStep: next.map { MessageNextStep(channel: $0.channel, date: due.adding(days: $0.offsetDays)) },
            paymentDeadline: day.adding(days: formalNotice ? 8 : 15),
            paymentMethods: [
                MessagePaymentMethod(
                    label: "Virement bancaire",
                    details: "au bénéfice de \(creditor.name) (coordonnées bancaires figurant sur la facture), en indiquant la référence \(reference.reference)"
                ),
                MessagePaymentMethod(
                    label: "Chèque",
                    details: "à l'ordre de \(creditor.name), à envoyer à l'adresse : \(creditor.addressLines.joined(separator: ", "))"
                ),
            ]
        )
    }

    private static func summary(_ step: DunningStep) -> String {
        switch step.templateKey {
        case StandardStepKey.courteousReminder: "Rappel amical"
        case StandardStepKey.firmReminder: "Relance ferme"
        case StandardStepKey.firstCall: "Prise de contact téléphonique"
        case StandardStepKey.recapLetter: "Courrier récapitulatif"
        case StandardStepKey.formalNotice: "Mise en demeure de payer"
        default: "Relance"
        }
    }
}
