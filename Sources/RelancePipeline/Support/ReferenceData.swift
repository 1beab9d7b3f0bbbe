import Foundation
import RelanceCore

/// The data files the pipeline reads at start-up, so that they can change without a release:
/// the rate tables (`schemas/rates/`), the compliance rules (`schemas/compliance/fr.json`) and
/// the message templates (`templates/`).
public struct ReferenceData: Sendable {
    public let rateTables: PenaltyRateTables
    public let complianceRules: ComplianceRules
    public let templates: TemplateLibrary

    public init(rateTables: PenaltyRateTables, complianceRules: ComplianceRules, templates: TemplateLibrary) {
        self.rateTables = rateTables
        self.complianceRules = complianceRules
        self.templates = templates
    }

    /// A file that is missing or does not parse, with its path.
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads everything from `schemasDirectory` (the `schemas` folder) and `templatesDirectory`.
    public static func load(schemasDirectory: URL, templatesDirectory: URL, complianceRuleSet: String = "fr") throws -> ReferenceData {
        func read(_ url: URL) throws -> String {
            do {
                return try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw LoadError(description: "cannot read \(url.path)")
            }
        }
        var rateFiles: [String: String] = [:]
        for name in PenaltyRateTables.fileNames {
            rateFiles[name] = try read(schemasDirectory.appendingPathComponent("rates/\(name)"))
        }
        let rulesURL = schemasDirectory.appendingPathComponent("compliance/\(complianceRuleSet).json")
        do {
            return ReferenceData(
                rateTables: try PenaltyRateTables(files: rateFiles),
                complianceRules: try ComplianceRules.parse(json: try read(rulesURL)),
                templates: try TemplateLibrary(files: try templateFiles(in: templatesDirectory))
            )
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(description: "reference data does not load: \(error)")
        }
    }

    /// Every file under `directory`, keyed by its path relative to it.
    public static func templateFiles(in directory: URL) throws -> [String: String] {
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw LoadError(description: "no templates directory at \(directory.path)")
        }
        var files: [String: String] = [:]
        while let url = enumerator.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw LoadError(description: "cannot read \(url.path)")
            }
            files[relative] = text
        }
        return files
    }
}
