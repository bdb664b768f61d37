/// The site's search settings: its language and synonym groups (`search_synonyms:` in
/// `helpcenter.yaml`).
public struct SearchSettings: Sendable, Equatable {
    /// The site's `language` (`en-GB`).
    public var language: String
    /// Groups of words or phrases a reader may use for the same thing; a query that holds one
    /// of them also searches the others.
    public var synonyms: [[String]]

    /// This help centre's defaults, in English.
    public static let defaultSynonyms: [[String]] = [
        ["sign in", "log in", "log on", "login", "signin"],
        ["2fa", "two-factor", "two-step", "two step", "2-step", "2 step", "mfa", "multi-factor"],
        ["text", "sms"],
        ["backup", "back-up"],
    ]

    /// The same in French: the words French readers type for signing in, two-factor
    /// authentication, text messages and a backup method.
    public static let frenchSynonyms: [[String]] = [
        ["se connecter", "connexion", "s'identifier", "identification", "login"],
        ["2fa", "a2f", "double authentification", "deux facteurs", "deux étapes", "2 étapes", "mfa"],
        ["sms", "texto", "message texte"],
        ["secours", "backup", "méthode de secours"],
    ]

    /// The built-in groups for a language's BCP 47 tag, by its primary subtag: English's for
    /// English, French's for French, none for a language without a list.
    public static func defaultSynonyms(for tag: String) -> [[String]] {
        switch tag.split(separator: "-").first.map({ $0.lowercased() }) ?? "en" {
        case "en": defaultSynonyms
        case "fr": frenchSynonyms
        default: []
        }
    }

    public init(language: String, synonyms: [[String]] = SearchSettings.defaultSynonyms) {
        self.language = language
        self.synonyms = synonyms
    }
}
