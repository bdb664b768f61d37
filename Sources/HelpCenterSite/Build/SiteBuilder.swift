import Foundation
import HelpCenterConcurrency
import HelpCenterDiagnostics
import HelpCenterSearch
import HelpCenterTemplates

/// Builds the static help centre: reads the content and templates, renders every page on all
/// cores, checks links and anchors across pages, and writes the site to an output.
///
/// Content problems are collected as diagnostics (one run reports all of them); when any is an
/// error, no page is written. Failures to read or write are thrown.
public struct SiteBuilder: Sendable {
    public var configuration: SiteConfiguration
    public var content: any SiteFileTree
    public var templates: any SiteFileTree
    public var options: BuildOptions
    /// The product's policy, when the project has one: rule callouts, worked examples, UI
    /// labels and the policy page come from it.
    public var policy: SitePolicy?
    /// While one language of several is built: which file each page is read from, and what
    /// its pages link to in the other languages.
    var edition: SiteEdition?
    var languageSwitch: LanguageSwitch?
    /// The words the body renderer writes (callouts, worked examples) in the language built,
    /// and, for the pages that fall back to the default language, that language's words and policy.
    var bodyWords = BodyWords()
    /// The theme's strings in the language built, for the words the pages' titles use.
    var themeStrings: ThemeStrings?
    var fallbackWords = BodyWords()
    var fallbackPolicy: SitePolicy?
    /// The policy in each other language (`policy/vocabulary.<key>.yaml`), by language key.
    public var translatedPolicies: [String: SitePolicy] = [:]

    public init(
        configuration: SiteConfiguration, content: any SiteFileTree, templates: any SiteFileTree,
        options: BuildOptions = BuildOptions(), policy: SitePolicy? = nil
    ) {
        self.configuration = configuration
        self.content = content
        self.templates = templates
        self.options = options
        self.policy = policy
    }

    /// Builds in two passes over the articles. The first reads and decodes every page file
    /// (the only time it is read) and parses its front matter, which is all the site's order,
    /// navigation and related lists need; the Markdown bodies it does not render wait, as text,
    /// for the second pass. The second renders each article's body and writes its page at
    /// once, freeing the body's text and keeping only the headings, ids, links and search row.
    /// Memory therefore grows with the total size of the bodies between the passes (about
    /// 46 MB of text at 10,000 articles), not with their rendered pages. The links are checked
    /// once every body is rendered; the pages that list the whole site come last.
    ///
    /// A site with more than one language is built one language at a time into the same
    /// output, each under its prefix (docs/languages.md): ``buildLanguages(_:entries:diagnostics:into:timer:)``.
    public func build(into output: any SiteOutput) throws -> BuildReport {
        var timer = PhaseTimer()
        let (entries, layoutDiagnostics) = try listContent()
        timer.lap("list content")
        let languages = configuration.languages
        if languages.isMultilingual {
            return try buildLanguages(languages, entries: entries, diagnostics: layoutDiagnostics, into: output, timer: timer)
        }
        var builder = self
        try builder.loadWords(templates.listFiles())
        return try builder.buildEdition(entries, diagnostics: layoutDiagnostics, into: output, timer: timer)
    }

