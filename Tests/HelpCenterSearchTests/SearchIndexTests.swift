import Foundation
import Testing

@testable import HelpCenterSearch

@Suite struct SearchIndexTests {
    static func document(_ title: String, body: [String], headings: [SearchDocument.Heading] = []) -> SearchDocument {
        SearchDocument(
            title: title, path: "c/\(title.lowercased().replacingOccurrences(of: " ", with: "-"))/", collection: "C", description: "",
            headings: headings, blocks: body.map { SearchDocument.Block(section: headings.isEmpty ? nil : 0, text: $0) })
    }

    static func text(_ file: (name: String, bytes: [UInt8])?) -> String {
        file.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func titleWordsWeighMoreThanBodyWordsAndStopWordsAreLeftOut() {
        let (terms, length) = Self.document("Locked out", body: ["You are locked out of the account."]).terms(language: SearchLanguage(tag: "en"))
        #expect(terms["locked"] == SearchTerm(weightedCount: SearchDocument.FieldWeight.title + 1, fields: .title))
        #expect(terms["account"] == SearchTerm(weightedCount: 1, fields: []))
        #expect(terms["out"] == nil && terms["the"] == nil)
        #expect(length == 3)
    }

    @Test func surfaceFormsPointToTheirStemAndTheStemHoldsTheMergedPostings() throws {
        let accumulator = SearchIndexAccumulator(language: SearchLanguage(tag: "en-GB"))
        accumulator.add(Self.document("Locked accounts", body: ["Locking happens."]), number: 0)
        accumulator.add(Self.document("Phones", body: ["An account is locked."]), number: 1)
        let files = accumulator.finish(settings: SearchSettings(language: "en-GB"))
        let manifest = Self.text(files.first { $0.name == "manifest.js" })
        #expect(manifest.contains("\"documents\":2"))
        #expect(manifest.contains("[\"text\",\"sms\"]"))
        // A small index is one shard: the empty prefix.
        #expect(files.map(\.name) == ["manifest.js", "t-_.js"])
        let shard = Self.text(files.last)
        #expect(shard.contains("\"locked\":\"lock\""))
        #expect(shard.contains("\"locking\":\"lock\""))
        #expect(shard.contains("\"accounts\":\"account\""))
        // "lock" is in both documents: document frequency 2.
        #expect(shard.contains("\"lock\":[2,"))
    }

    /// The build's workers each fill a part of their own: however the articles are shared out,
    /// and in whatever order the parts come back, the index is the one a single part makes.
    @Test func partsFilledByWorkersMakeTheSameIndexAsOne() {
        let language = SearchLanguage(tag: "en-GB")
        let documents = (0..<40).map { number in
            Self.document(
                "Article \(number) locked", body: ["Locking \(number % 7) accounts and phones.", "Backup \(number % 3) methods, codes."],
                headings: [.init(id: "h", text: "Heading \(number % 5)")])
        }
        let single = SearchIndexAccumulator(language: language)
        for (number, document) in documents.enumerated() { single.add(document, number: number) }
        let shared = SearchIndexAccumulator(language: language)
        var parts = (0..<3).map { _ in shared.makePart() }
        for (number, document) in documents.enumerated().reversed() { parts[(number * 7) % 3].add(document, number: number) }
        shared.absorb([parts[2], parts[0]])
        shared.absorb([parts[1]])
        let settings = SearchSettings(language: "en-GB")
        let expected = single.finish(settings: settings)
        #expect(expected.count >= 2)
        #expect(shared.finish(settings: settings).map { [$0.name: $0.bytes] } == expected.map { [$0.name: $0.bytes] })
    }

    /// A part's postings live in linked blocks of 15 inside chunks of `chunkBlocks` blocks:
    /// words with many postings cross blocks, and enough words cross chunks.
    @Test func postingsComeBackWholeAcrossBlocksAndChunks() {
        var words = SearchIndexAccumulator.Words()
        var expected: [String: [UInt32]] = [:]
        let wordCount = SearchIndexAccumulator.Words.chunkBlocks + 500
        for number in 0..<wordCount {
            let word = Array("w\(number)".utf8)
            let postings = (0..<UInt32(number % 40 + 1)).map { $0 << 12 | UInt32(number % 7) }
            for posting in postings { words.add(word[...], hash: SearchTermCounter.hash(word), posting: posting) }
            expected["w\(number)"] = postings
        }
        let all = words.all()
        #expect(all.count == wordCount)
        #expect(Dictionary(uniqueKeysWithValues: all.map { ($0.word, $0.postings) }) == expected)
    }

    @Test func aFrenchIndexTakesElidedWordsOffAndListsThemForTheBrowser() {
        let accumulator = SearchIndexAccumulator(language: SearchLanguage(tag: "fr-FR"))
        accumulator.add(Self.document("Sécuriser l'accès", body: ["Ouvrez l’écran des paramètres pour votre compte."]), number: 0)
        let files = accumulator.finish(settings: SearchSettings(language: "fr-FR", synonyms: SearchSettings.frenchSynonyms))
        let manifest = Self.text(files.first { $0.name == "manifest.js" })
        #expect(manifest.contains("\"elisions\":[\"c\",\"d\",\"j\",\"jusqu\""))
        #expect(manifest.contains("\"texto\""))
        let shard = Self.text(files.last)
        #expect(shard.contains("\"accès\":") && shard.contains("\"écran\":"))
        #expect(!shard.contains("l'accès") && !shard.contains("\"pour\"") && !shard.contains("\"votre\""))
        let english = SearchIndexAccumulator(language: SearchLanguage(tag: "en"))
        english.add(Self.document("Access", body: ["Open it."]), number: 0)
        #expect(!Self.text(english.finish(settings: SearchSettings(language: "en")).first).contains("elisions"))
    }

    @Test func wordsWithAccentsCanBeTypedWithout() throws {
        let accumulator = SearchIndexAccumulator(language: SearchLanguage(tag: "fr-FR"))
        accumulator.add(Self.document("Clés de récupération", body: ["Un élève a élevé la cle."]), number: 0)
        let shard = Self.text(accumulator.finish(settings: SearchSettings(language: "fr-FR")).last)
        let stemmer = try #require(SearchStemmer(algorithm: "french"))
        // The accent-free form points to the accented word's stem.
        #expect(shard.contains("\"recuperation\":\"\(stemmer.stem("récupération"))\""))
        // "cle" is a word of the text itself: it keeps its own stem; "eleve" comes from the first
        // of "élevé" and "élève" in sorted order.
        #expect(stemmer.stem("cle") == "cle" && shard.contains("\"cle\":1"))
        #expect(shard.components(separatedBy: "\"eleve\":").count == 2)
        // English text without accents gains nothing.
        #expect(SearchIndexBuilder.withoutAccents([("phone", "phone")]).isEmpty)
    }

    @Test func postingsRoundTripThroughTheirEncoding() {
        let postings: [UInt32] = [0 << 12 | 5 << 6 | 1 << 4 | 7, 3 << 12 | 1 << 6 | 9, 40_000 << 12 | 63 << 6 | 3 << 4 | 15]
        let encoded = SearchPosting.encode(postings)
        #expect(Self.decode(encoded) == postings)
    }

    /// The same decoding as `decodePostings` in templates/assets/search.js.
    static func decode(_ bytes: [UInt8]) -> [UInt32] {
        let digits = SearchPosting.alphabet
        var numbers: [UInt32] = []
        var value: UInt32 = 0
        var shift: UInt32 = 0
        for byte in bytes {
            let digit = UInt32(digits.firstIndex(of: byte) ?? 0)
            if digit >= 32 {
                value |= (digit - 32) << shift
                shift += 5
            } else {
                numbers.append(value | digit << shift)
                value = 0
                shift = 0
            }
        }
        var postings: [UInt32] = []
        var document: Int = -1
        for pair in stride(from: 0, to: numbers.count - 1, by: 2) {
            document += Int(numbers[pair]) + 1
            postings.append(UInt32(document) << 12 | numbers[pair + 1])
        }
        return postings
    }

    @Test func largeIndexesSplitIntoShardsThatEachWordFindsByItsPrefix() {
        var sizes: [(key: String, size: Int)] = []
        for first in "abc" { for second in "abcdefghij" { sizes.append(("\(first)\(second)word", 1_000)) } }
        sizes.append(("a", 10))
        let plan = SearchShardPlan(sizes, limit: 4_000)
        #expect(plan.prefixes.first == "")
        // Each shard weighs at most the limit.
        var weights: [String: Int] = [:]
        for entry in sizes { weights[plan.shard(for: entry.key), default: 0] += entry.size }
        #expect(weights.values.allSatisfy { $0 <= 4_000 })
        #expect(plan.shard(for: "zzz") == "")
        #expect(SearchShardPlan.fileKey("ab") == "ab")
        #expect(SearchShardPlan.fileKey("é") == "-c3a9")
    }

    @Test func aFragmentKeepsEachSectionsFirstSentenceWithinItsBudget() {
        let long = String(repeating: "Filler words here. ", count: 200)
        let document = SearchDocument(
            title: "T", path: "c/t/", collection: "C", description: "D",
            headings: [.init(id: "one", text: "One"), .init(id: "two", text: "Two")],
            blocks: [.init(section: 0, text: long), .init(section: 1, text: "Second section starts here. More.")])
        let sentences = SearchFragment.sentences(of: document)
        #expect(sentences.contains(SearchDocument.Block(section: 1, text: "Second section starts here.")))
        #expect(sentences.reduce(0) { $0 + $1.text.utf8.count } <= SearchFragment.budget)
        let script = String(decoding: SearchFragment.script(for: document, number: 7), as: UTF8.self)
        #expect(script.hasPrefix("window.HelpCenterSearch&&HelpCenterSearch.loaded(\"d-7\",{\"t\":\"T\",\"u\":\"c/t/\""))
    }

    /// A section past its share of the budget starts no new block, but the block it is in
    /// still gives its later sentences: a short one at the end can fill the room left.
    @Test func aSectionPastTheBudgetStillGivesTheRestOfItsBlock() {
        let long = (1...10).map { "Sentence \($0) " + String(repeating: "word ", count: 37) + "end." }.joined(separator: " ")
        #expect(long.split(separator: ".").allSatisfy { $0.utf8.count < 210 })
        let short = String(repeating: "Tiny one. ", count: 200)
        let document = SearchDocument(
            title: "T", path: "c/t/", collection: "C", description: "",
            headings: [.init(id: "a", text: "A"), .init(id: "b", text: "B")],
            blocks: [.init(section: 0, text: long + " Yes."), .init(section: 1, text: short)])
        let sentences = SearchFragment.sentences(of: document)
        #expect(sentences.contains(SearchDocument.Block(section: 0, text: "Yes.")))
        #expect(sentences.reduce(0) { $0 + $1.text.utf8.count + 8 } <= SearchFragment.budget)
    }

    /// The sentence split, defined byte by byte: a sentence ends at a space, tab or line feed
    /// right after `.`, `?` or `!`, or at the end; one without a letter is skipped; white space
    /// (carriage returns too) is trimmed. `SearchFragment.sentence` finds the ends eight bytes at
    /// a time and must split alike.
    static func referenceSentence(_ bytes: [UInt8], from start: Int) -> (range: Range<Int>?, next: Int) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var start = start
        var hasLetter = false
        for index in start...bytes.count {
            let ends =
                index == bytes.count
                || ([0x20, 0x0A, 0x09].contains(bytes[index]) && index > 0 && [0x2E, 0x3F, 0x21].contains(bytes[index - 1]))
            if ends {
                if hasLetter {
                    var lower = start
                    var upper = index
                    while lower < upper && isSpace(bytes[lower]) { lower += 1 }
                    while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
                    return (lower..<upper, min(index + 1, bytes.count))
                }
                start = index + 1
            } else if bytes[index] >= 0x80 || (bytes[index] | 0x20) &- 0x61 < 26 {
                hasLetter = true
            }
        }
        return (nil, bytes.count)
    }

