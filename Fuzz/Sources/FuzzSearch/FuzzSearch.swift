import FuzzSupport
import HelpCenterSearch

/// The search index's readers of article text, in English and French (elisions): the term
/// counter, the fragment writer and the index's files.
///
/// Checks besides "no crash":
/// - the counter's byte-level fast path splits and counts words exactly as `SearchTokenizer`
///   does (the browser's `search.js` follows the tokenizer, so a difference would make a word
///   unfindable);
/// - what the build writes for the browser (an article's fragment, the manifest and the term
///   shards) is valid UTF-8 and has no `<`, so no text can end the script it is loaded by.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    for (tag, language) in languages {
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let title = lines.first ?? ""
        let heading = lines.count > 1 ? lines[1] : ""
        let document = SearchDocument(
            title: title, path: "fuzz/article/", collection: "Fuzz", description: heading,
            headings: [.init(id: "h", text: heading)], blocks: [.init(section: nil, text: text), .init(section: 0, text: heading)])

        var expected: [String: Int] = [:]
        for word in SearchTokenizer.words(text, elisions: language.elisionBytes) where !language.stopWords.contains(word) {
            expected[word, default: 0] += 1
        }
        let blockOnly = SearchDocument(title: "", path: "", collection: "", description: "", headings: [], blocks: [.init(section: nil, text: text)])
        let counted = blockOnly.terms(language: language).terms.mapValues(\.weightedCount)
        fuzzCheck(counted == expected, "\(tag): the counter's words \(counted) differ from the tokenizer's \(expected)")

        checkScript(SearchFragment.script(for: document, number: 0), "\(tag) fragment")
        let accumulator = SearchIndexAccumulator(language: language)
        accumulator.add(document, number: 0)
        for file in accumulator.finish(settings: SearchSettings(language: tag)) { checkScript(file.bytes, "\(tag) \(file.name)") }
    }
    return 0
}

/// Made once: a language's stemmer and stop-word table are the slow part of a run.
private let languages = [("en-GB", SearchLanguage(tag: "en-GB")), ("fr-FR", SearchLanguage(tag: "fr-FR"))]

private func checkScript(_ bytes: [UInt8], _ name: String) {
    fuzzCheck(String(validating: bytes, as: UTF8.self) != nil, "\(name) is not valid UTF-8")
    fuzzCheck(!bytes.contains(UInt8(ascii: "<")), "\(name) holds a '<', which could end its script")
}
