import BackupPolicy
import Foundation
import HelpCenterDiagnostics
import HelpCenterInputFiles
import HelpCenterSite
import HelpCenterYAML
import ScenarioChecker

/// Loads what the site needs of the policy: the rule wording (`policy/backup-policy.yaml`),
/// the product vocabulary (`policy/vocabulary.yaml`) and the scenario catalogue (`scenarios/`).
public enum SitePolicyLoader {
    public struct Paths: Sendable {
        public var wording: String
        public var vocabulary: String
        public var scenarios: [String]
        /// Where these files may be read from through symbolic links; nil: ``inputRoots``.
        public var boundary: InputBoundary?
        /// The project folder as these paths spell it, left out of the paths the site publishes.
        public var projectFolder: String

        public init(
            wording: String = "policy/backup-policy.yaml", vocabulary: String = "policy/vocabulary.yaml",
            scenarios: [String] = ["scenarios"], boundary: InputBoundary? = nil, projectFolder: String = "."
        ) {
            self.wording = wording
            self.vocabulary = vocabulary
            self.scenarios = scenarios
            self.boundary = boundary
            self.projectFolder = projectFolder
        }

        /// The folders these files live in: the policy's and the vocabulary's folder (the file
        /// alone when it sits in the current folder) and the scenario folders.
        public var inputRoots: [String] {
            func folder(_ file: String) -> String {
                let parent = (file as NSString).deletingLastPathComponent
                return parent.isEmpty || parent == "." ? file : parent
            }
            return [folder(wording), folder(vocabulary)] + scenarios
        }
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
        /// The file or folder that could not be read (for a CI report's annotation).
        public var path: String
    }

    /// Reads the files; returns nil when the project has no policy file. A scenario folder that
    /// can't be read is a thrown error; problems in the policy, vocabulary and scenario files
    /// are diagnostics.
    /// The other languages' vocabularies found beside the vocabulary (`vocabulary.fr.yaml`)
    /// come with the policy, in its `translations` (the preview reads the policy this way).
    public static func load(_ paths: Paths) throws -> (SitePolicy?, [Diagnostic]) {
        let (policy, translated, diagnostics) = try load(paths, languageKeys: translationKeys(besides: paths.vocabulary))
        guard var policy else { return (nil, diagnostics) }
        policy.translations = translated
        return (policy, diagnostics)
    }

    /// The keys of the `vocabulary.<key>.yaml` files beside `vocabulary.yaml`.
    static func translationKeys(besides vocabulary: String) -> [String] {
        let folder = (vocabulary as NSString).deletingLastPathComponent
        let name = ((vocabulary as NSString).lastPathComponent as NSString).deletingPathExtension
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return files.compactMap { file -> String? in
            guard file.hasPrefix(name + "."), file.hasSuffix(".yaml") || file.hasSuffix(".yml") else { return nil }
            let key = (String(file.dropFirst(name.count + 1)) as NSString).deletingPathExtension
            return SiteLanguage.looksLikeKey(Substring(key)) ? key : nil
        }.sorted()
    }

    /// A vocabulary file's text, or nil with an error where it stops being UTF-8 text (decoded
    /// with replacement characters, a file in Latin-1 built with its labels garbled and no word
    /// said).
    public static func vocabularyText(_ data: Data, path: String, diagnostics: inout [Diagnostic]) -> String? {
        do {
            return try YAMLTextDecoder(limits: .vocabularyFile).decode(Array(data))
        } catch {
            diagnostics.append(.error(error.message, at: error.location(in: path), id: "vocabulary"))
            return nil
        }
    }

    /// The vocabulary file of another language: `policy/vocabulary.fr.yaml` beside `policy/vocabulary.yaml`.
    public static func vocabularyPath(_ path: String, key: String) -> String {
        let base = path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path.hasSuffix(".yml") ? String(path.dropLast(4)) : path
        return base + ".\(key)" + (path.hasSuffix(".yml") ? ".yml" : ".yaml")
    }

