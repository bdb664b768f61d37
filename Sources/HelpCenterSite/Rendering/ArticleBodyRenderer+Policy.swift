import Foundation
import HelpCenterDiagnostics
import HelpCenterMarkdown
import HelpCenterRuleCitations
import HelpCenterTemplates

/// The project's policy directives: `> [!RULE] id` callouts, `> [!EXAMPLE] name` worked
/// examples and `[[UI label]]` marks. Every rule an article cites is recorded for coverage.
extension ArticleBodyRenderer {
    mutating func renderRuleCallout(_ id: String, extra: [MarkdownNode], node: MarkdownNode) {
        citedRules.append(LocatedValue(id, at: location(of: node)))
        guard let policy = index.policy, let rule = policy.rule(id) else {
            if index.policy == nil && index.isLenient {
                report(.error, "[!RULE] \(id): \(Self.withoutProject) rules", at: node, id: "unknown-rule")
                return
            }
            if let unknown = RuleCitationCheck(policy: index.policy).unknownRule(id, at: location(of: node)) { diagnostics.append(unknown) }
            return
        }
        if policy.untranslatedRules.contains(id) {
            report(
                .error,
                "the rule '\(id)' has no wording in this page's language: add it to \(policy.vocabularyPath) (rules: \(id): { title: …, sentence: … })",
                at: node, id: "rule-translation")
        }
        if !extra.isEmpty {
            report(
                .warning,
                "text inside a [!RULE] callout is left out: the rule's words come from \(policy.wordingPath); write your own words outside the callout",
                at: node, id: "rule-callout")
        }
        calloutCount += 1
        let titleID = "callout-\(calloutCount)"
        slugger.reserve(titleID)
        otherIDs.append(titleID)
        output += "<aside class=\"callout callout-rule\" role=\"note\" aria-labelledby=\"\(titleID)\" data-rule=\"\(HTMLEscaping.escape(rule.id))\">\n"
        output += "<p class=\"callout-title\" id=\"\(titleID)\">\(CalloutKind.important.icon)<span>"
        text(context.words.rulePrefix)
        text(rule.title)
        output += "</span></p>\n<p>"
        text(rule.sentence)
        output += "</p>\n"
        if rule.isDerived {
            // A derived rule is the team's decision where Sage's article is silent: say so, so
            // that no reader takes it for Sage's words.
            output += "<p class=\"callout-derived\">"
            text(context.words.derivedRuleNote)
            output += "</p>\n"
        }
        output += "<p class=\"callout-source\"><a "
        appendRuleLink(rule.id)
        output += ">"
        text(context.words.aboutThisRule)
        output += "</a></p>\n</aside>\n"
    }

    /// `href="…"` to a rule on the readers' rules page (`policy/#rule-<id>`), through the check
    /// every URL goes through.
    /// Why a page rendered on its own (`helpcenter render` from standard input, with
    /// `--standalone`, or of a file outside a content folder) shows no policy: it blamed the
    /// project ("this project has no policy data"), which may well have one.
    static let withoutProject =
        "the article is rendered on its own (standard input, --standalone, or a file outside a content folder), without a project's policy, so it cannot show its"

    mutating func appendRuleLink(_ id: String) {
        output += "href=\""
        text(URLSafety.publishable(rootPrefix + "policy/#rule-" + PageAddress.encode(id)) ?? "")
        output += "\""
    }

    mutating func renderExample(_ name: String, extra: [MarkdownNode], node: MarkdownNode) {
        guard let policy = index.policy else {
            let why = index.isLenient ? "\(Self.withoutProject) worked examples" : "this project has no policy data and no scenarios to embed"
            report(.error, "[!EXAMPLE] \(name): \(why)", at: node, id: "unknown-example")
            return
        }
        guard let example = policy.examples[name] else {
            let hint = policy.suggestions(for: name, in: Array(policy.examples.keys))
            report(
                .error, "[!EXAMPLE] names no scenario: '\(name)'\(hint); scenario names are the `name:` fields under scenarios/", at: node,
                id: "unknown-example")
            return
        }
        guard example.passed else {
            let problems = example.problems.prefix(3).joined(separator: "; ")
            report(
                .error, "[!EXAMPLE] '\(name)' (\(example.location)) does not pass the check, so it can't be shown: \(problems)", at: node, id: "failing-example"
            )
            return
        }
        guard example.unwritten.isEmpty else {
            report(
                .error,
                "[!EXAMPLE] '\(name)' needs words that \(context.words.vocabularyPath) doesn't have yet: \(example.unwritten.joined(separator: ", ")); add a sentence for each",
                at: node, id: "example-wording")
            return
        }
        for step in example.steps {
            if let id = step.ruleID { citedExampleRules.append(id) }
        }
        calloutCount += 1
        let captionID = "example-\(calloutCount)"
        slugger.reserve(captionID)
        otherIDs.append(captionID)
        output +=
            "<figure class=\"worked-example\" aria-labelledby=\"\(captionID)\">\n<figcaption id=\"\(captionID)\"><span class=\"worked-example-label\">"
        text(context.words.workedExample)
        output += "</span> "
        text(example.title)
        output += "</figcaption>\n"
        for child in extra { render(child) }
        if !example.starting.isEmpty {
            output += "<p class=\"worked-example-start\"><strong>"
            text(context.words.toStartWith)
            output += "</strong> "
            text(example.starting.joined(separator: " "))
            output += "</p>\n"
        }
        // A list, not a table: each step reads as a short paragraph pair on any screen
        // (the stylesheet sets the two side by side where there is room).
        output += "<ol class=\"worked-example-steps\">\n"
        for step in example.steps {
            output += "<li><p class=\"worked-example-action\">"
            text(step.action)
            output += "</p><p class=\"worked-example-result\"><span class=\"visually-hidden\">"
            text(context.words.whatHappens)
            output += "</span>"
            text(step.result)
            if let id = step.ruleID, let rule = policy.rule(id) {
                output += " <a class=\"worked-example-rule\" "
                appendRuleLink(rule.id)
                output += ">"
                text(rule.title)
                output += "</a>"
            }
            output += "</p></li>\n"
        }
        output += "</ol>\n</figure>\n"
    }

