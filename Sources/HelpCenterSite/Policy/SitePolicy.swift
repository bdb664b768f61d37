import HelpCenterCalendar
import HelpCenterDiagnostics
import HelpCenterMarkdown

/// What the site knows of the product's policy, as plain values: each rule's wording, the
/// scenarios articles may embed (already replayed and told in words), the product's UI
/// labels, and the rules page's diagram. Nothing here says how the policy is checked (which
/// scenario, which file): that is the team's report (`helpcenter check --report`). The generator renders from this; loading it is the policy bridge's job
/// (`HelpCenterPolicyDocs`), so the generator does not depend on the checker.
public struct SitePolicy: Sendable {
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var title: String
        /// The canonical sentence articles show.
        public var sentence: String
        /// When the wording last changed (articles citing the rule should be newer).
        public var changed: CalendarDate?
        /// Whether the rule is *derived*: the team's decision where the source article is
        /// silent. Pages label it as ours, never as the source's words.
        public var isDerived: Bool

        public init(id: String, title: String, sentence: String, changed: CalendarDate?, isDerived: Bool = false) {
            self.id = id
            self.title = title
            self.sentence = sentence
            self.changed = changed
            self.isDerived = isDerived
        }
    }

    /// A scenario as a worked example: the starting situation and each step in the
    /// vocabulary's sentences.
    public struct Example: Sendable, Equatable {
        public var name: String
        public var location: SourceLocation
        /// The starting situation, one sentence per fact ("2FA is on, …").
        public var starting: [String]
        public var steps: [ExampleStep]
        public var passed: Bool
        /// Why it does not pass (the checker's findings), when it doesn't.
        public var problems: [String]
        /// The vocabulary keys the example needs and `policy/vocabulary.yaml` lacks
        /// (`results.change_backup.same-phone`): it can't be shown until they are written.
        public var unwritten: [String]
        /// The title shown: the scenario's name, or the vocabulary's title for it (`examples:`,
        /// required in another language's vocabulary).
        public var title: String

        public init(
            name: String, location: SourceLocation, starting: [String], steps: [ExampleStep], passed: Bool, problems: [String],
            unwritten: [String] = []
        ) {
            self.name = name
            self.title = name
            self.location = location
            self.starting = starting
            self.steps = steps
            self.passed = passed
            self.problems = problems
            self.unwritten = unwritten
        }
    }

    public struct ExampleStep: Sendable, Equatable {
        /// What the person does, e.g. "You set up a backup phone number, 07700 900123."
        public var action: String
        /// What the product does, e.g. "It isn't accepted: the backup phone must differ…".
        public var result: String
        /// The rule that decided the step, if one did.
        public var ruleID: String?

        public init(action: String, result: String, ruleID: String?) {
            self.action = action
            self.result = result
            self.ruleID = ruleID
        }
    }

    /// A label of the product's interface (a screen, button, option or message).
    public struct Label: Sendable, Equatable {
        public var text: String
        public var kind: String

        public init(text: String, kind: String) {
            self.text = text
            self.kind = kind
        }
    }

    /// The backup-method states and the actions between them, in words, for the rules page's
    /// diagram.
    public struct StateDiagram: Sendable, Equatable {
        public struct State: Sendable, Equatable {
            public var id: String
            public var label: String
            /// Grid position: column (2FA off, on) and row (backup: none, phone, email).
            public var column: Int
            public var row: Int

            public init(id: String, label: String, column: Int, row: Int) {
                self.id = id
                self.label = label
                self.column = column
                self.row = row
            }
        }

        public struct Transition: Sendable, Equatable {
            public var from: String
            public var to: String
            public var label: String

            public init(from: String, to: String, label: String) {
                self.from = from
                self.to = to
                self.label = label
            }
        }

        public var states: [State]
        public var transitions: [Transition]

        public init(states: [State], transitions: [Transition]) {
            self.states = states
            self.transitions = transitions
        }
    }

    /// Rules in precedence order.
    public var rules: [Rule]
    public var examples: [String: Example]
    public var labels: [String: Label]

    /// The label a `[[…]]` mark names: as written, or without the spaces inside the marks
    /// (`[[ Manage your account ]]`). Rendering and plain text (`labelsShown`) look labels up
    /// here alone.
    func label(marked text: String) -> Label? {
        labels[text] ?? labels[text.trimmingWhitespace()]
    }
    public var diagram: StateDiagram
    /// Where the rule wording lives, for messages.
    public var wordingPath: String
    /// The vocabulary file the labels and the examples' sentences come from (for messages).
    public var vocabularyPath = "policy/vocabulary.yaml"
    /// In another language: each label's text in the default language → its text in this one
    /// (`vocabulary.fr.yaml`'s `labels:` entries written `Manage your account: Gérer votre
    /// compte`), so that a label left in the source's words gets its translation as the hint.
    public var sourceLabels: [String: String] = [:]
    /// In another language: the rules its vocabulary file gives no wording for (a page citing
    /// one is an error at the citation).
    public var untranslatedRules: Set<String> = []
    /// The policy in the other languages whose vocabulary files were found beside this one's
    /// (`vocabulary.fr.yaml`), by language key.
    public var translations: [String: SitePolicy] = [:]
    /// The project folder as the paths above are spelled from the current folder (`.`,
    /// `../..`): left out of the paths the site publishes, so that a site is the same
    /// whichever folder it was built from (docs/projects.md).
    public var projectFolder: String

    public init(rules: [Rule], examples: [String: Example], labels: [Label], diagram: StateDiagram, wordingPath: String, projectFolder: String = ".") {
        self.rules = rules
        self.examples = examples
        self.labels = Dictionary(labels.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        self.diagram = diagram
        self.wordingPath = wordingPath
        self.projectFolder = projectFolder
    }

    /// A path as the published site shows it: relative to the project folder
    /// (`../../scenarios/a.yaml` → `scenarios/a.yaml`); a path outside it is left as it is.
    public func publishedPath(_ path: String) -> String {
        guard projectFolder != "." else { return path }
        let prefix = projectFolder.hasSuffix("/") ? projectFolder : projectFolder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    public func rule(_ id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// The closest known names to a misspelt one, for "did you mean" hints.
    func suggestions(for name: String, in candidates: [String]) -> String {
        let lowered = name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        // Only its capitals or spaces differ: that one alone (it came second after a near
        // spelling: session 24's writer trial).
        if let same = candidates.first(where: { $0.lowercased() == lowered }) {
            return " (did you mean '\(same)'? write it as the product shows it, capitals included)"
        }
        let distance = { (candidate: String) in EditDistance.between(Array(lowered.utf8), Array(candidate.lowercased().utf8)) }
        let close = candidates.filter { candidate in
            let other = candidate.lowercased()
            return other.contains(lowered) || lowered.contains(other) || other.hasPrefix(String(lowered.prefix(6)))
        }.sorted { (distance($0), $0) < (distance($1), $1) }.prefix(3)
        return close.isEmpty ? "" : " (did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?)"
    }

    /// The rules' titles and sentences and the examples' titles with the punctuation article
    /// bodies get (curly quotes and apostrophes, dashes: `MarkdownParser.smartPunctuation`):
    /// YAML's straight `can't` sat beside a body's `can’t` (session 24's writer trial). The
    /// examples' sentences are typeset before their values are filled in
    /// (`VocabularySentences.fill`), so that an address reaches the page as written. Labels stay
    /// as the product spells them.
    public mutating func typesetPunctuation() {
        let smart = MarkdownParser.smartPunctuation
        rules = rules.map { rule in
            var rule = rule
            rule.title = smart(rule.title)
            rule.sentence = smart(rule.sentence)
            return rule
        }
        examples = examples.mapValues { example in
            var example = example
            example.title = smart(example.title)
            return example
        }
    }

    /// The policy in a language whose vocabulary file does not exist: no rule, label or
    /// example has its words, so each page needing one is an error naming the file.
    public static func untranslated(_ policy: SitePolicy, vocabularyPath: String) -> SitePolicy {
        var copy = policy
        copy.vocabularyPath = vocabularyPath
        copy.untranslatedRules = Set(policy.rules.map(\.id))
        copy.labels = [:]
        for (name, example) in policy.examples {
            var example = example
            example.unwritten = ["all of it (the file does not exist: copy policy/vocabulary.yaml and translate it)"]
            copy.examples[name] = example
        }
        return copy
    }
}
