/// The language switcher's links and the `hreflang` alternates of a page in a site with more
/// than one language (docs/languages.md); both lists are empty in a site with one language.

/// One language in the switcher: the same page in that language, or the nearest page that
/// exists in it (the article's collection, the home page).
public struct LanguageLink: TemplateContext, Equatable {
    /// The language's own name (`Français`).
    public var name: String
    /// Its BCP 47 tag, for the link's `lang` and `hreflang`.
    public var tag: String
    public var url: String
    /// The language of the page being read (the link gets `aria-current`).
    public var isCurrent: Bool
    /// Whether `url` is the same page (false: the nearest page that exists in that language).
    public var isSamePage: Bool

    package init(name: String, tag: String, url: String, isCurrent: Bool, isSamePage: Bool) {
        self.name = name
        self.tag = tag
        self.url = url
        self.isCurrent = isCurrent
        self.isSamePage = isSamePage
    }

    public static let templateFields: TemplateFields<LanguageLink> = [
        "name": .text(\.name),
        "tag": .text(\.tag),
        "url": .text(\.url),
        "isCurrent": .flag { $0.isCurrent },
        "isSamePage": .flag { $0.isSamePage },
    ]
}

/// `<link rel="alternate" hreflang="…" href="…">`: a version of this page in another language
/// (or `x-default`, the default language's).
public struct AlternateLink: TemplateContext, Equatable {
    public var hreflang: String
    public var url: String

    package init(hreflang: String, url: String) {
        self.hreflang = hreflang
        self.url = url
    }

    public static let templateFields: TemplateFields<AlternateLink> = [
        "hreflang": .text(\.hreflang),
        "url": .text(\.url),
    ]
}