    @Test func sentencesSplitAsDefinedByteByByte() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces = ["a", "Word", "9", ".", "?", "!", " ", "\n", "\t", "\r", "é", "...", ". ", "!\n", "?\t", "e.g.", "x.y", "  "]
        var texts = ["", ".", ". a", "a. ", "A.", "!!! ?", "One. Two! Three?\nFour.\tFive", "1. 2. 3.", "abcdefg. h", "abcdefgh. i"]
        for _ in 0..<800 { texts.append((0..<Int(next() % 40)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()) }
        for text in texts {
            let bytes = Array(text.utf8)
            var offset = 0
            var expected: [Range<Int>] = []
            while true {
                let (range, after) = Self.referenceSentence(bytes, from: offset)
                guard let range else { break }
                expected.append(range)
                offset = after
            }
            var found: [Range<Int>] = []
            offset = 0
            while true {
                let (range, after) = text.utf8.withContiguousStorageIfAvailable { SearchFragment.sentence(in: $0.span, from: offset) }!
                guard let range else { break }
                found.append(range)
                offset = after
            }
            #expect(found == expected, "\(text.debugDescription)")
        }
    }

    @Test func textThatCouldEndTheScriptIsEscaped() {
        var json: [UInt8] = []
        SearchJSON.appendString("</script>\u{2028}", to: &json)
        #expect(String(decoding: json, as: UTF8.self) == "\"\\u003c/script\\u003e\\u2028\"")
    }
}
