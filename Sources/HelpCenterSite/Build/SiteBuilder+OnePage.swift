import HelpCenterConcurrency
import HelpCenterDiagnostics

/// One page's body as the build renders it: `helpcenter render FILE` for a file of a project.
extension SiteBuilder {
    /// The body of the page read from `sourcePath` (relative to the content folder), rendered
    /// as `build` renders it into the site: in the language of its file (a `.fr.md` file with
    /// the French words, vocabulary and links), with the project's policy and scenarios, and
    /// links written as they are from the page's place in the site. The diagnostics are the
    /// build's for this file, links to other pages' sections included; what only the whole
    /// site shows (two pages with one address, a rule no article cites) is left to `build`.
    /// Nil when no language of the site publishes a page from `sourcePath`.
    public func renderPage(_ sourcePath: String) throws -> (html: String, diagnostics: [Diagnostic])? {
        let (entries, _) = try listContent()
        let builder = try pageBuilder(for: sourcePath, entries: entries)
        let editionEntries = builder.edition?.entries ?? entries
        let pages = editionEntries.filter(\.isPage)
        guard let position = pages.firstIndex(where: { $0.sourcePath == sourcePath }) else { return nil }
        let index = builder.makeIndex(editionEntries)
        // Every page's front matter (whether it is published, for the link checks), then this
        // page's body, then the bodies of the pages whose sections it links to.
        var records = parallelMap(pages) { builder.readSource($0, index: index).0 }
        // The page itself even when it is a draft (the writer asked for it); the others as the build sees them.
        var drafts = builder
        drafts.options.includeDrafts = true
        records[position] = drafts.readPage(pages[position], index: index)
        var positions: [String: Int] = [:]
        for place in records.indices { positions[records[place].sourcePath] = place }
        for reference in records[position].body?.anchorReferences ?? [] where !reference.anchor.isEmpty {
            guard let target = positions[reference.targetSourcePath], records[target].isPublished, records[target].body == nil else { continue }
            records[target] = builder.readPage(pages[target], index: index)
        }
        let diagnostics = records[position].diagnostics + builder.checkReferences(records, positions: positions, only: [position])
        return (records[position].body?.html ?? "", diagnostics.sorted())
    }

    /// The builder of the language whose page `sourcePath` is: a translation's language, or
    /// the default one.
    private func pageBuilder(for sourcePath: String, entries: [ContentEntry]) throws -> SiteBuilder {
        let languages = configuration.languages
        let templateFiles = try templates.listFiles()
        guard languages.isMultilingual else {
            var builder = self
            builder.themeStrings = try loadThemeStrings(templateFiles).0
            builder.bodyWords = BodyWords(builder.themeStrings)
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
