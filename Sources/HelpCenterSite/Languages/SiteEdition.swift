/// One language's site: which file each of its pages is read from. The default language reads
/// the sources; another reads each page's translation, or the source itself (a fallback page,
/// shown with a notice) when the page has no published translation (docs/languages.md).
struct SiteEdition: Sendable {
    var language: SiteLanguage
    var isPrimary: Bool
    /// The content's entries as this language publishes them: a translated page's entry names
    /// its translation's file (`c/a.fr.md`) with the source's collection and slug.
    var entries: [ContentEntry]
    /// Translation file → its source's path: links written to either reach the page.
    var sourceOfTranslation: [String: String] = [:]
    /// The source paths of the pages shown in the default language.
    var fallbacks: Set<String> = []
    /// With `fallback: false`: the articles this language leaves out (source path → site
    /// path); links to them lead to the default language's page.
    var omitted: [String: String] = [:]

    /// The default language: the sources as they are (translations are not pages).
    static func primary(_ language: SiteLanguage, entries: [ContentEntry]) -> SiteEdition {
        SiteEdition(language: language, isPrimary: true, entries: entries)
    }

    /// Another language: each page's published translation, or its source.
    static func translated(
        _ language: SiteLanguage, entries: [ContentEntry], catalogue: TranslationCatalogue, layout: PageLayout
    ) -> SiteEdition {
        var edition = SiteEdition(language: language, isPrimary: false, entries: [])
        edition.entries.reserveCapacity(entries.count)
        for entry in entries {
            guard entry.isPage else {
                if case .translation = entry { continue }
                edition.entries.append(entry)
                continue
            }
            guard let translation = catalogue.translation(of: entry.sourcePath, into: language.key) else {
                if !language.fallback, case .article(let collection, let slug, let path) = entry {
                    edition.omitted[path] = ContentEntry.sitePath(collection: collection, slug: slug, layout: layout)
                    continue
                }
                edition.fallbacks.insert(entry.sourcePath)
                edition.entries.append(entry)
                continue
            }
            edition.sourceOfTranslation[translation.path] = entry.sourcePath
            switch entry {
            case .home: edition.entries.append(.home(path: translation.path))
            case .collectionIndex(let collection, _): edition.entries.append(.collectionIndex(collection: collection, path: translation.path))
            case .article(let collection, let slug, _): edition.entries.append(.article(collection: collection, slug: slug, path: translation.path))
            default: edition.entries.append(entry)
            }
        }
        return edition
    }
}