    /// Also the policy in each of `languageKeys` (docs/languages.md): its rules' wording, labels
    /// and example sentences from `policy/vocabulary.<key>.yaml`. A language without that file
    /// gets a policy with nothing translated, so that each page needing a word is an error.
    public static func load(_ paths: Paths, languageKeys: [String]) throws -> (SitePolicy?, [String: SitePolicy], [Diagnostic]) {
        let boundary = paths.boundary ?? InputBoundary(paths.inputRoots)
        var diagnostics: [Diagnostic] = []
        guard let policyBytes = readIfPresent(paths.wording, boundary: boundary, diagnostics: &diagnostics) else { return (nil, [:], diagnostics) }
        let document: PolicyDocument
        do {
            document = try PolicyFileReader(path: paths.wording).readDocument(Array(policyBytes))
        } catch {
            // The writers' file, with each problem at its place: content errors, like the
            // vocabulary's (the build stops with exit 1 and prints them as diagnostics).
            return (nil, [:], diagnostics + error.problems)
        }
        var vocabulary = ProductVocabulary()
        if let data = readIfPresent(paths.vocabulary, boundary: boundary, diagnostics: &diagnostics),
            let text = vocabularyText(data, path: paths.vocabulary, diagnostics: &diagnostics)
        {
            let (parsed, problems) = ProductVocabulary.parse(text, path: paths.vocabulary)
            vocabulary = parsed
            diagnostics += problems
        }
        let existing = paths.scenarios.filter { FileManager.default.fileExists(atPath: $0) }
        let sources: [ScenarioSource]
        do {
            let limit = ScenarioInputLimits().maximumFileSize
            sources = try ScenarioSource.discover(existing, within: boundary).sources(maximumSize: limit, within: boundary)
        } catch {
            throw LoadError(description: "cannot read the scenarios: \(error)", path: error.path)
        }
        for source in sources {
            // A scenario file that cannot be read (a link leaving the project, a pipe) is an
            // error here: a worked example must never silently lose its scenario.
            if case .unreadable(let reason) = source.content {
                diagnostics.append(.error("cannot read the scenario file: \(reason)", at: SourceLocation(path: source.path), id: "io"))
            }
        }
        let catalogue = ScenarioCatalogue(sources: sources, policy: BackupPolicy(parameters: document.wording.parameters))
        var policy = make(document: document, catalogue: catalogue, vocabulary: vocabulary)
        policy.typesetPunctuation()
        policy.projectFolder = paths.projectFolder
        var translated: [String: SitePolicy] = [:]
        for key in languageKeys {
            let path = vocabularyPath(paths.vocabulary, key: key)
            guard let data = readIfPresent(path, boundary: boundary, diagnostics: &diagnostics),
                let text = vocabularyText(data, path: path, diagnostics: &diagnostics)
            else {
                translated[key] = SitePolicy.untranslated(policy, vocabularyPath: path)
                continue
            }
            let (words, problems) = ProductVocabulary.parse(text, path: path, translation: true)
            diagnostics += problems + words.checkTranslation(of: vocabulary, rules: document.wording.rules.map(\.id.rawValue), path: path)
            var language = make(document: document, catalogue: catalogue, vocabulary: words)
            // Each English label's text here, first in file order, for the hint a page gets
            // when it leaves one in English; an entry translating no English label is not one.
            let english = Set(vocabulary.labels.map(\.text))
            for label in words.labels {
                if let source = words.labelSources[label.text], english.contains(source), language.sourceLabels[source] == nil {
                    language.sourceLabels[source] = label.text
                }
            }
            language.projectFolder = paths.projectFolder
            language.vocabularyPath = path
            language.rules = language.rules.map { rule in
                var rule = rule
                if let wording = words.rules[rule.id] {
                    rule.title = wording.title
                    rule.sentence = wording.sentence
                } else {
                    language.untranslatedRules.insert(rule.id)
                }
                return rule
            }
            language.typesetPunctuation()
            translated[key] = language
        }
        return (policy, translated, diagnostics)
    }

    /// The file's bytes; nil when it does not exist, or (with an error in `diagnostics`) when
    /// it cannot be read or is a link leading outside the project's inputs.
    private static func readIfPresent(_ path: String, boundary: InputBoundary, diagnostics: inout [Diagnostic]) -> Data? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        do {
            // The policy and the vocabulary share the YAML guard's 1 MiB limit (docs/limits.md).
            return try InputFileReader.read(path, within: boundary, maximumSize: YAMLInputLimits.policyFile.maximumSize)
        } catch {
            let id = if case .linkLeavesInputs = error { "input-link" } else { "io" }
            diagnostics.append(.error("cannot read the file: \(error.reason)", at: SourceLocation(path: path), id: id))
            return nil
        }
    }

    /// Builds the site's view of the policy from loaded parts (no file access).
    public static func make(document: PolicyDocument, catalogue: ScenarioCatalogue, vocabulary: ProductVocabulary) -> SitePolicy {
        let rules = document.wording.rules.map { wording in
            SitePolicy.Rule(
                id: wording.id.rawValue, title: wording.title, sentence: wording.sentence,
                changed: wording.changedDate, isDerived: wording.id.kind == .derived)
        }
        let narrator = ExampleNarrator(
            vocabulary: vocabulary, wording: document.wording, normaliser: ContactNormaliser(parameters: document.wording.parameters))
        var examples: [String: SitePolicy.Example] = [:]
        for name in catalogue.names {
            if let example = try? catalogue.example(named: name) { examples[name] = narrator.narrate(example) }
        }
        let diagram = stateDiagram(catalogue.stateGraph, vocabulary: vocabulary)
        return SitePolicy(
            rules: rules, examples: examples, labels: vocabulary.labels.map { SitePolicy.Label(text: $0.text, kind: $0.kind) },
            diagram: diagram, wordingPath: document.path)
    }

    /// The state diagram in the vocabulary's words (`diagram:`): states laid out with 2FA off
    /// and on side by side and the backup methods down, one arrow per action that changes
    /// the state. An action or state the vocabulary has no words for keeps a plain spelling
    /// of its own (no underscores), so the diagram never shows a code name.
    public static func stateDiagram(_ graph: BackupStateGraph, vocabulary: ProductVocabulary) -> SitePolicy.StateDiagram {
        func words(_ key: String, otherwise: String) -> String { vocabulary.diagram[key] ?? otherwise }
        let states = graph.nodes.map { node in
            let backup = words("backup.\(node.backup.rawValue)", otherwise: "Backup: \(node.backup.rawValue)")
            let twoFactor = words("two_factor.\(node.twoFactor ? "on" : "off")", otherwise: "2FA \(node.twoFactor ? "on" : "off")")
            return SitePolicy.StateDiagram.State(
                id: node.id, label: "\(twoFactor)\n\(backup)", column: node.twoFactor ? 1 : 0,
                row: BackupMethodKind.allCases.firstIndex(of: node.backup) ?? 0)
        }
        let transitions = graph.transitions.filter(\.changesState).map { transition in
            let name = transition.action.rawValue
            let kind = transition.argument.map { argument in
                argument.contains("phone") ? "phone" : argument.contains("email") ? "email" : argument
            }
            let label = kind.flatMap { vocabulary.diagram["\(name).\($0)"] } ?? words(name, otherwise: name.replacingOccurrences(of: "_", with: " "))
            return SitePolicy.StateDiagram.Transition(from: transition.from, to: transition.to, label: label)
        }
        return SitePolicy.StateDiagram(states: states, transitions: transitions)
    }
}
