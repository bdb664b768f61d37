/// The words the body renderer writes itself (callout labels, the rule callout, worked
/// examples, task lists, tables, footnotes), in the page's language: English by default, or
/// from the theme's strings (`templates/strings/<key>.yaml`, docs/languages.md).
public struct BodyWords: Sendable, Equatable {
    public var note = "Note"
    public var tip = "Tip"
    public var important = "Important"
    public var warning = "Warning"
    public var caution = "Caution"
    public var rulePrefix = "Rule: "
    public var aboutThisRule = "About this rule"
    public var derivedRuleNote =
        "Our decision: Sage’s own help article on backup methods doesn’t say this. We decided it for the case that article leaves open, and we check it like every other rule."
    public var workedExample = "Worked example"
    public var toStartWith = "To start with:"
    public var whatHappens = "What happens: "
    public var taskDone = "Done"
    public var taskNotDone = "Not done"
    public var table = "Table"
    public var tablePrefix = "Table: "
    /// The related-articles heading in the page's language: a written section under it is
    /// lifted into the page's one related list, as one under "Related articles" is.
    public var relatedArticles = "Related articles"
    /// With `{{number}}` for the footnote's number.
    public var footnoteBack = "Back to reference {{number}}"
    /// Under a figure: its image opens larger in a dialog.
    public var openLarger = "Open larger"
    /// The vocabulary file the page's labels and example sentences come from, for messages.
    public var vocabularyPath = "policy/vocabulary.yaml"

    public init() {}

    /// The keys of the theme's strings these words are read from.
    static var keys: [(String, WritableKeyPath<BodyWords, String>)] {
        [
            ("callout_note", \.note), ("callout_tip", \.tip), ("callout_important", \.important), ("callout_warning", \.warning),
            ("callout_caution", \.caution), ("rule_callout_prefix", \.rulePrefix), ("about_this_rule", \.aboutThisRule),
            ("derived_rule_note", \.derivedRuleNote), ("worked_example", \.workedExample), ("worked_example_start", \.toStartWith),
            ("worked_example_result", \.whatHappens), ("task_done", \.taskDone), ("task_not_done", \.taskNotDone), ("table_label", \.table),
            ("table_label_prefix", \.tablePrefix), ("footnote_back", \.footnoteBack), ("related_articles", \.relatedArticles),
            ("open_larger", \.openLarger),
        ]
    }

    /// The words of a strings file; a key it lacks keeps its English word (the strings file's
    /// check against the default language's reports the gap).
    public init(_ strings: ThemeStrings?) {
        guard let strings else { return }
        for (key, path) in Self.keys {
            if let value = strings.values[key] { self[keyPath: path] = value }
        }
    }

    func label(_ kind: CalloutKind) -> String {
        switch kind {
        case .note: note
        case .tip: tip
        case .important: important
        case .warning: warning
        case .caution: caution
        }
    }
}
