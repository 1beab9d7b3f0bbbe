/// The demo could not go on, or an invariant does not hold: printed as is, exit status 1.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
