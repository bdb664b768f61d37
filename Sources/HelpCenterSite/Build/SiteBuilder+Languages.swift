import Foundation
import HelpCenterConcurrency
import HelpCenterDiagnostics

/// A site in several languages: the default language at the root, each other one under its
/// prefix, every page of the default language in each (translated, or falling back with a
/// notice), with the language switcher and `hreflang` alternates (docs/languages.md).
extension SiteBuilder {
    func buildLanguages(
        _ languages: SiteLanguages, entries: [ContentEntry], diagnostics layoutDiagnostics: [Diagnostic], into output: any SiteOutput,
        timer start: PhaseTimer
    ) throws -> BuildReport {
        var timer = start
        var catalogue = readTranslations(entries, languages: languages, allSources: false)
        timer.lap("pair translations")
        var articles: [String: Set<String>] = [:]
        for case .article(let collection, let slug, let path) in entries where !catalogue.unpublishedSources.contains(path) {
            articles[languages.primary.key, default: []].insert(
                PageAddress.encode(ContentEntry.sitePath(collection: collection, slug: slug, layout: configuration.pageLayout)))
        }
        for language in languages.translations {
            for case .article(let collection, let slug, let path) in entries where catalogue.translation(of: path, into: language.key) != nil {
                articles[language.key, default: []].insert(
                    PageAddress.encode(ContentEntry.sitePath(collection: collection, slug: slug, layout: configuration.pageLayout)))
            }
        }
        var report = BuildReport(diagnostics: [], articleCount: 0, collectionCount: 0, pagesWritten: 0, filesCopied: 0)
        var diagnostics = layoutDiagnostics + catalogue.problems
        let templateFiles = try templates.listFiles()
        let primaryWords = BodyWords(try loadThemeStrings(templateFiles).0)
        for language in languages.all {
            var builder = try editionBuilder(
                language, of: languages, entries: entries, catalogue: catalogue, templateFiles: templateFiles, primaryWords: primaryWords)
            builder.languageSwitch = LanguageSwitch(
                languages: languages, current: language, articles: articles,
                absoluteBase: configuration.hasAbsoluteBaseURL ? configuration.absoluteURL("") : nil, basePath: configuration.basePath)
            let target: any SiteOutput = language.prefix.isEmpty ? output : PrefixedSiteOutput(base: output, prefix: language.prefix)
            let part = try builder.buildEdition(builder.edition?.entries ?? entries, diagnostics: [], into: target, timer: PhaseTimer())
            diagnostics += part.diagnostics
            for (phase, seconds) in part.timings { timer.laps.append(("\(language.key): \(phase)", seconds)) }
            if language == languages.primary {
                report.articleCount = part.articleCount
                report.collectionCount = part.collectionCount
                // Drafts need no translation. The catalogue read only the translated sources'
                // front matter (reading them all would be a second read of every article): a
                // new draft article counted as missing its translation in the build's warning
                // and not in `check --translations` (session 24's writer trial).
                catalogue.unpublishedSources.formUnion(part.draftSources)
            }
            for (path, source) in part.draftPages { report.draftPages[language.prefix + path] = source }
            report.pagesWritten += part.pagesWritten
            report.filesCopied += part.filesCopied
        }
        let status = TranslationStatusReport(catalogue: catalogue, languages: languages, displayPath: content.displayPath)
        diagnostics += status.buildWarnings(locations: configuration.languageLocations)
        // A fallback page repeats its source's findings: each is reported once.
        report.diagnostics = Array(Set(diagnostics)).sorted()
        report.timings = timer.laps
        return report
    }

    /// The builder of one language's pages: its configuration, which file each page is read
    /// from, its theme's words, and its policy and vocabulary (the default language's for the
    /// pages that fall back to it).
    func editionBuilder(
        _ language: SiteLanguage, of languages: SiteLanguages, entries: [ContentEntry], catalogue: TranslationCatalogue, templateFiles: [String],
        primaryWords: BodyWords
    ) throws -> SiteBuilder {
        var builder = self
        builder.configuration = configuration.edition(language)
        builder.edition =
            language == languages.primary
            ? SiteEdition.primary(language, entries: entries)
            : SiteEdition.translated(language, entries: entries, catalogue: catalogue, layout: configuration.pageLayout)
        try builder.loadWords(templateFiles)
        builder.fallbackWords = primaryWords
        builder.fallbackPolicy = policy
        if language != languages.primary, let policy {
            builder.policy =
                translatedPolicies[language.key] ?? policy.translations[language.key]
                ?? SitePolicy.untranslated(policy, vocabularyPath: "policy/vocabulary.\(language.key).yaml")
            builder.bodyWords.vocabularyPath = builder.policy?.vocabularyPath ?? builder.bodyWords.vocabularyPath
        }
        return builder
    }

