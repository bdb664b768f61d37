import HelpCenterDiagnostics
import HelpCenterSearch
import HelpCenterTemplates

/// A section heading of an article, for the table of contents and anchor checks.
public struct ArticleHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link to `#anchor` on another page (or this one), checked once every page is rendered.
public struct AnchorReference: Sendable, Equatable {
    /// The target page's source path (content-relative).
    public var targetSourcePath: String
    public var anchor: String
    public var location: SourceLocation

    public init(targetSourcePath: String, anchor: String, location: SourceLocation) {
        self.targetSourcePath = targetSourcePath
        self.anchor = anchor
        self.location = location
    }
}

/// Where an article's body comes from and where its page will live.
public struct ArticleBodyContext: Sendable {
    /// Content-relative source path, e.g. `two-factor-authentication/recovery-keys.md`.
    public var sourcePath: String
    /// The path diagnostics print, e.g. `content/two-factor-authentication/recovery-keys.md`.
    public var displayPath: String
    /// The page's site path, e.g. `two-factor-authentication/recovery-keys/`.
    public var sitePath: String
    /// The file line on which the Markdown body starts (after the front matter).
    public var bodyFirstLine: Int
    /// Keep raw HTML (the site's `raw_html` setting).
    public var allowRawHTML: Bool
    /// The words the renderer writes itself, in the page's language.
    public var words = BodyWords()
    /// The body's Markdown as parsed (its line 1 is `bodyFirstLine` of the file), to find where
    /// a mark is in the source: escapes, entities and smart punctuation make a text's offsets
    /// differ from the line's. Empty: marks are placed by the text's offsets.
    public var markdown = ""
    /// Collect the body's text by block for the search index (off when the build writes none,
    /// `--no-search-index`, so that such a build measures the site without any of the index's work).
    public var collectsSearchText = true

    public init(sourcePath: String, displayPath: String, sitePath: String, bodyFirstLine: Int = 1, allowRawHTML: Bool = false) {
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.sitePath = sitePath
        self.bodyFirstLine = bodyFirstLine
        self.allowRawHTML = allowRawHTML
    }
}

/// An article body rendered to HTML, with what the rest of the build needs from it.
public struct RenderedBody: Sendable {
    public var htmlText: HTMLText
    /// The HTML as a string (tests, previews).
    public var html: String {
        get { htmlText.string }
        set { htmlText = HTMLText(newValue) }
    }
    public var headings: [ArticleHeading]
    /// The ids the body defines besides its headings' (footnotes, callouts), for anchor checks.
    public var otherIDs: [String]

    /// Whether `#id` leads somewhere in this body.
    public func defines(_ id: String) -> Bool {
        headings.contains { $0.id == id } || otherIDs.contains(id)
    }
    public var anchorReferences: [AnchorReference]
    public var diagnostics: [Diagnostic]
    /// The first paragraph as plain text (a fallback summary).
    public var firstParagraph: String
    /// The body's text by block, for the search index (see `SearchTextCollector`); moved into
    /// `search` once the front matter is known.
    var searchBlocks: [SearchDocument.Block]
    /// What the search index needs from the article (see `SearchDocument`), until its words
    /// are indexed and its fragment written.
    var search: SearchDocument?
    /// The rules the body cites with `[!RULE]` callouts, where.
    public var citedRules: [LocatedValue<String>]
    /// The articles a written "Related articles" section lists, lifted out of the HTML (see
    /// `ArticleBodyRenderer.renderDocument`).
    public var handPickedRelated: [HandPickedArticle] = []
}
