/// What the search index needs to know about the site's language: its Snowball stemmer, its
/// stop words and its elided words. Chosen from the site's `language` (`en-GB`, `en`, `fr`…)
/// by its primary subtag.
public struct SearchLanguage: Sendable, Equatable {
    /// The Snowball algorithm name (libstemmer's), or nil when the language has none: words
    /// are then indexed as they are written.
    public var stemmerAlgorithm: String?
    /// Words too common to index; a query drops them (see docs/search.md).
    public var stopWords: Set<String> {
        didSet { counterSeed = SearchTermCounter.Seed(stopWords: stopWords) }
    }
    /// The same, as the table each article's `SearchTermCounter` starts from.
    private(set) var counterSeed = SearchTermCounter.Seed(stopWords: [])
    /// Words written joined to the next by an apostrophe and taken off it (French `l'`, `qu'`):
    /// `l'écran` is the word `écran`, in the index and in queries (the manifest lists them for
    /// `search.js`). Empty for English, whose `can't` stays one word.
    public var elisions: Set<String> = [] {
        didSet { elisionBytes = SearchTokenizer.Elisions(elisions) }
    }
    public private(set) var elisionBytes = SearchTokenizer.Elisions([])

    /// The language for a BCP 47 tag; English when the tag is empty.
    public init(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        switch primary {
        case "en", "":
            stemmerAlgorithm = "english"
            stopWords = SearchStopWords.english
        case "fr":
            stemmerAlgorithm = "french"
            stopWords = SearchStopWords.french
            elisions = SearchStopWords.frenchElisions
        default:
            // A language Snowball stems but for which no stop list is bundled yet: stems only.
            stemmerAlgorithm = Self.snowballNames[primary]
            stopWords = []
        }
        counterSeed = SearchTermCounter.Seed(stopWords: stopWords)
        elisionBytes = SearchTokenizer.Elisions(elisions)
    }

    /// ISO 639-1 codes of the languages libstemmer has an algorithm for.
    static let snowballNames: [String: String] = [
        "ar": "arabic", "da": "danish", "de": "german", "el": "greek", "es": "spanish", "fi": "finnish", "fr": "french",
        "hu": "hungarian", "id": "indonesian", "it": "italian", "nl": "dutch", "no": "norwegian", "nb": "norwegian",
        "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish", "tr": "turkish", "ga": "irish",
        "lt": "lithuanian", "ne": "nepali", "ta": "tamil", "ca": "catalan", "eu": "basque", "hy": "armenian",
        "sr": "serbian", "yi": "yiddish",
    ]
}
