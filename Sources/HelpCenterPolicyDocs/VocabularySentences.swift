import Foundation
import HelpCenterMarkdown

/// Sentences looked up in the vocabulary, `{value}` filled in; the keys it lacks are kept.
struct VocabularySentences {
    let vocabulary: ProductVocabulary
    private(set) var missing: [String] = []

    init(vocabulary: ProductVocabulary) {
        self.vocabulary = vocabulary
    }

    mutating func starting(_ key: String, value: String? = nil) -> String {
        look(up: [key], in: vocabulary.starting, section: "starting", value: value)
    }

    mutating func action(_ key: String, value: String?) -> String {
        look(up: [key], in: vocabulary.actions, section: "actions", value: value)
    }

    mutating func result(_ key: String, value: String? = nil) -> String {
        result([key], value: value)
    }

    /// The first of `keys` the vocabulary has (the most specific first).
    mutating func result(_ keys: [String], value: String? = nil) -> String {
        look(up: keys, in: vocabulary.results, section: "results", value: value)
    }

    func optionalResult(_ key: String, value: String?) -> String? {
        vocabulary.results[key].map { Self.fill($0, value: value) }
    }

    private mutating func look(up keys: [String], in section: [String: String], section name: String, value: String?) -> String {
        for key in keys {
            if let sentence = section[key] { return Self.fill(sentence, value: value) }
        }
        let key = "\(name).\(keys.first ?? "")"
        if !missing.contains(key) { missing.append(key) }
        return ""
    }

    /// The sentence with the bodies' smart punctuation (`can’t`), then `{value}` filled in as
    /// the scenario writes it: an address or number must reach the page exactly
    /// (`o'brien--jane@example.org` became `o’brien–jane@…` when the finished sentence was
    /// typeset: session 25's review).
    static func fill(_ sentence: String, value: String?) -> String {
        MarkdownParser.smartPunctuation(sentence).replacingOccurrences(of: "{value}", with: value ?? "")
    }
}
