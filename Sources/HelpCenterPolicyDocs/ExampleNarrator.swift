import BackupPolicy
import Foundation
import HelpCenterSite
import ScenarioChecker

/// Tells a replayed scenario in the product's words: each step as the person does it and what
/// the product does, from the vocabulary's sentences (so writers own the words).
struct ExampleNarrator {
    let vocabulary: ProductVocabulary
    let wording: PolicyWording

    func narrate(_ example: ScenarioExample) -> SitePolicy.Example {
        let given = example.given.map { "\($0.name.replacingOccurrences(of: "_", with: " ")): \($0.value)" }
        let steps = example.steps.map { step in
            SitePolicy.ExampleStep(action: action(step), result: result(step), ruleID: step.rule?.rawValue)
        }
        let problems = example.findings.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }
        return SitePolicy.Example(name: example.name, location: example.location, given: given, steps: steps, passed: example.passed, problems: problems)
    }

    /// `{phone: 07700 900123}` → ("phone", "07700 900123"); `{method: text, phone: N}` → ("text", N).
    static func argument(_ text: String?) -> (key: String?, value: String?) {
        guard var text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return (nil, nil) }
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return (text, nil) }
        text = String(text.dropFirst().dropLast())
        var pairs: [(String, String)] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pieces.count == 2 { pairs.append((pieces[0], pieces[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))) }
        }
        if let method = pairs.first(where: { $0.0 == "method" }) {
            return (method.1, pairs.first { $0.0 == "phone" }?.1)
        }
        if pairs.count > 1 { return ("both", pairs.map(\.1).joined(separator: " and ")) }
        return (pairs.first?.0, pairs.first?.1)
    }

    func action(_ step: ExampleStep) -> String {
        let (key, value) = Self.argument(step.argument)
        let name = step.action.rawValue
        let sentence =
            key.flatMap { vocabulary.actions["\(name).\($0)"] } ?? vocabulary.actions[name]
            ?? "You \(name.replacingOccurrences(of: "_", with: " "))\(step.argument.map { " (\($0))" } ?? "")."
        return sentence.replacingOccurrences(of: "{value}", with: value ?? step.argument ?? "")
    }

    func result(_ step: ExampleStep) -> String {
        guard let outcome = step.outcome else { return "This step can't happen here." }
        var sentences: [String] = []
        switch outcome {
        case .done:
            let observed = step.observed.compactMap { field -> String? in
                vocabulary.results["\(field.name.rawValue).\(field.value?.rawValue ?? "none")"]
            }
            sentences += observed.isEmpty ? [vocabulary.results["done"] ?? "Done."] : observed
        case .reauthenticate:
            sentences.append(vocabulary.results["reauthenticate"] ?? "You're asked to sign in again first.")
        case .rejected(let rule):
            let title = wording.wording(for: rule)?.title ?? rule.rawValue
            let template = vocabulary.results["rejected"] ?? "It isn't allowed: {why}."
            sentences.append(template.replacingOccurrences(of: "{why}", with: step.explanation ?? title).replacingOccurrences(of: "{rule}", with: title))
        }
        return sentences.joined(separator: " ")
    }
}
