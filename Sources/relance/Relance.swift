import ArgumentParser

@main
struct Relance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relance",
        abstract: "Collects unpaid invoices: plans escalating reminders, sends them, computes late-payment penalties.",
        discussion: """
            Services are found through RELANCE_DATABASE_URL and RELANCE_AMQP_URL (defaults: the local \
            PostgreSQL and RabbitMQ that deploy/services-up.sh starts on 127.0.0.1).
            """,
        subcommands: [MigrateCommand.self]
    )
}
