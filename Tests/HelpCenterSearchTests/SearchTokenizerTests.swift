import Testing

@testable import HelpCenterSearch

@Suite struct SearchTokenizerTests {
    @Test(arguments: [
        ("Can't sign in? Use your 2FA backup-method.", ["can't", "sign", "in", "use", "your", "2fa", "backup", "method"]),
        ("The user’s phone", ["the", "user's", "phone"]),
        ("a B c: Réinitialiser l'ÉCRAN", ["réinitialiser", "l'écran"]),
        ("users' keys — “quoted”", ["users", "keys", "quoted"]),
    ])
    func wordsAreLowerCasedAndSplitAtPunctuation(text: String, expected: [String]) {
        #expect(SearchTokenizer.words(text) == expected)
    }
}

@Suite struct SearchStemmerTests {
    @Test func englishStemsTheFormsOfAWordAlike() throws {
        let stemmer = try #require(SearchStemmer(algorithm: "english"))
        #expect(stemmer.stem("locked") == stemmer.stem("locking"))
        #expect(stemmer.stem("methods") == "method")
        #expect(stemmer.stem("recovery") == stemmer.stem("recoveries"))
    }

    @Test func anUnknownAlgorithmHasNoStemmer() {
        #expect(SearchStemmer(algorithm: "klingon") == nil)
        #expect(SearchStemmer.algorithms.contains("english"))
    }

    @Test func theSiteLanguageChoosesTheStemmerAndStopWords() {
        #expect(SearchLanguage(tag: "en-GB").stemmerAlgorithm == "english")
        #expect(SearchLanguage(tag: "en-GB").stopWords.contains("not"))
        #expect(SearchLanguage(tag: "fr").stemmerAlgorithm == "french")
        #expect(SearchLanguage(tag: "fr").stopWords.isEmpty)
    }
}
