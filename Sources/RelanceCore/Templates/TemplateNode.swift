/// A Mustache tag that reads data, as Relance's own parser sees it: a variable, or a section
/// with the tags inside it. Used to check names against the schema when a template loads.
indirect enum TemplateNode: Sendable, Hashable {
    case variable(name: String, line: Int)
    case section(name: String, inverted: Bool, children: [TemplateNode], line: Int)
}
