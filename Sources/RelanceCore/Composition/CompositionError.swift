extension MessageComposer {
    /// Why one job's message cannot be written; the job fails for good with this reason.
    public typealias CompositionError = CodedError<CompositionErrorDomain>

    /// Tags `CompositionError` and its codes (`ErrorCode where Domain == CompositionError`).
    public enum CompositionErrorDomain {}
}

extension ErrorCode where Domain == MessageComposer.CompositionError {
    /// A row the job names (debtor, creditor, tenant, invoice) is missing.
    public static var missingRecord: Self { Self(name: "missing_record") }
    /// The stored data cannot make a consistent message (mixed currencies, payments
    /// larger than the invoice …).
    public static var inconsistentData: Self { Self(name: "inconsistent_data") }
}