    /// The first `[[` (or `]]`) in a text, found among its bytes (Foundation's `range(of:)` read
    /// the rest of the text at each call: a line of 20,000 labels took seconds; session 25).
    /// ASCII bytes are whole characters, so the range is one of the text's.
    static func pair(_ byte: UInt8, in text: Substring) -> Range<String.Index>? {
        let bytes = text.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == byte, next < bytes.endIndex, bytes[next] == byte { return index..<bytes.index(after: next) }
            index = next
        }
        return nil
    }

    /// The "did you mean" of an unknown label, worked out once per label and article.
    mutating func labelSuggestion(_ label: String, policy: SitePolicy) -> String {
        if let known = labelSuggestions[label] { return known }
        let suggestion = policy.suggestions(for: label, in: Array(policy.labels.keys))
        labelSuggestions[label] = suggestion
        return suggestion
    }

    /// Whether the text has a `[[` (a byte scan, `bracketMarks`).
    static func containsLabelMark(_ text: String) -> Bool {
        bracketMarks(text.utf8.span).contains(.label)
    }

    /// Plain text (a heading's, for the contents, the search index and a table's name; an
    /// image's alt) as readers see it: each `[[UI label]]` as the label's text, without its
    /// marks. The marks are checked where the text is rendered; here they are only taken off
    /// (they reached the contents list, `aria-label`s and alt text: session 24's writer trial).
    func labelsShown(_ text: String) -> String {
        guard Self.containsLabelMark(text) else { return text }
        var shown = ""
        var rest = Substring(text)
        while let open = Self.pair(UInt8(ascii: "["), in: rest), let close = Self.pair(UInt8(ascii: "]"), in: rest[open.upperBound...]) {
            shown += rest[rest.startIndex..<open.lowerBound]
            let label = String(rest[open.upperBound..<close.lowerBound])
            shown += index.policy?.label(marked: label)?.text ?? label
            rest = rest[close.upperBound...]
        }
        return shown + rest
    }

    /// Text with `[[UI label]]` marks: known labels become styled spans, unknown ones errors.
    /// Returns the text as readers see it (the labels without their marks), for the search index.
    @discardableResult
    mutating func renderText(_ literal: String, node: MarkdownNode) -> String {
        guard let policy = index.policy, Self.containsLabelMark(literal) else {
            text(literal)
            return literal
        }
        // Where a mark of the text is in the file: found as written on the node's source line,
        // after the mark before it (escapes, entities and smart punctuation before it shift the
        // text's offsets), else counted in characters from the text's node.
        var cursor = node.column
        // Characters counted so far from the text's start (forward, once: counting from the
        // start for each mark made a line of thousands of marks quadratic).
        var counted = (index: literal.startIndex, characters: 0)
        func markLocation(_ index: String.Index, written: String) -> SourceLocation {
            counted.characters += literal.unicodeScalars.distance(from: counted.index, to: index)
            counted.index = index
            var column = node.column + counted.characters
            if markSource.isUsable, let found = markSource.column(of: written, line: node.line, from: cursor) {
                column = found
                cursor = found + written.unicodeScalars.count
            }
            return SourceLocation(path: context.displayPath, line: context.bodyFirstLine - 1 + node.line, column: column)
        }
        var shown = ""
        var rest = Substring(literal)
        while let open = Self.pair(UInt8(ascii: "["), in: rest), let close = Self.pair(UInt8(ascii: "]"), in: rest[open.upperBound...]) {
            let before = String(rest[rest.startIndex..<open.lowerBound])
            text(before)
            shown += before
            let label = String(rest[open.upperBound..<close.lowerBound])
            if let known = policy.label(marked: label) {
                output += "<span class=\"ui-label ui-\(HTMLEscaping.escape(known.kind))\">"
                text(known.text)
                output += "</span>"
                shown += known.text
            } else {
                let position = markLocation(open.lowerBound, written: "[[" + label + "]]")
                // A label left in the source's words (a translation starts as a copy of its
                // source): its translation is the hint, not a near spelling.
                let message =
                    if let translated = policy.sourceLabels[label] {
                        "[[\(label)]] is the label in the default language; in this page's language it is [[\(translated)]] (\(context.words.vocabularyPath))"
                    } else {
                        "[[\(label)]] is not a label of the product's interface\(labelSuggestion(label, policy: policy)); labels are listed in \(context.words.vocabularyPath)"
                    }
                diagnostics.append(.error(message, at: position, id: "unknown-label"))
                text(label)
                shown += label
            }
            rest = rest[close.upperBound...]
        }
        if let open = Self.pair(UInt8(ascii: "["), in: rest) {
            // `[[Manage your account` with no `]]`: shown as written (session 24's writer trial).
            // Found by what follows it too, so that an earlier label's `[[` is not taken for it.
            let position = markLocation(open.lowerBound, written: String(rest[open.lowerBound...].prefix(24)))
            diagnostics.append(
                .warning("this [[ has no ]] to end the label, so readers see it as written; close it: [[label]]", at: position, id: "unknown-label"))
        }
        text(String(rest))
        return shown + rest
    }
}
