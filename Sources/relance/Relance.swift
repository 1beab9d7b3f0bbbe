import ArgumentParser

@main
struct Relance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relance",
        abstract: "Collects unpaid invoices: plans escalating reminders, sends them, computes late-payment penalties."
    )
}
