/// Where the index's files go and the whole index made at once (for the preview's in-memory
/// site, which keeps every article's `SearchDocument`; the build instead feeds a
/// `SearchIndexAccumulator` from each article's render job).
public enum SearchIndexFiles {
    /// The folder of the index in the site, `search/index/`.
    public static let folder = "search/index/"
    public static let manifestName = "manifest.js"

    /// An article's fragment, `d-<n>.js`.
    public static func fragmentName(_ number: Int) -> String { "d-\(number).js" }

    /// Every file of the index (names under `folder`): the manifest, the shards and one fragment
    /// per document given (numbered by position; nil for a position without a document).
    public static func all(_ documents: [SearchDocument?], settings: SearchSettings) -> [(name: String, bytes: [UInt8])] {
        let accumulator = SearchIndexAccumulator(language: SearchLanguage(tag: settings.language))
        var files: [(name: String, bytes: [UInt8])] = []
        for (number, document) in documents.enumerated() {
            guard let document else { continue }
            accumulator.add(document, number: number)
            files.append((fragmentName(number), SearchFragment.script(for: document, number: number)))
        }
        return accumulator.finish(settings: settings) + files
    }
}
