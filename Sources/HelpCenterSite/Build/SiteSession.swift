import Foundation
import HelpCenterConcurrency
import HelpCenterDiagnostics
import HelpCenterTemplates
import Synchronization

/// Which input changed, for `SiteSession.rebuild(after:)`.
public struct SiteInputChange: Sendable, Hashable {
    public enum Tree: Sendable, Hashable {
        case content, templates, configuration, other
    }

    public var tree: Tree
    /// The path within its tree (`collection/article.md`, `assets/style.css`).
    public var path: String

    public init(_ tree: Tree, _ path: String) {
        self.tree = tree
        self.path = path
    }
}

/// What a rebuild changed in the site.
public struct SiteChange: Sendable {
    /// Output files that are new or whose bytes changed.
    public var changedPaths: [String]
    /// Output files that no longer exist.
    public var removedPaths: [String]
    public var diagnostics: [Diagnostic]
    /// False when the rebuild had errors: the previous (last good) site is kept.
    public var succeeded: Bool

    /// True when every changed file is a stylesheet (the browser can swap it without a reload).
    public var onlyStylesheetsChanged: Bool {
        !changedPaths.isEmpty && removedPaths.isEmpty && changedPaths.allSatisfy { $0.hasSuffix(".css") }
    }
}

/// A site kept in memory between builds, for the preview server: each rebuild reports which
/// output files changed, and a failed rebuild keeps the last good site.
///
/// An edit to existing articles is rebuilt incrementally: those pages are read again, every
/// link and citation is checked again, and only the pages that show them are rendered again
/// (the article, its neighbours, its collection, the articles whose related-articles lists
/// show it, the home, 404 and policy pages, the search index and the sitemap). The pages to
/// render are those that changed since the last good publish, so a good rebuild after a
/// failed one also renders what the failed one read. Anything else (a new or deleted file, a
/// template, the configuration, or a full rebuild that failed) rebuilds the whole site. One
/// rebuild runs at a time (the session's state is behind a lock).
public final class SiteSession: Sendable {
    private let state: Mutex<SiteSessionState>

    public init(builder: SiteBuilder) {
        state = Mutex(SiteSessionState(builder: builder))
    }

    public var builder: SiteBuilder { state.withLock { $0.builder } }
    /// The last good site: output path → bytes.
    public var files: [String: Data] { state.withLock { $0.files } }
    /// The diagnostics of the last rebuild (errors mean `files` is older than the sources).
    public var lastDiagnostics: [Diagnostic] { state.withLock { $0.lastDiagnostics } }
    /// The drafts left out at the last good rebuild, by the site path each would have
    /// (`BuildReport.draftPages`).
    public var draftPages: [String: String] { state.withLock { $0.draftPages } }

    /// Replaces the configuration (after `helpcenter.yaml` changed); the next rebuild is full.
    public func updateConfiguration(_ configuration: SiteConfiguration) {
        state.withLock { $0.updateConfiguration(configuration) }
    }

    /// Replaces the policy (after the policy data or the scenarios changed); the next rebuild is full.
    public func updatePolicy(_ policy: SitePolicy?) {
        state.withLock { $0.updatePolicy(policy) }
    }

    /// Rebuilds after the given changes (all of the site when none are named).
    public func rebuild(after changes: Set<SiteInputChange> = []) throws -> SiteChange {
        try state.withLock { try $0.rebuild(after: changes) }
    }

    /// Whether the content folder held `path` (a page, or any other file it lists) at the last
    /// rebuild: the preview names a file as removed only when it was part of the site.
    public func listedContent(_ path: String) -> Bool {
        state.withLock { $0.listedContent(path) }
    }
}

/// The session's state and its rebuilds (`SiteSession` runs them one at a time).
final class SiteSessionState {
    /// See `SiteSession.listedContent`.
    func listedContent(_ path: String) -> Bool {
        state?.entries.contains { $0.path == path } ?? false
    }

    public private(set) var builder: SiteBuilder
    /// The last good site: output path → bytes.
    public private(set) var files: [String: Data] = [:]
    /// The diagnostics of the last rebuild (errors mean `files` is older than the sources).
    public private(set) var lastDiagnostics: [Diagnostic] = []

    /// What the last successful full read left for incremental rebuilds.
    private struct State {
        var entries: [ContentEntry]
        var layoutDiagnostics: [Diagnostic]
        var index: ContentIndex
        var records: [PageRecord]
        var positions: [String: Int]
        var templates: SiteTemplates
        var templateDiagnostics: [Diagnostic]
    }

