import Foundation

/// Finds the project's data directories at run time, so that rate tables, rules and
/// migrations can be updated without a new release.
enum ResourcePaths {
    static func schemasDirectory(_ configuration: RelanceConfiguration) throws -> String {
        if let explicit = configuration.schemasDirectory { return explicit }
        if let found = findUpwards("schemas/migrations") { return found + "/schemas" }
        throw CommandFailure("cannot find the schemas directory; set RELANCE_SCHEMAS_DIR or run from the project")
    }

    /// The first ancestor of the working directory, then of the executable, that contains
    /// `relativePath`.
    static func findUpwards(_ relativePath: String) -> String? {
        let fm = FileManager.default
        var starts = [fm.currentDirectoryPath]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        starts.append(executable.deletingLastPathComponent().path)
        for start in starts {
            var url = URL(fileURLWithPath: start)
            while true {
                if fm.fileExists(atPath: url.appendingPathComponent(relativePath).path) { return url.path }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        return nil
    }
}
