import Foundation
import HelpCenterDiagnostics

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

    public func build(into output: any SiteOutput) throws -> BuildReport {
        var diagnostics: [Diagnostic] = []
        var timer = PhaseTimer()
        let entries = try content.listFiles().map(ContentEntry.init(path:))
        diagnostics += checkLayout(entries)
        timer.lap("list content")

        let index = makeIndex(entries)
        timer.lap("read image sizes")
        var records = parallelMap(entries.filter(\.isPage)) { readPage($0, index: index) }
        diagnostics += records.flatMap(\.diagnostics)
        timer.lap("read and render articles")
        diagnostics += checkReferences(records)
        diagnostics += checkCitations(records)
        for position in records.indices {
            // What only the link check needed; pages are rendered from the rest.
            records[position].diagnostics = []
            records[position].body?.otherIDs = []
            records[position].body?.anchorReferences = []
        }
        timer.lap("check links")

        let (templateSet, assets, templateDiagnostics) = try loadTemplates()
        diagnostics += templateDiagnostics
        timer.lap("load templates")

        let (site, redirects, siteDiagnostics) = model(records, entries: entries)
        diagnostics += siteDiagnostics
        timer.lap("order the site")
        var report = BuildReport(
            diagnostics: [], articleCount: site.articleCount, collectionCount: site.collections.count,
            pagesWritten: 0, filesCopied: 0)
        guard let templateSet, !diagnostics.hasErrors else {
            report.diagnostics = diagnostics.sorted()
            report.timings = timer.laps
            return report
        }

        var writer = PageWriter(site: site, templates: templateSet, configuration: configuration, output: output, redirects: redirects, policy: policy)
        writer.useReferenceRenderer = options.useReferenceRenderer
        let pagesWritten = try writer.writeAll()
        timer.lap("render and write pages")
        var copied = 0
        for case .staticFile(let path) in entries {
            try output.copy(path, from: content, to: path)
            copied += 1
        }
        for asset in assets {
            try output.copy(asset, from: templates, to: asset)
            copied += 1
        }
        timer.lap("copy files")
        report.pagesWritten = pagesWritten
        report.filesCopied = copied
        report.diagnostics = diagnostics.sorted()
        report.timings = timer.laps
        return report
    }

    /// The ordered site and its redirect pages, with what is wrong with them.
    func model(_ records: [PageRecord], entries: [ContentEntry]) -> (SiteModel, [RedirectPage], [Diagnostic]) {
        let site = SiteModel(records: records, configuration: configuration)
        var takenPaths = PageWriter.pagePaths(of: site)
        for case .staticFile(let path) in entries { takenPaths.insert(path) }
        let (redirects, redirectDiagnostics) = site.redirects(takenPaths: takenPaths)
        return (site, redirects, site.diagnostics + redirectDiagnostics)
    }

    /// Files in places the generator does not publish, collections without an `_index.md`,
    /// collection names the site needs for itself.
    func checkLayout(_ entries: [ContentEntry]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var collectionsWithArticles: [String: String] = [:]
        var collectionsWithIndex: Set<String> = []
        for entry in entries {
            switch entry {
            case .ignored(let path, let reason):
                diagnostics.append(.warning(reason, at: SourceLocation(path: content.displayPath(path)), id: "content-layout"))
            case .collectionIndex(let collection, _):
                collectionsWithIndex.insert(collection)
            case .article(let collection, _, let path):
                if collectionsWithArticles[collection] == nil { collectionsWithArticles[collection] = path }
            default:
                break
            }
        }
        for (collection, firstArticle) in collectionsWithArticles.sorted(by: { $0.key < $1.key }) {
            if ContentEntry.reservedCollectionNames.contains(collection) {
                diagnostics.append(.error(
                    "the folder name '\(collection)' is used by the generated site itself; rename the collection",
                    at: SourceLocation(path: content.displayPath(firstArticle)), id: "content-layout"))
            }
            if !collectionsWithIndex.contains(collection) {
                diagnostics.append(.warning(
                    "collection '\(collection)' has no _index.md (title, description, order); its title is taken from the folder name",
                    at: SourceLocation(path: content.displayPath(firstArticle)), id: "content-layout"))
            }
        }
        return diagnostics
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
                index.pages[path] = ContentIndex.Page(sitePath: ContentEntry.sitePath(collection: collection, slug: nil), sourcePath: path)
            case .article(let collection, let slug, let path):
                index.pages[path] = ContentIndex.Page(sitePath: ContentEntry.sitePath(collection: collection, slug: slug), sourcePath: path)
            case .staticFile(let path):
                staticFiles.append(path)
            case .ignored:
                break
            }
        }
        let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg"]
        let tree = content
        let sizes = parallelMap(staticFiles) { path -> ImageDimensions? in
            let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard imageExtensions.contains(fileExtension), let data = try? tree.read(path) else { return nil }
            return ImageDimensions.read(data)
        }
        for (path, size) in zip(staticFiles, sizes) { index.files[path] = .some(size) }
        return index
    }

    /// Reads the template folder: page templates and partials (`*.mustache`) and assets (`assets/…`).
    func loadTemplates() throws -> (SiteTemplates?, [String], [Diagnostic]) {
        var sources: [TemplateSource] = []
        var assets: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in try templates.listFiles() {
            if path.hasPrefix("assets/") {
                assets.append(path)
            } else if path.hasSuffix(".mustache") {
                let data = try templates.read(path)
                guard let text = String(validating: data, as: UTF8.self) else {
                    diagnostics.append(.error("template is not valid UTF-8 text", at: SourceLocation(path: templates.displayPath(path)), id: "template"))
                    continue
                }
                sources.append(TemplateSource(name: String(path.dropLast(".mustache".count)), displayPath: templates.displayPath(path), text: text))
            }
        }
        let (set, loadDiagnostics) = SiteTemplates.load(sources, templatesDisplayPath: templates.displayPath(""))
        diagnostics += loadDiagnostics
        if policy != nil, let set, !set.has(.policy) {
            diagnostics.append(.warning(
                "no policy page: add templates/policy.mustache (rule callouts link to it)", at: SourceLocation(path: templates.displayPath("")), id: "template"))
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
