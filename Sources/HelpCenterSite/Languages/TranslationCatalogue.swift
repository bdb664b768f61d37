import HelpCenterCalendar
import HelpCenterConcurrency
import HelpCenterDiagnostics

/// Every translation of the content paired with its source page, read once before the
/// languages are built: what each translation says it translates (`translation_of`), whether
/// it is published, and the source's current version (its body's hash and `updated` date).
public struct TranslationCatalogue: Sendable {
    public struct Translation: Sendable, Equatable {
        public var key: String
        /// `collection/article.fr.md`, relative to the content folder.
        public var path: String
        /// `collection/article.md`.
        public var sourcePath: String
        public var translationOf: LocatedValue<String>?
        /// False for a draft this build leaves out, or a file whose front matter is unusable
        /// (its own build reports why): the page then falls back to the source.
        public var isPublished: Bool
        /// Unpublished because it is a draft (`draft: true`); an unpublished file that is not a
        /// draft could not be read or has an error in its front matter.
        public var isDraft = false
        /// The source's body hash (`SourceVersion.bodyHash`) and `updated` date, when it could be read.
        public var sourceHash: String?
        public var sourceUpdated: CalendarDate?
    }

    /// By language key, then by source path.
    public var translations: [String: [String: Translation]] = [:]
    /// The source pages (home, collection indexes, articles), in path order, by source path.
    public var sourcePages: [String] = []
    /// Source pages that are drafts left out of this build (never counted as missing a translation).
    public var unpublishedSources: Set<String> = []
    /// The errors of the translation files themselves, found while pairing: a file that cannot
    /// be read or is not UTF-8, front matter that does not parse or has a wrong value. A
    /// translation that cannot be read is not published, so its language's build never reads
    /// it again: without these, it fell back to its source with no word of why. The build and
    /// `check --translations` report them.
    public var problems: [Diagnostic] = []

    public init() {}

    /// The published translation of a source page into a language, if any.
    public func translation(of sourcePath: String, into key: String) -> Translation? {
        guard let translation = translations[key]?[sourcePath], translation.isPublished else { return nil }
        return translation
    }
}

extension SiteBuilder {
    /// Pairs the translation files with their sources and reads what the status needs, on all
    /// cores. `allSources` also reads the untranslated sources' front matter (for the status
    /// report, so that drafts are not counted as missing translations); the build reads only
    /// the sources of translations.
    func readTranslations(_ entries: [ContentEntry], languages: SiteLanguages, allSources: Bool) -> TranslationCatalogue {
        var catalogue = TranslationCatalogue()
        let pages = Set(entries.filter(\.isPage).map(\.sourcePath))
        catalogue.sourcePages = entries.filter(\.isPage).map(\.sourcePath).sorted()
        var found: [(key: String, path: String, sourcePath: String)] = []
        for case .translation(let key, let sourcePath, let path) in entries
        where key != languages.primary.key && languages.language(key: key) != nil && pages.contains(sourcePath) {
            found.append((key, path, sourcePath))
        }
        let sources = allSources ? catalogue.sourcePages : Array(Set(found.map(\.sourcePath))).sorted()
        let sourceVersions = parallelMap(sources) { path -> (hash: String, updated: CalendarDate?, published: Bool)? in
            guard let split = readSplit(path) else { return nil }
            let isArticle = ContentEntry(path: path).isArticle
            var updated: CalendarDate?
            var published = true
            if isArticle, let matter = ArticleFrontMatter.parse(split, path: content.displayPath(path)).0 {
                updated = matter.updated
                published = !matter.draft || options.includeDrafts
            }
            return (SourceVersion.bodyHash(Substring(split.body)), updated, published)
        }
        var versions: [String: (hash: String, updated: CalendarDate?, published: Bool)] = [:]
        for (path, version) in zip(sources, sourceVersions) {
            guard let version else { continue }
            versions[path] = version
            if !version.published { catalogue.unpublishedSources.insert(path) }
        }
        let known = versions
        let read = parallelMap(found) { item -> (TranslationCatalogue.Translation, [Diagnostic]) in
            var translation = TranslationCatalogue.Translation(
                key: item.key, path: item.path, sourcePath: item.sourcePath, translationOf: nil, isPublished: false,
                sourceHash: known[item.sourcePath]?.hash, sourceUpdated: known[item.sourcePath]?.updated)
            let (split, readProblems) = readSplitReporting(item.path)
            guard let split else { return (translation, readProblems) }
            let displayPath = content.displayPath(item.path)
            let diagnostics: [Diagnostic]
            if ContentEntry(path: item.sourcePath).isArticle {
                let (matter, found) = ArticleFrontMatter.parse(split, path: displayPath)
                diagnostics = found
                if let matter {
                    translation.translationOf = matter.translationOf
                    translation.isPublished = !matter.draft || options.includeDrafts
                    translation.isDraft = !translation.isPublished
                }
            } else {
                let (matter, found) = CollectionFrontMatter.parse(split, path: displayPath)
                diagnostics = found
                if let matter {
                    translation.translationOf = matter.translationOf
                    translation.isPublished = true
                }
            }
            return (translation, diagnostics.filter { $0.severity == .error })
        }
        for (translation, problems) in read {
            catalogue.translations[translation.key, default: [:]][translation.sourcePath] = translation
            catalogue.problems += problems
        }
        return catalogue
    }

    /// A page file split into front matter and body, or nil when it cannot be read (a source
    /// page: its own build reports why).
    private func readSplit(_ path: String) -> SplitSource? {
        readSplitReporting(path).0
    }

    /// A page file split into front matter and body, or nil with why it cannot be read.
    private func readSplitReporting(_ path: String) -> (SplitSource?, [Diagnostic]) {
        switch readPageText(path, displayPath: content.displayPath(path)) {
        case .success(let text): (FrontMatterSplitter.split(text), [])
        case .failure(let problem): (nil, [problem.diagnostic])
        }
    }
}

extension ContentEntry {
    var isArticle: Bool {
        if case .article = self { return true }
        return false
    }
}
