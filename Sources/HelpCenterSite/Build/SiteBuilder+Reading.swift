import Foundation
import HelpCenterConcurrency
import HelpCenterDiagnostics
import HelpCenterMarkdown
import HelpCenterSearch
import HelpCenterYAML

extension SiteBuilder {
    /// A page read, its front matter parsed and its body rendered in one go, for the preview
    /// session, which keeps every body.
    func readPage(_ entry: ContentEntry, index: ContentIndex) -> PageRecord {
        var (record, split) = readSource(entry, index: index)
        if let split { renderBody(of: &record, split, index: index, compact: true) }
        return record
    }

    /// The build's first pass, one page at a time (in parallel): each file read and decoded
    /// (the only time it is), the front matter of every page, and the bodies of the home and
    /// collection pages rendered. An article's body waits for the second pass, which renders
    /// and writes its page at once (it comes back as the pending body), unless the article
    /// has no description: its summary then comes from its first paragraph.
    func readFrontMatter(_ entry: ContentEntry, index: ContentIndex) -> (record: PageRecord, pendingBody: SplitSource?) {
        var (record, split) = readSource(entry, index: index)
        guard let split else { return (record, nil) }
        if case .article = record.kind, let description = record.article?.description, !description.isEmpty {
            return (
                record, SplitSource(yaml: nil, yamlFirstLine: split.yamlFirstLine, body: split.body, bodyFirstLine: split.bodyFirstLine, unterminated: false)
            )
        }
        renderBody(of: &record, split, index: index, compact: true)
        return (record, nil)
    }

    /// The build's second pass for one published article whose body the first pass left:
    /// renders the body the first pass read (the caller writes the page and keeps only what
    /// the link check and the site-wide pages need).
    func renderPendingBody(of record: PageRecord, _ body: SplitSource, index: ContentIndex) -> PageRecord {
        var record = record
        renderBody(of: &record, body, index: index, compact: false)
        return record
    }

    /// The text of the record's file, or nil with the reason in the record's diagnostics.
    private func readText(of record: inout PageRecord) -> String? {
        switch readPageText(record.sourcePath, displayPath: record.displayPath) {
        case .success(let text): return text
        case .failure(let problem):
            record.diagnostics.append(problem.diagnostic)
            return nil
        }
    }

    /// Why a page file cannot be read, as an error at the file.
    struct PageReadProblem: Error {
        var diagnostic: Diagnostic
    }

    /// The text of a page file (at most `maximumPageFileSize`, UTF-8), or why it cannot be read.
    func readPageText(_ path: String, displayPath: String) -> Result<String, PageReadProblem> {
        do {
            return .success(try Self.decodeText(try content.read(path, maximumSize: Self.maximumPageFileSize), displayPath: displayPath))
        } catch let problem as TextDecodingProblem {
            return .failure(PageReadProblem(diagnostic: problem.diagnostic))
        } catch let SiteFileError.cannotRead(_, reason) {
            return .failure(PageReadProblem(diagnostic: .error("cannot read the file: \(reason)", at: SourceLocation(path: displayPath), id: "io")))
        } catch {
            return .failure(
                PageReadProblem(diagnostic: .error("cannot read the file: \(error.localizedDescription)", at: SourceLocation(path: displayPath), id: "io")))
        }
    }