    private var state: State?
    /// The left-out drafts of the last good rebuild of a site in several languages (the
    /// one-language site's are in its records).
    private var multilingualDraftPages: [String: String] = [:]

    /// See `SiteSession.draftPages`.
    var draftPages: [String: String] {
        if let state { return PageRecord.draftPages(state.records) }
        return multilingualDraftPages
    }
    /// The related-articles index of the last good publish, reused while no edit changes what
    /// the lists show (``relatedIndex(previous:site:changedSources:)``).
    private var related: RelatedArticles?
    /// The articles read again since the last good publish, whose pages (and those showing
    /// them) are still to be rendered; nil when the next publish must render everything (none
    /// yet, or the last full rebuild failed).
    private var unpublished: Set<String>?
    /// The site model of the last good publish, patched in place when an edit cannot move an article.
    private var model: (site: SiteModel, redirects: [RedirectPage], diagnostics: [Diagnostic])?
    /// The link-check findings of each page (by position), and which pages link to each page,
    /// so an edit re-checks only its own links and the links to it.
    private var referenceDiagnostics: [[Diagnostic]]?
    private var referrers: [String: [Int]] = [:]
    /// Whether the edits since the last good publish changed what the sitemap or the search index show.
    private var cachedModelUsed = false
    private var sitemapChanged = true
    private var searchIndexChanged = true
    /// Whether an edit since the last good publish added, removed, renamed or moved pages (see
    /// ``changesWhichPagesExist(from:to:)``): the next publish renders every page and drops
    /// the files no longer made. Kept until a publish succeeds, since a failed one leaves a
    /// model already made from the edited pages.
    private var siteStructureChanged = false

    public init(builder: SiteBuilder) {
        self.builder = builder
    }

    /// Replaces the configuration (after `helpcenter.yaml` changed); the next rebuild is full.
    public func updateConfiguration(_ configuration: SiteConfiguration) {
        builder.configuration = configuration
        state = nil
    }

    /// Replaces the policy (after the policy data or the scenarios changed); the next rebuild is full.
    public func updatePolicy(_ policy: SitePolicy?) {
        builder.policy = policy
        state = nil
    }

    /// Rebuilds after the given changes (all of the site when none are named).
    public func rebuild(after changes: Set<SiteInputChange> = []) throws -> SiteChange {
        if builder.configuration.languages.isMultilingual { return try rebuildAllLanguages() }
        if let state, !changes.isEmpty, let pending = unpublished, let paths = incrementalPaths(changes, state: state) {
            return try rebuildIncrementally(paths, pending: pending, state: state)
        }
        return try rebuildFully()
    }

    /// The article paths to read again, or nil when the change needs a full rebuild.
    private func incrementalPaths(_ changes: Set<SiteInputChange>, state: State) -> [String]? {
        var paths: [String] = []
        for change in changes {
            // Read to see that it still can be, within the page size limit: read whole, a
            // 900 MB file took the preview's memory from 55 MB to 977 MB before being refused.
            guard change.tree == .content, change.path.hasSuffix(".md"), state.positions[change.path] != nil,
                (try? builder.content.read(change.path, maximumSize: SiteBuilder.maximumPageFileSize)) != nil
            else { return nil }
            paths.append(change.path)
        }
        return paths.sorted()
    }

    private func rebuildFully() throws -> SiteChange {
        unpublished = nil
        // The theme's words in the site's language (docs/languages.md), read again with the templates.
        let strings = (try? builder.loadThemeStrings(builder.templates.listFiles()))?.0
        builder.themeStrings = strings
        builder.bodyWords = BodyWords(strings)
        let (entries, layoutDiagnostics) = try builder.listContent()
        let index = builder.makeIndex(entries)
        let builder = builder
        let records = parallelMap(entries.filter(\.isPage)) { builder.readPage($0, index: index) }
        let (templates, _, templateDiagnostics) = try builder.loadTemplates()
        var positions: [String: Int] = [:]
        for (position, record) in records.enumerated() { positions[record.sourcePath] = position }
        referenceDiagnostics = nil
        guard let templates else {
            state = nil
            let diagnostics = (layoutDiagnostics + records.flatMap(\.diagnostics) + templateDiagnostics).sorted()
            return fail(diagnostics)
        }
        let fresh = State(
            entries: entries, layoutDiagnostics: layoutDiagnostics, index: index, records: records, positions: positions,
            templates: templates, templateDiagnostics: templateDiagnostics)
        state = fresh
        return try publish(fresh, changedSources: nil)
    }

