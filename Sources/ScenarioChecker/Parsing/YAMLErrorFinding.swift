import HelpCenterDiagnostics
import Yams

/// Turns the YAML parser's errors into scenario errors at the position it names.
enum YAMLErrorFinding {
    static func finding(for error: any Error, path: String) -> ScenarioFinding {
        guard let yamlError = error as? YamlError else {
            return .scenarioError("invalid YAML: \(error)", at: SourceLocation(path: path))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .scenarioError(message, at: SourceLocation(path: path, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .scenarioError(
                "invalid YAML: the key \(keys) appears more than once in the same map",
                at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column)
            )
        case .reader(let problem, _, _, _):
            return .scenarioError("invalid YAML: \(problem)", at: SourceLocation(path: path))
        default:
            return .scenarioError("invalid YAML: \(yamlError)", at: SourceLocation(path: path))
        }
    }
}