    /// Reads a page's file and parses its front matter; the split source comes back only when
    /// the page is published (its body is then to be rendered).
    func readSource(_ entry: ContentEntry, index: ContentIndex) -> (PageRecord, SplitSource?) {
        let (kind, path): (PageRecord.Kind, String)
        switch entry {
        case .home(let sourcePath): (kind, path) = (.home, sourcePath)
        case .collectionIndex(let collection, let sourcePath): (kind, path) = (.collection(collection), sourcePath)
        case .article(let collection, let slug, let sourcePath): (kind, path) = (.article(collection: collection, slug: slug), sourcePath)
        default: preconditionFailure("readSource is only called for Markdown pages")
        }
        let displayPath = content.displayPath(path)
        let page = index.pages[path]
        var record = PageRecord(
            kind: kind, sourcePath: path, displayPath: displayPath, sitePath: page?.sitePath ?? "", address: page?.address ?? "",
            isPublished: false, diagnostics: [])
        record.isFallback = edition?.fallbacks.contains(path) ?? false
        guard let source = readText(of: &record) else { return (record, nil) }

        let split = FrontMatterSplitter.split(source)
        switch kind {
        case .article:
            let (matter, diagnostics) = ArticleFrontMatter.parse(split, path: displayPath, today: options.today)
            record.diagnostics += diagnostics
            record.article = matter
            guard let matter else { return (record, nil) }
            if matter.draft && !options.includeDrafts { return (record, nil) }
        case .home, .collection:
            let (matter, diagnostics) = CollectionFrontMatter.parse(split, path: displayPath)
            record.diagnostics += diagnostics
            record.collection = matter
            guard matter != nil else { return (record, nil) }
        }
        record.isPublished = true
        return (record, split)
    }

    /// Parses the Markdown body and renders it, with what the search index needs from it.
    /// `compact` keeps an exact-size copy of the HTML, for bodies kept for the rest of the build.
    func renderBody(of record: inout PageRecord, _ split: SplitSource, index: ContentIndex, compact: Bool) {
        let (document, problem) = MarkdownDocumentLoader.parse(split, displayPath: record.displayPath)
        var context = ArticleBodyContext(
            sourcePath: record.sourcePath, displayPath: record.displayPath, sitePath: record.sitePath,
            bodyFirstLine: split.bodyFirstLine, allowRawHTML: configuration.rawHTML)
        context.markdown = split.body
        context.words = record.isFallback ? fallbackWords : bodyWords
        context.collectsSearchText = options.searchIndex
        var body: RenderedBody
        if record.isFallback {
            // The default language's page shown in another language: its words and labels are that language's.
            var primaryIndex = index.fallback?.index ?? index
            primaryIndex.policy = fallbackPolicy
            body = ArticleBodyRenderer.render(document, context: context, index: primaryIndex)
        } else {
            body = ArticleBodyRenderer.render(document, context: context, index: index)
        }
        if let problem { record.diagnostics.append(problem) }
        record.diagnostics += body.diagnostics
        body.diagnostics = []
        // The renderer's buffer grows by doubling: a body kept for later gets an exact-size copy.
        if compact { body.htmlText = body.htmlText.compacted() }
        if options.searchIndex, case .article = record.kind, let matter = record.article {
            // The collection's title is filled in when the index is written (the site's order is not known yet).
            body.search = SearchDocument(
                title: matter.title, path: record.address, collection: "",
                description: SiteModel.summaryText(matter.description, body.firstParagraph) ?? "",
                headings: body.headings.map { SearchDocument.Heading(id: $0.id, text: $0.text) }, blocks: body.searchBlocks)
            body.search?.keywords = matter.tags
        }
        body.searchBlocks = []
        record.body = body
    }

    /// The largest Markdown page file read: a body within `MarkdownLimits.standard` below front
    /// matter within the front matter's limit (docs/limits.md). A larger file is refused by its
    /// size before it is read, so a runaway file costs no memory.
    public static let maximumPageFileSize = MarkdownLimits.standard.maximumSize + YAMLInputLimits.frontMatter.maximumSize + 8

    struct TextDecodingProblem: Error {
        var diagnostic: Diagnostic
    }

    private static func containsNUL(_ bytes: Span<UInt8>) -> Bool {
        for index in bytes.indices where bytes[index] == 0 { return true }
        return false
    }