    /// Builds one language's site (the only one, or one of several: `edition`, `languageSwitch`)
    /// from the content's entries, into `output`.
    func buildEdition(_ entries: [ContentEntry], diagnostics initial: [Diagnostic], into output: any SiteOutput, timer start: PhaseTimer) throws
        -> BuildReport
    {
        var diagnostics = initial
        var timer = start
        let index = makeIndex(entries)
        timer.lap("read image sizes")
        var records: [PageRecord]
        let pendingBodies: PendingBodies
        do {
            // The records and bodies are moved out of the first pass's results (`popLast`), not
            // copied: a copy retained every string of 10,000 records on one core (perf).
            var firstPass = parallelMap(entries.filter(\.isPage)) { readFrontMatter($0, index: index) }
            records = []
            records.reserveCapacity(firstPass.count)
            var bodies: [String: SplitSource] = [:]
            bodies.reserveCapacity(firstPass.count)
            while case (let record, let pendingBody)? = firstPass.popLast() {
                // From the last to the first, so the first body read for a path is the one kept.
                if let pendingBody { bodies[record.sourcePath] = pendingBody }
                records.append(record)
            }
            records.reverse()
            pendingBodies = PendingBodies(bodies)
        }
        diagnostics += records.flatMap(\.diagnostics)
        for position in records.indices { records[position].diagnostics = [] }
        timer.lap("read front matter")

        let (templateSet, assets, templateDiagnostics) = try loadTemplates()
        diagnostics += templateDiagnostics
        timer.lap("load templates")

        var (site, redirects, siteDiagnostics) = model(records, entries: entries)
        diagnostics += siteDiagnostics
        timer.lap("order the site")

        // Pages are written only while the build can still succeed (the publisher discards them
        // when a later error fails the build).
        let writer = templateSet.flatMap { templates in
            diagnostics.hasErrors
                ? nil
                : PageWriter(
                    site: site, templates: templates, configuration: configuration, output: output, redirects: redirects, policy: policy,
                    useReferenceRenderer: options.useReferenceRenderer, languageSwitch: languageSwitch, words: themeStrings)
        }
        let search = writer == nil || !options.searchIndex ? nil : SearchIndexAccumulator(language: SearchLanguage(tag: configuration.language))
        let (articleDiagnostics, articlesWritten) = try renderArticles(
            of: &site, records: &records, pendingBodies: pendingBodies, index: index, writer: consume writer, search: search)
        diagnostics += articleDiagnostics
        timer.lap("render and write articles")

        diagnostics += checkReferences(records)
        diagnostics += checkCitations(records)
        timer.lap("check links")

        var report = BuildReport(
            diagnostics: [], articleCount: site.articleCount, collectionCount: site.collections.count,
            pagesWritten: 0, filesCopied: 0)
        let drafts = records.filter(\.isLeftOutDraft)
        report.draftSources = Set(drafts.map(\.sourcePath))
        report.draftPages = PageRecord.draftPages(drafts)
        guard let templateSet, !diagnostics.hasErrors else {
            report.diagnostics = diagnostics.sorted()
            report.timings = timer.laps
            return report
        }

        // The site-wide pages list every article's search row and cited rules, now known.
        let pagesWritten: Int
        do {
            var pageWriter = PageWriter(
                site: site, templates: templateSet, configuration: configuration, output: output, redirects: redirects, policy: policy,
                useReferenceRenderer: options.useReferenceRenderer, languageSwitch: languageSwitch, words: themeStrings)
            pageWriter.searchIndex = search
            pagesWritten = try articlesWritten + pageWriter.write(pageWriter.siteWideJobs())
        }
        timer.lap("write the other pages")
        // Images and assets are copied on all cores too; the first failure is reported.
        var copies: [(path: String, fromContent: Bool)] = []
        for case .staticFile(let path) in entries { copies.append((path, true)) }
        copies += assets.map { ($0, false) }
        let (content, templates) = (content, templates)
        let builder = self
        let failures = parallelMap(copies) { copy -> Error? in
            do {
                if !copy.fromContent && copy.path.hasSuffix(".js") {
                    try output.write(copy.path, try builder.readAsset(copy.path))
                    return nil
                }
                try output.copy(copy.path, from: copy.fromContent ? content : templates, to: copy.path)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        let copied = copies.count
        timer.lap("copy files")
        report.pagesWritten = pagesWritten
        report.filesCopied = copied
        report.diagnostics = diagnostics.sorted()
        report.timings = timer.laps
        // The model and the records are freed on another core while the site is published.
        releaseElsewhere((consume site, consume records))
        return report
    }

    /// The second pass, on all cores: renders each published article's body (unless the first
    /// pass did) and, with a writer, its page, written at once, and its search fragment, its
    /// words given to `search` (each worker's in a part of its own). Puts the bodies, without
    /// their HTML and search text, into the site and the records; returns the bodies'
    /// diagnostics and the pages written.
    func renderArticles(
        of site: inout SiteModel, records: inout [PageRecord], pendingBodies: PendingBodies, index: ContentIndex, writer: consuming PageWriter?,
        search: SearchIndexAccumulator? = nil
    ) throws -> ([Diagnostic], Int) {
        let places = site.collections.indices.flatMap { c in site.collections[c].articles.indices.map { (c, $0) } }
        let numbered = places.enumerated().map { (number: $0.offset, place: $0.element) }
        let results: [(record: PageRecord, diagnostics: [Diagnostic], failure: String?)]
        let wroteArticles = writer != nil
        // In a block of its own, and with the writer consumed, so that no copy of the site is
        // left when the records are put back: one still alive would make every write below
        // copy its collection's articles first (10,000 article copies, on one core).
        do {
            let writer = consume writer
            let navigation = site.collections.map(\.summary)
            let related = writer.map { RelatedArticles($0.site) }
            let siteInfo = writer?.siteInfo
            let frozen = site
            // Each worker collects its articles' search postings in a part of its own (`search.makePart()`).
            let newPart: @Sendable () -> SearchIndexAccumulator.Part? = { search?.makePart() }
            let (rendered, parts) = parallelMap(numbered, workerState: newPart) {
                searchPart, item -> (record: PageRecord, diagnostics: [Diagnostic], failure: String?) in
                let place = item.place
                // The model's article is read in place (a copy would retain every string in it, and
                // those strings are shared with the other cores); only its record is rebuilt.
                let stored = frozen.collections[place.0].articles[place.1].record
                var record = stored
                if stored.body == nil, let body = pendingBodies.take(stored.sourcePath) {
                    record = renderPendingBody(of: stored, body, index: index)
                }
                var failure: String?
                if let writer, let related, let siteInfo, record.body != nil {
                    let (path, html) = writer.renderArticle(
                        frozen.collections[place.0].articles[place.1], record: record, collection: place.0, at: place.1,
                        siteInfo: siteInfo, navigation: navigation, byTag: related)
                    do {
                        try writer.output.write(path, bytes: html)
                        if searchPart != nil, var document = record.body?.search {
                            document.collection = frozen.collections[place.0].title
                            searchPart?.add(document, number: item.number)
                            try writer.output.write(
                                SearchIndexFiles.folder + SearchIndexFiles.fragmentName(item.number),
                                bytes: SearchFragment.script(for: document, number: item.number))
                        }
                    } catch {
                        failure = "\(error)"
                    }
                }
                record.body?.search = nil
                let diagnostics = record.diagnostics
                record.diagnostics = []
                record.body?.htmlText = HTMLText()
                return (record, diagnostics, failure)
            }
            results = rendered
            search?.absorb(parts.compactMap { $0 })
        }
        if let failure = results.lazy.compactMap(\.failure).first { throw PageWriter.PageWriteError(message: failure) }
        var positions: [String: Int] = [:]
        for position in records.indices { positions[records[position].sourcePath] = position }
        var diagnostics: [Diagnostic] = []
        for (index, place) in places.enumerated() {
            site.collections[place.0].articles[place.1].record = results[index].record
            if let position = positions[results[index].record.sourcePath] { records[position] = results[index].record }
            diagnostics += results[index].diagnostics
        }
        return (diagnostics, wroteArticles ? places.count : 0)
    }

    /// The ordered site and its redirect pages, with what is wrong with them.
    func model(_ records: [PageRecord], entries: [ContentEntry]) -> (SiteModel, [RedirectPage], [Diagnostic]) {
        let site = SiteModel(records: records, configuration: configuration, words: themeStrings)
        var takenPaths = PageWriter.pagePaths(of: site, pageSize: configuration.collectionPageSize, displayPath: content.displayPath)
        // A file of the content folder copied where a page is written would replace the page
        // (`a.html` beside `a.md` with `urls: files`, `a/index.html` with folders).
        var overwrites: [Diagnostic] = []
        for case .staticFile(let path) in entries {
            if let page = takenPaths[path] {
                overwrites.append(
                    .error(
                        "this file would be published as \(path), where the site writes \(page); rename or move it",
                        at: SourceLocation(path: content.displayPath(path)), id: "address"))
            }
            takenPaths[path] = "the file \(content.displayPath(path))"
        }
        // An alias of the default language may not lie under another language's prefix: that
        // language's pages, written after these, would replace it.
        let languagePrefixes = edition?.isPrimary == true ? configuration.languages.translations.map { ($0.prefix, $0.key) } : []
        let (redirects, redirectDiagnostics) = site.redirects(takenPaths: takenPaths, languagePrefixes: languagePrefixes)
        return (site, redirects, site.diagnostics + overwrites + redirectDiagnostics + checkConfigurationURLs())
    }

    /// The content folder's entries, with what is wrong with its layout: links that leave the
    /// inputs (errors), hidden pages and empty folders (warnings), and ``checkLayout(_:)``'s findings.
    func listContent() throws -> ([ContentEntry], [Diagnostic]) {
        let listing = try content.listing()
        // On all cores: deciding what 10,000 paths are took 45 ms on one.
        let entries = parallelMap(listing.files, ContentEntry.init(path:))
        var diagnostics = Self.listingDiagnostics(listing, of: content)
        for path in listing.hiddenPages {
            diagnostics.append(
                .warning(
                    "hidden file (its name starts with '.'): it is not published; rename it without the leading '.' to publish it, or delete it",
                    at: SourceLocation(path: content.displayPath(path)), id: "content-layout"))
        }
        for path in listing.emptyFolders {
            diagnostics.append(
                .warning(
                    "empty folder: nothing in it is published; add files to it or remove it",
                    at: SourceLocation(path: content.displayPath(path)), id: "content-layout"))
        }
        return (entries, diagnostics + checkLayout(entries))
    }

    /// A listing's refused paths, as errors at their paths.
    static func listingDiagnostics(_ listing: SiteFileListing, of tree: any SiteFileTree) -> [Diagnostic] {
        listing.refused.map { refusal in
            .error(refusal.reason, at: SourceLocation(path: tree.displayPath(refusal.path)), id: "input-link")
        }
    }

    /// Files in places the generator does not publish, collections without an `_index.md` or
    /// without articles, collection names the site needs for itself, names that cannot make an address.
    func checkLayout(_ entries: [ContentEntry]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var collectionIndexes: [String: String] = [:]
        var collectionsWithArticles: [String: String] = [:]
        var collectionsWithIndex: Set<String> = []
        for entry in entries {
            switch entry {
            case .ignored(let path, let reason):
                diagnostics.append(.warning(reason, at: SourceLocation(path: content.displayPath(path)), id: "content-layout"))
            case .collectionIndex(let collection, let path):
                collectionsWithIndex.insert(collection)
                collectionIndexes[collection] = path
            case .article(let collection, _, let path):
                if collectionsWithArticles[collection] == nil { collectionsWithArticles[collection] = path }
            default:
                break
            }
        }
        for (collection, firstArticle) in collectionsWithArticles.sorted(by: { $0.key < $1.key }) {
            if ContentEntry.reservedCollectionNames.contains(collection) {
                diagnostics.append(
                    .error(
                        "the folder name '\(collection)' is used by the generated site itself; rename the collection",
                        at: SourceLocation(path: content.displayPath(firstArticle)), id: "content-layout"))
            }
            if !collectionsWithIndex.contains(collection) {
                diagnostics.append(
                    .warning(
                        "collection '\(collection)' has no _index.md (title, description, order); its title is taken from the folder name",
                        at: SourceLocation(path: content.displayPath(firstArticle)), id: "content-layout"))
            }
        }
        for (collection, path) in collectionIndexes.sorted(by: { $0.key < $1.key }) where collectionsWithArticles[collection] == nil {
            diagnostics.append(
                .warning(
                    "collection '\(collection)' has no articles, so it is left out of the site; add an article (\(collection)/<article>.md) or remove the folder",
                    at: SourceLocation(path: content.displayPath(path)), id: "content-layout"))
        }
        return diagnostics + checkAddresses(entries) + checkTranslations(entries)
    }

    /// Every page's site path and every other file (with image sizes), for link resolution.
    func makeIndex(_ entries: [ContentEntry]) -> ContentIndex {
        var index = ContentIndex()
        index.policy = policy
        var staticFiles: [String] = []
        for entry in entries {
            switch entry {
            case .home(let path):
                index.pages[path] = ContentIndex.Page(sitePath: "", sourcePath: path)
            case .collectionIndex(let collection, let path):
                index.pages[path] = ContentIndex.Page(
                    sitePath: ContentEntry.sitePath(collection: collection, slug: nil, layout: configuration.pageLayout), sourcePath: path)
            case .article(let collection, let slug, let path):
                index.pages[path] = ContentIndex.Page(
                    sitePath: ContentEntry.sitePath(collection: collection, slug: slug, layout: configuration.pageLayout), sourcePath: path)
            case .staticFile(let path):
                staticFiles.append(path)
            case .ignored, .translation:
                break
            }
        }
        let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg"]
        let tree = content
        let sizes = parallelMap(staticFiles) { path -> ImageDimensions? in
            let fileExtension = path.utf8.lastIndex(of: UInt8(ascii: ".")).map { path[path.utf8.index(after: $0)...].lowercased() } ?? ""
            guard imageExtensions.contains(fileExtension), let data = try? tree.read(path) else { return nil }
            return ImageDimensions.read(data)
        }
        for (path, size) in zip(staticFiles, sizes) { index.files[path] = .some(size) }
        addGeneratedAddresses(to: &index, entries: entries)
        if let edition, !edition.isPrimary {
            // A fallback page is the default language's article: its links lead to that
            // language's pages (above this language's prefix), whose anchors they name.
            var fallback = index
            let up = String(repeating: "../", count: ContentPath.segmentCount(edition.language.prefix))
            for (path, page) in index.pages {
                let source = edition.sourceOfTranslation[path] ?? path
                fallback.pages[path] = nil
                fallback.pages[source] = ContentIndex.Page(sitePath: up + page.sitePath, sourcePath: source)
            }
            fallback.generatedPaths = index.generatedPaths.mapValues { $0.hasPrefix("assets/") ? $0 : up + $0 }
            index.fallback = FallbackIndex(fallback)
        }
        // A translation is reached by a link to its source's file too (`recovery-keys.md`).
        for (translation, source) in edition?.sourceOfTranslation ?? [:] { index.pages[source] = index.pages[translation] }
        // An article this language leaves out (`fallback: false`) is linked in the default language.
        if let edition, !edition.omitted.isEmpty {
            let up = String(repeating: "../", count: ContentPath.segmentCount(edition.language.prefix))
            for (source, sitePath) in edition.omitted { index.pages[source] = ContentIndex.Page(sitePath: up + sitePath, sourcePath: source) }
        }
        return index
    }

    /// Reads the template folder: page templates and partials (`*.mustache`) and assets (`assets/…`).
    func loadTemplates() throws -> (SiteTemplates?, [String], [Diagnostic]) {
        var sources: [TemplateSource] = []
        var assets: [String] = []
        let listing = try templates.listing()
        var diagnostics = Self.listingDiagnostics(listing, of: templates)
        let (strings, stringsDiagnostics) = try loadThemeStrings(listing.files)
        diagnostics += stringsDiagnostics
        for path in listing.files {
            if path.hasPrefix("assets/") {
                assets.append(path)
                if path.hasSuffix(".js"), let strings {
                    // The scripts' words are put in as they are copied (`readAsset`); a missing one is reported here.
                    let text = String(decoding: try templates.read(path), as: UTF8.self)
                    diagnostics += strings.substitute(text, displayPath: templates.displayPath(path), escaping: .javaScript).1
                }
            } else if path.hasSuffix(".mustache") {
                let data = try templates.read(path)
                guard var text = String(validating: data, as: UTF8.self) else {
                    diagnostics.append(.error("template is not valid UTF-8 text", at: SourceLocation(path: templates.displayPath(path)), id: "template"))
                    continue
                }
                if let strings {
                    let (substituted, problems) = strings.substitute(text, displayPath: templates.displayPath(path), escaping: .html)
                    text = substituted
                    diagnostics += problems
                } else if text.contains("{{t.") {
                    // Reported once (`loadThemeStrings` names the missing file, or the errors of one
                    // that does not parse); the words are left empty meanwhile.
                    let stringsFile = templates.displayPath(ThemeStrings.folder + themeStringsKey + ".yaml")
                    if !diagnostics.contains(where: { $0.id == "theme-strings" || $0.location.path == stringsFile }) {
                        diagnostics.append(
                            .error(
                                "the template uses the theme's strings ({{t.…}}), but there is no \(stringsFile) for the language \(configuration.language)",
                                at: SourceLocation(path: templates.displayPath(path)), id: "theme-strings"))
                    }
                    text = ThemeStrings(displayPath: "", values: [:]).substitute(text, displayPath: "", escaping: .html).0
                }
                sources.append(TemplateSource(name: String(path.dropLast(".mustache".count)), displayPath: templates.displayPath(path), text: text))
            }
        }
        let (set, loadDiagnostics) = SiteTemplates.load(sources, templatesDisplayPath: templates.displayPath(""))
        diagnostics += loadDiagnostics
        if policy != nil, let set, !set.has(.policy) {
            diagnostics.append(
                .warning(
                    "no policy page: add templates/policy.mustache (rule callouts link to it)", at: SourceLocation(path: templates.displayPath("")),
                    id: "template"))
        }
        return (set, assets, diagnostics)
    }
}

/// Measures the phases of a build.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    var laps: [(phase: String, seconds: Double)] = []

    init() {
        last = clock.now
    }

    mutating func lap(_ phase: String) {
        let now = clock.now
        let duration = now - last
        laps.append((phase, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18))
        last = now
    }
}
