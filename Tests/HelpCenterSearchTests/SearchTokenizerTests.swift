import Foundation
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

    /// tests/search/tokenizer.tsv, which the browser test also reads (search.js must split alike):
    /// one character is too short and 41 bytes too long, however the word is written.
    @Test func theSharedExamplesSplitAsListed() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../tests/search/tokenizer.tsv")
        let rows = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count >= 8)
        for row in rows {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(columns.count == 2, "\(row)")
            #expect(SearchTokenizer.words(String(columns[0])) == columns[1].split(separator: " ").map(String.init), "\(columns[0])")
        }
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
        #expect(SearchLanguage(tag: "fr").stopWords.contains("pour") && !SearchLanguage(tag: "fr").stopWords.contains("not"))
        #expect(SearchLanguage(tag: "de").stopWords.isEmpty)
    }
}

/// `SearchTermCounter` reads ASCII text on a fast path of its own: it must find exactly the
/// words `SearchTokenizer` finds, the browser's split.
@Suite struct SearchTermCounterSplitTests {
    /// The words of `text` with their counts, as the tokenizer splits them (stop words left out).
    static func tokenizerCounts(_ text: String, language: SearchLanguage) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in SearchTokenizer.words(text, elisions: language.elisionBytes) where !language.stopWords.contains(word) { counts[word, default: 0] += 1 }
        return counts
    }

    static func counterCounts(_ text: String, language: SearchLanguage) -> [String: Int] {
        let document = SearchDocument(title: "", path: "", collection: "", description: "", headings: [], blocks: [.init(section: nil, text: text)])
        return document.terms(language: language).terms.mapValues(\.weightedCount)
    }

    @Test(arguments: [
        "Can't SIGN in? Use your 2FA backup-method.", "ab''cd ab'''é 'é x'é é' l’écran L'ÉCRAN", "dogs' o'clock ''quoted'' '",
        "naïve café—résumé, déjà-vu", "A1B2 3c 45 x y z", "word'", "'", "é", "Ünïcödé ÅNGSTRÖM’S", "a\u{2028}b “c” d…e",
        String(repeating: "long", count: 11) + " ok " + String(repeating: "x", count: 40), "tab\tnew\nline\r\nend",
    ])
    func theCounterSplitsAsTheTokenizer(text: String) {
        let language = SearchLanguage(tag: "en")
        #expect(Self.counterCounts(text, language: language) == Self.tokenizerCounts(text, language: language))
    }

    @Test func frenchElidedWordsAreTakenOffInBothPaths() {
        let french = SearchLanguage(tag: "fr-FR")
        #expect(
            SearchTokenizer.words("L'écran, l’authentification qu'il aujourd'hui", elisions: french.elisionBytes)
                == ["écran", "authentification", "il", "aujourd'hui"])
        // English keeps the apostrophe's words whole.
        #expect(SearchTokenizer.words("L'écran can't") == ["l'écran", "can't"])
        for text in ["l'option L'ACCÈS n'avez qu'une c'est l'l'x qu'l'é jusqu'au d'", "L'Option l'a s'identifier"] {
            #expect(Self.counterCounts(text, language: french) == Self.tokenizerCounts(text, language: french), "\(text)")
        }
        #expect(Self.counterCounts("l'option l'option", language: french) == ["option": 2])
    }

    /// ASCII text goes eight bytes at a time (`addEightAtATime`): words of every length across
    /// the eight-byte steps, capitals, digits, and every ASCII byte as a separator.
    @Test func randomASCIITextSplitsAlike() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        let separators = (0..<128).map(UInt8.init).filter { !letters.contains($0) }
        for _ in 0..<600 {
            var text: [UInt8] = []
            while text.count < Int(next() % 300) {
                for _ in 0..<Int(next() % 20 + 1) { text.append(letters[Int(next() % UInt64(letters.count))]) }
                for _ in 0..<Int(next() % 3 + 1) { text.append(separators[Int(next() % UInt64(separators.count))]) }
            }
            let string = String(decoding: text, as: UTF8.self)
            let language = SearchLanguage(tag: next() % 2 == 0 ? "en" : "fr")
            #expect(Self.counterCounts(string, language: language) == Self.tokenizerCounts(string, language: language), "\(string.debugDescription)")
        }
        // A word that ends the text, one of exactly eight and sixteen letters, one over 40.
        for text in ["Ends here", "abcdefgh ABCDEFGHijklmnop.", String(repeating: "Word", count: 11) + " after", "12345678'9 x"] {
            #expect(Self.counterCounts(text, language: SearchLanguage(tag: "en")) == Self.tokenizerCounts(text, language: SearchLanguage(tag: "en")), "\(text)")
        }
    }

    @Test func randomTextSplitsAlike() {
        // A fixed-seed generator over letters, digits, apostrophes, separators and multi-byte characters.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces = ["a", "B", "z", "Q", "0", "7", "'", "’", " ", "-", ".", "é", "É", "—", "ß", "\u{A0}", "x", "IT", "the", "\n", "l'", "L", "qu", "d"]
        for language in [SearchLanguage(tag: "en"), SearchLanguage(tag: "fr")] {
            for _ in 0..<400 {
                let text = (0..<Int(next() % 60)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
                #expect(Self.counterCounts(text, language: language) == Self.tokenizerCounts(text, language: language), "\(text.debugDescription)")
            }
        }
    }
}
