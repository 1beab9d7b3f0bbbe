import RelanceCore

/// How many invoices are in each state, and schedule steps in each status, for a dashboard.
/// A status with none is absent.
public struct StatusCounts: Sendable, Hashable {
    public var invoices: [InvoiceStatus: Int]
    public var steps: [ScheduleStepStatus: Int]

    public init(invoices: [InvoiceStatus: Int] = [:], steps: [ScheduleStepStatus: Int] = [:]) {
        self.invoices = invoices
        self.steps = steps
    }
}