    /// Translation files that are not pages of any language: an unknown language key (with
    /// the closest configured one), a translation into the default language, a translation
    /// whose source page does not exist; and collection folders named like a language prefix.
    func checkTranslations(_ entries: [ContentEntry]) -> [Diagnostic] {
        let languages = configuration.languages
        let pages = Set(entries.filter(\.isPage).map(\.sourcePath))
        var diagnostics: [Diagnostic] = []
        for case .translation(let key, let sourcePath, let path) in entries {
            let location = SourceLocation(path: content.displayPath(path))
            if key == languages.primary.key {
                diagnostics.append(
                    .warning(
                        "'\(key)' is the default language (\(languages.primary.tag)), whose pages have no suffix; this file is not published (rename it \(ContentPath.lastSegment(sourcePath)) or remove it)",
                        at: location, id: "translation"))
            } else if languages.language(key: key) == nil {
                let configured = languages.translations.map(\.key)
                if let close = languages.closestKey(to: key, others: true), pages.contains(sourcePath) {
                    // Beside its source page and one letter from a language of the site: a
                    // misspelt suffix, and the translation would silently leave the site
                    // (session 23's translator trial: `.fe.md` was a warning, and CI passed).
                    // Without a source it may be an article's own name (`node.js.md` on a
                    // site with `es`): the warning below.
                    let renamed = TranslationScaffold.path(of: ContentPath.lastSegment(sourcePath), key: close)
                    diagnostics.append(
                        .error(
                            "'\(key)' is not a language of the site (did you mean '\(close)'?), so this translation is not published; rename the file \(renamed)",
                            at: location, id: "translation"))
                    continue
                }
                let known =
                    configured.isEmpty
                    ? "the site has no other language; add it to 'languages' in helpcenter.yaml, e.g. \(key): { tag: \(key)-XX, name: … }"
                    : "configured: \(configured.joined(separator: ", "))"
                diagnostics.append(
                    .warning(
                        "'\(key)' is not a language of the site, so this file is read as a translation and not published; \(known). An article whose name has a dot needs another name",
                        at: location, id: "translation"))
            } else if !pages.contains(sourcePath) {
                // The closest page of the same folder, for a translation whose source was
                // renamed or whose name is misspelt.
                let folder = ContentPath.directory(of: sourcePath)
                let siblings = pages.filter { ContentPath.directory(of: $0) == folder }.map(ContentPath.lastSegment)
                let hint = EditDistance.didYouMean(ContentPath.lastSegment(sourcePath), among: siblings.sorted())
                diagnostics.append(
                    .error(
                        "translation of a page that does not exist: there is no \(content.displayPath(sourcePath))\(hint); a translation is named after its source (article.\(key).md beside article.md)",
                        at: location, id: "translation"))
            }
        }
        if languages.isMultilingual {
            let prefixes = Dictionary(
                languages.translations.map { (String($0.prefix.split(separator: "/").first ?? ""), $0.key) }, uniquingKeysWith: { first, _ in first })
            var reported: Set<String> = []
            for case .article(let collection, _, let path) in entries {
                guard let key = prefixes[collection], reported.insert(collection).inserted else { continue }
                diagnostics.append(
                    .error(
                        "the folder name '\(collection)' is the prefix of the language '\(key)' (/\(collection)/); rename the collection or give the language another 'prefix'",
                        at: SourceLocation(path: content.displayPath(path)), id: "content-layout"))
            }
        }
        return diagnostics
    }
}

extension SiteConfiguration {
    /// The configuration one language's pages are built with: its tag, and the base URL of
    /// its prefix (so canonical links, the 404 page and the search index are its own).
    func edition(_ language: SiteLanguage) -> SiteConfiguration {
        var configuration = self
        configuration.language = language.tag
        if let name = language.siteName { configuration.name = name }
        if let description = language.siteDescription { configuration.description = description }
        if language.tag != self.language { configuration.searchSynonyms = language.searchSynonyms }
        guard !language.prefix.isEmpty else { return configuration }
        var base = baseURL
        if !base.hasSuffix("/") { base += "/" }
        configuration.baseURL = base + PageAddress.encode(language.prefix)
        return configuration
    }
}

extension SiteBuilder {
    /// Where each page stands in each language (`helpcenter check --translations`), with the
    /// problems of the translation files themselves (unknown languages, missing sources).
    /// `history` gives the text of a source page at a version a translation names (from git),
    /// so that an out-of-date translation lists the sections that changed.
    /// The out-of-date translations are looked up on all cores: `history` usually starts
    /// processes (git), and one at a time they were most of a check's time.
    public func translationStatus(
        history: @Sendable (_ sourcePath: String, _ version: String) -> SourceHistoryLookup = { _, _ in .unknown }
    ) throws -> (TranslationStatusReport, [Diagnostic]) {
        let (entries, _) = try listContent()
        let languages = configuration.languages
        let catalogue = readTranslations(entries, languages: languages, allSources: true)
        var report = TranslationStatusReport(catalogue: catalogue, languages: languages, displayPath: content.displayPath)
        let outdated = report.entries.indices.filter { report.entries[$0].state == .outdated }
        let changes = parallelMap(outdated.map { report.entries[$0] }) { entry -> (sections: [String]?, notFound: Int?) in
            let source = entry.sourcePath
            guard let named = entry.namedVersion else { return (nil, nil) }
            switch history(source, named) {
            case .unknown: return (nil, nil)
            case .noSuchVersion(let searched): return (nil, searched)
            case .text(let old):
                guard let data = try? content.read(source), let text = String(data: data, encoding: .utf8) else { return (nil, nil) }
                return (SectionChanges.changed(from: FrontMatterSplitter.split(old).body, to: FrontMatterSplitter.split(text).body), nil)
            }
        }
        for (index, change) in zip(outdated, changes) {
            report.entries[index].changedSections = change.sections
            report.entries[index].namedVersionNotFound = change.notFound
        }
        return (report, checkTranslations(entries) + catalogue.problems)
    }
}

/// What a source page's history says about the version a translation names
/// (`SiteBuilder.translationStatus`).
public enum SourceHistoryLookup: Sendable, Equatable {
    /// The page's text at that version.
    case text(String)
    /// The history was read, and none of its versions (the commits searched) is the one named:
    /// a mistyped hash, or a date before the page existed.
    case noSuchVersion(commitsSearched: Int)
    /// No history to ask (no git, not a repository, the page never committed).
    case unknown
}