    private func rebuildIncrementally(_ paths: [String], pending: Set<String>, state: State) throws -> SiteChange {
        var updated = state
        for path in paths {
            guard let position = state.positions[path] else { continue }
            let entry = state.entries.first { $0.sourcePath == path } ?? ContentEntry(path: path)
            let old = state.records[position]
            let new = builder.readPage(entry, index: state.index)
            updated.records[position] = new
            siteStructureChanged = siteStructureChanged || Self.changesWhichPagesExist(from: old, to: new)
            sitemapChanged = sitemapChanged || old.article?.updated != new.article?.updated || old.isPublished != new.isPublished
            searchIndexChanged = searchIndexChanged || old.body?.search != new.body?.search || old.isPublished != new.isPublished
        }
        self.state = updated
        let sources = pending.union(paths)
        unpublished = sources
        return try publish(updated, changedSources: sources)
    }

    /// Whether an edit changes which pages exist or where they stand, which re-rendering the
    /// edited page's neighbours does not show: an article published or made a draft, its aliases
    /// (each a redirect page), its collection, its order or its title (articles sort by order,
    /// then title, so either can move it away from its old neighbours), or the page of a
    /// collection or the home (titles and order every page's header and the lists show).
    static func changesWhichPagesExist(from old: PageRecord, to new: PageRecord) -> Bool {
        guard let before = old.article, let after = new.article else { return true }
        return old.isPublished != new.isPublished || before.order != after.order || before.title != after.title
            || before.collection != after.collection || before.aliases.map(\.value) != after.aliases.map(\.value)
    }

    /// Checks the whole site, renders what changed (everything when `changedSources` is nil)
    /// and updates `files`; on errors, keeps the last good files.
    private func publish(_ state: State, changedSources: Set<String>?) throws -> SiteChange {
        let changedSources = siteStructureChanged ? nil : changedSources
        var diagnostics = state.layoutDiagnostics + state.records.flatMap(\.diagnostics) + state.templateDiagnostics
        diagnostics += referenceFindings(state, changedSources: changedSources)
        diagnostics += builder.checkCitations(state.records)
        var cached = changedSources == nil ? nil : model
        if cached != nil, let changedSources {
            let changed = changedSources.compactMap { state.positions[$0].map { state.records[$0] } }
            if !(cached?.site.patch(changed) ?? false) { cached = nil }
        }
        cachedModelUsed = cached != nil
        let (site, redirects, siteDiagnostics) = cached ?? builder.model(state.records, entries: state.entries)
        model = (site, redirects, siteDiagnostics)
        diagnostics += siteDiagnostics
        diagnostics.sort()
        guard !diagnostics.hasErrors else { return fail(diagnostics) }

        let writer = PageWriter(
            site: site, templates: state.templates, configuration: builder.configuration, output: InMemorySiteOutput(),
            redirects: redirects, policy: builder.policy, words: builder.themeStrings)
        var rendered: [String: Data]
        var removed: [String] = []
        let relatedIndex: RelatedArticles
        var staleRelatedLists = Set<String>()
        if let changedSources, let related {
            (relatedIndex, staleRelatedLists) = Self.relatedIndex(
                previous: related, site: site, changedSources: changedSources, limit: builder.configuration.relatedArticles)
        } else {
            relatedIndex = RelatedArticles(site)
        }
        if let changedSources {
            // A model made anew (an article moved) may reorder the lists: write them again.
            let patched = model.map { _ in cachedModelUsed } ?? false
            let jobs = Self.affectedJobs(site, changedSources: changedSources, staleRelatedLists: staleRelatedLists, writer: writer)
            rendered = writer.renderPages(
                jobs, related: relatedIndex,
                sitemap: sitemapChanged || !patched, searchIndex: builder.options.searchIndex && (searchIndexChanged || !patched))
        } else {
            rendered = writer.renderPages(writer.allJobs(), related: relatedIndex, searchIndex: builder.options.searchIndex)
            for case .staticFile(let path) in state.entries { rendered[path] = try builder.content.read(path) }
            for path in try builder.templates.listFiles() where path.hasPrefix("assets/") {
                rendered[path] = try builder.readAsset(path)
            }
            removed = files.keys.filter { rendered[$0] == nil }.sorted()
            for path in removed { files[path] = nil }
        }
        var changed: [String] = []
        for (path, data) in rendered where files[path] != data {
            files[path] = data
            changed.append(path)
        }
        lastDiagnostics = diagnostics
        related = relatedIndex
        unpublished = []
        sitemapChanged = false
        searchIndexChanged = false
        siteStructureChanged = false
        return SiteChange(changedPaths: changed.sorted(), removedPaths: removed, diagnostics: diagnostics, succeeded: true)
    }