    /// Strict UTF-8: a file with invalid bytes or NUL bytes is reported at the first bad byte.
    static func decodeText(_ data: Data, displayPath: String) throws -> String {
        let hasNUL = Self.containsNUL(data.span)
        if !hasNUL, let text = String(validating: data, as: UTF8.self) { return text }
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    throw TextDecodingProblem(
                        diagnostic: .error(
                            "the file contains a NUL byte (is it binary?); Markdown files must be UTF-8 text",
                            at: SourceLocation(path: displayPath, line: line, column: column), id: "encoding"))
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += String(scalar).utf8.count
            case .emptyInput:
                return String(decoding: data, as: UTF8.self)
            case .error:
                throw TextDecodingProblem(
                    diagnostic: .error(
                        "the file is not valid UTF-8 (bad byte at offset \(offset)); save it as UTF-8",
                        at: SourceLocation(path: displayPath, line: line, column: column), id: "encoding"))
            }
        }
    }

    /// Second look, once every page is rendered: links to pages that are not published and
    /// anchors that their target page does not define.
    /// `only` limits the check to the links of those records (by position).
    func checkReferences(_ records: [PageRecord], positions known: [String: Int]? = nil, only: [Int]? = nil) -> [Diagnostic] {
        let positions = known ?? Dictionary(records.indices.map { (records[$0].sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let checked = only ?? Array(records.indices)
        // A whole site's check works out the collections with a page once for all its slices
        // (a loop over the records, well under a millisecond); a check of a few records (the
        // preview's) only when one of their links leads to a collection.
        let published = only == nil ? Self.collectionsWithPages(records) : nil
        // In slices on all cores (it sits between the two parallel parts of a build), in order.
        guard checked.count > 500 else { return checkReferences(records, positions: positions, published: published, slice: checked[...]) }
        let slices = stride(from: 0, to: checked.count, by: 500).map { checked[$0..<min($0 + 500, checked.count)] }
        return parallelMap(slices) { slice in
            checkReferences(records, positions: positions, published: published, slice: slice)
        }.flatMap { $0 }
    }

    /// The collections with a published article: only they get a page.
    private static func collectionsWithPages(_ records: [PageRecord]) -> Set<String> {
        var collections = Set<String>()
        for position in records.indices where records[position].isPublished {
            if case .article(let name, _) = records[position].kind { collections.insert(name) }
        }
        return collections
    }

    private func checkReferences(_ records: [PageRecord], positions: [String: Int], published known: Set<String>?, slice: ArraySlice<Int>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var published = known
        func hasPage(_ collection: String) -> Bool {
            let collections = published ?? Self.collectionsWithPages(records)
            published = collections
            return collections.contains(collection)
        }
        // Records are read field by field: copying a whole record (a few dozen strings and
        // arrays) for each of 10,000 articles and each of their links was 2 % of a build.
        for position in slice {
            for reference in records[position].body?.anchorReferences ?? [] {
                guard let targetPosition = positions[reference.targetSourcePath] else { continue }
                guard records[targetPosition].isPublished else {
                    let target = records[targetPosition]
                    let why =
                        target.article?.draft == true
                        ? "is a draft that this build leaves out (publish it, or build with --drafts)"
                        : "cannot be published (see its own errors)"
                    diagnostics.append(
                        .error(
                            "link to \(content.displayPath(reference.targetSourcePath)), which \(why)",
                            at: reference.location, id: "broken-link"))
                    continue
                }
                if case .collection(let collection) = records[targetPosition].kind, !hasPage(collection) {
                    diagnostics.append(
                        .error(
                            "link to the collection '\(collection)', which has no published article and so no page",
                            at: reference.location, id: "broken-link"))
                    continue
                }
                guard !reference.anchor.isEmpty, records[targetPosition].body?.defines(reference.anchor) == false else { continue }
                let target = records[targetPosition]
                let headings = target.body?.headings.map { "#\($0.id)" }.joined(separator: ", ") ?? ""
                var known = headings.isEmpty ? "it has no headings" : "its headings are \(headings)"
                // Said only from a translated page: from a page that falls back too, the finding
                // is the default language's own, word for word, and so reported once.
                if target.isFallback, !records[position].isFallback, let language = edition?.language {
                    known += " (it has no \(language.tag) translation yet, so this language shows the default language's page, with its anchors)"
                }
                diagnostics.append(
                    .error(
                        "link to missing anchor '#\(reference.anchor)' in \(content.displayPath(reference.targetSourcePath)); \(known)",
                        at: reference.location, id: "broken-anchor"))
            }
        }
        return diagnostics
    }
}
