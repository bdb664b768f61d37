/// The site's search settings: its language and synonym groups (`search_synonyms:` in
/// `helpcenter.yaml`).
public struct SearchSettings: Sendable, Equatable {
    /// The site's `language` (`en-GB`).
    public var language: String
    /// Groups of words or phrases a reader may use for the same thing; a query that holds one
    /// of them also searches the others.
    public var synonyms: [[String]]

    /// This help centre's defaults.
    public static let defaultSynonyms: [[String]] = [
        ["sign in", "log in", "log on", "login", "signin"],
        ["2fa", "two-factor", "two-step", "mfa", "multi-factor"],
        ["text", "sms"],
        ["backup", "back-up"],
    ]

    public init(language: String, synonyms: [[String]] = SearchSettings.defaultSynonyms) {
        self.language = language
        self.synonyms = synonyms
    }
}