    /// The link check of the whole site, re-running only the pages an edit can affect.
    private func referenceFindings(_ state: State, changedSources: Set<String>?) -> [Diagnostic] {
        if let changedSources, var cached = referenceDiagnostics, cached.count == state.records.count {
            var affected = Set<Int>()
            for path in changedSources {
                if let position = state.positions[path] { affected.insert(position) }
                affected.formUnion(referrers[path] ?? [])
            }
            for position in affected {
                cached[position] = builder.checkReferences(state.records, positions: state.positions, only: [position])
                for reference in state.records[position].body?.anchorReferences ?? []
                where !(referrers[reference.targetSourcePath]?.contains(position) ?? false) {
                    referrers[reference.targetSourcePath, default: []].append(position)
                }
            }
            referenceDiagnostics = cached
            return cached.flatMap { $0 }
        }
        var perRecord: [[Diagnostic]] = []
        referrers = [:]
        for position in state.records.indices {
            perRecord.append(builder.checkReferences(state.records, positions: state.positions, only: [position]))
            for reference in state.records[position].body?.anchorReferences ?? [] {
                referrers[reference.targetSourcePath, default: []].append(position)
            }
        }
        referenceDiagnostics = perRecord
        return perRecord.flatMap { $0 }
    }

    /// A site in several languages is built whole on every change, as `helpcenter build`
    /// builds it (docs/languages.md: the incremental path knows one language).
    private func rebuildAllLanguages() throws -> SiteChange {
        unpublished = nil
        state = nil
        let output = InMemorySiteOutput()
        let report = try builder.build(into: output)
        guard report.succeeded else { return fail(report.diagnostics) }
        let rendered = output.files
        let removed = files.keys.filter { rendered[$0] == nil }.sorted()
        for path in removed { files[path] = nil }
        var changed: [String] = []
        for (path, data) in rendered where files[path] != data {
            files[path] = data
            changed.append(path)
        }
        lastDiagnostics = report.diagnostics
        multilingualDraftPages = report.draftPages
        return SiteChange(changedPaths: changed.sorted(), removedPaths: removed, diagnostics: report.diagnostics, succeeded: true)
    }

    private func fail(_ diagnostics: [Diagnostic]) -> SiteChange {
        lastDiagnostics = diagnostics
        return SiteChange(changedPaths: [], removedPaths: [], diagnostics: diagnostics, succeeded: false)
    }

    /// The pages that show a changed article: itself, its neighbours, its collection, the
    /// articles in `staleRelatedLists` (source paths), and the pages that list collections or
    /// cite rules.
    static func affectedJobs(
        _ site: SiteModel, changedSources: Set<String>, staleRelatedLists: Set<String> = [], writer: PageWriter
    ) -> [PageWriter.Job] {
        var jobs: [PageWriter.Job] = [.home, .notFound]
        if writer.templates.has(.allCollections) { jobs.append(.allCollections) }
        if writer.templates.has(.search) { jobs.append(.search) }
        if writer.policy != nil && writer.templates.has(.policy) { jobs.append(.policy) }
        for (collectionIndex, collection) in site.collections.enumerated() {
            let touched = collection.articles.indices.filter { changedSources.contains(collection.articles[$0].record.sourcePath) }
            let indexChanged = collection.record.map { changedSources.contains($0.sourcePath) } ?? false
            var articles = Set<Int>()
            if !staleRelatedLists.isEmpty {
                articles.formUnion(collection.articles.indices.filter { staleRelatedLists.contains(collection.articles[$0].record.sourcePath) })
            }
            if !touched.isEmpty || indexChanged { jobs += writer.collectionJobs(collectionIndex) }
            for index in touched { articles.formUnion([index - 1, index, index + 1].filter(collection.articles.indices.contains)) }
            if indexChanged { articles.formUnion(collection.articles.indices) }
            jobs += articles.sorted().map { PageWriter.Job.article(collection: collectionIndex, article: $0) }
        }
        return jobs + writer.redirects.indices.map { PageWriter.Job.redirect($0) }
    }
}
