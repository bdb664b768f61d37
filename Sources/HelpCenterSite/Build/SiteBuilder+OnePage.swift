import HelpCenterConcurrency
import HelpCenterDiagnostics

/// One page's body as the build renders it: `helpcenter render FILE` for a file of a project.
public struct RenderedPage: Sendable {
    /// The body's HTML; nil when no language of the site publishes a page from the file.
    public var html: String?
    /// What the build says of the file (of its front matter, body and links), sorted; when
    /// `html` is nil, why it is not a page, as far as the build says.
    public var diagnostics: [Diagnostic]
}

extension SiteBuilder {
    /// The body of the page read from `sourcePath` (relative to the content folder), rendered
    /// as `build` renders it into the site: in the language of its file (a `.fr.md` file with
    /// the French words, vocabulary and links), with the project's policy and scenarios, and
    /// links written as they are from the page's place in the site. The diagnostics are the
    /// build's for this file: its name and place, its front matter and rule citations, its
    /// body, and its links to other pages and their sections. What only the whole site shows
    /// (two pages with one address, a rule no article cites) is left to `build`. A draft is a
    /// page only with `options.includeDrafts`, as in the build.
    public func renderPage(_ sourcePath: String) throws -> RenderedPage {
        let (entries, listingDiagnostics) = try listContent()
        let shown = content.displayPath(sourcePath)
        let aboutFile = (listingDiagnostics + checkTranslations(entries)).filter { $0.location.path == shown }
        let builder = try pageBuilder(for: sourcePath, entries: entries)
        let editionEntries = builder.edition?.entries ?? entries
        let pages = editionEntries.filter(\.isPage)
        guard let position = pages.firstIndex(where: { $0.sourcePath == sourcePath }) else {
            return RenderedPage(html: nil, diagnostics: (aboutFile + draftNote(sourcePath)).sorted())
        }
        let index = builder.makeIndex(editionEntries)
        // Every page's front matter (whether it is published, for the link checks), then this
        // page's body, then the bodies of the pages whose sections it links to.
        var records = parallelMap(pages) { builder.readSource($0, index: index).0 }
        guard records[position].isPublished || !records[position].diagnostics.isEmpty else {
            return RenderedPage(html: nil, diagnostics: (aboutFile + draftNote(sourcePath)).sorted())
        }
        records[position] = builder.readPage(pages[position], index: index)
        var positions: [String: Int] = [:]
        for place in records.indices { positions[records[place].sourcePath] = place }
        for reference in records[position].body?.anchorReferences ?? [] where !reference.anchor.isEmpty {
            guard let target = positions[reference.targetSourcePath], records[target].isPublished, records[target].body == nil else { continue }
            records[target] = builder.readPage(pages[target], index: index)
        }
        let diagnostics =
            aboutFile + records[position].diagnostics + builder.checkCitations([records[position]])
            + builder.checkReferences(records, positions: positions, only: [position])
        // A page whose front matter has errors has no body: its findings say why.
        return RenderedPage(html: records[position].body?.html ?? "", diagnostics: diagnostics.sorted())
    }

    /// Why a page file is not a page: it is a draft that this build leaves out.
    private func draftNote(_ sourcePath: String) -> [Diagnostic] {
        guard !options.includeDrafts, let data = try? content.read(sourcePath, maximumSize: Self.maximumPageFileSize),
            let text = String(validating: data, as: UTF8.self),
            ArticleFrontMatter.parse(FrontMatterSplitter.split(text), path: content.displayPath(sourcePath)).0?.draft == true
        else { return [] }
        return [
            .error(
                "this article is a draft (draft: true), which the build leaves out; render it with --drafts, as build --drafts publishes it",
                at: SourceLocation(path: content.displayPath(sourcePath)), id: "draft")
        ]
    }

    /// The builder of the language whose page `sourcePath` is: a translation's language, or
    /// the default one.
    private func pageBuilder(for sourcePath: String, entries: [ContentEntry]) throws -> SiteBuilder {
        let languages = configuration.languages
        let templateFiles = try templates.listFiles()
        guard languages.isMultilingual else {
            var builder = self
            try builder.loadWords(templateFiles)
            return builder
        }
        var language = languages.primary
        for case .translation(let key, _, let path) in entries where path == sourcePath {
            if let translated = languages.language(key: key) { language = translated }
        }
        return try editionBuilder(
            language, of: languages, entries: entries, catalogue: readTranslations(entries, languages: languages, allSources: false),
            templateFiles: templateFiles, primaryWords: BodyWords(try loadThemeStrings(templateFiles).0))
    }
}
