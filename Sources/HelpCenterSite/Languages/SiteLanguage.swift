import HelpCenterDiagnostics

/// One language of the site: the default one (published at the root) or one of `languages:`
/// in `helpcenter.yaml`, published under its prefix (docs/languages.md).
public struct SiteLanguage: Sendable, Equatable, Hashable {
    /// The short key: the file suffix of its translations (`fr` in `article.fr.md`).
    public var key: String
    /// The BCP 47 tag (`fr-FR`): the pages' `lang`, `hreflang`, the search stemmer.
    public var tag: String
    /// The language's own name (`Français`), in the language switcher.
    public var name: String
    /// Where its pages are, from the site root, without a leading `/` (`fr/`; the default
    /// language's is empty).
    public var prefix: String
    /// The writing direction of its pages.
    public var direction: TextDirection
    /// Whether a page without a translation is published in the default language, with a
    /// notice (`fallback: true`, the default), or left out of this language (`fallback: false`).
    public var fallback = true
    /// The site's name and description in this language (`site_name`, `site_description`):
    /// the header, page titles, Open Graph and JSON-LD of its pages. Without them, the
    /// top-level `name` and `description`.
    public var siteName: String?
    public var siteDescription: String?
    /// The search synonyms of this language's index (`search_synonyms` under the language).
    /// Without them, the built-in groups for its tag (`SearchSettings.defaultSynonyms(for:)`):
    /// the top-level `search_synonyms` are the default language's words.
    public var searchSynonyms: [[String]]?

    public enum TextDirection: String, Sendable {
        case leftToRight = "ltr"
        case rightToLeft = "rtl"
    }

    public init(key: String, tag: String, name: String? = nil, prefix: String? = nil, direction: TextDirection? = nil) {
        self.key = key
        self.tag = tag
        self.name = name ?? tag
        self.prefix = prefix ?? key + "/"
        self.direction = direction ?? Self.direction(of: tag)
    }

    /// Right to left for the scripts written that way (Arabic, Hebrew, Persian, Urdu, Yiddish,
    /// Pashto, Sindhi, Dhivehi, Kurdish in Arabic script), from the tag's language subtag; a
    /// script subtag wins (`az-Arab`, `pa-Arab` are right to left, `ku-Latn` is not).
    public static func direction(of tag: String) -> TextDirection {
        let subtags = tag.lowercased().split(separator: "-").map(String.init)
        if subtags.contains(where: { ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"].contains($0) }) { return .rightToLeft }
        if subtags.dropFirst().contains(where: { $0.count == 4 }) { return .leftToRight }
        let rightToLeft: Set<String> = ["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "dv", "ug", "ckb", "syr"]
        return rightToLeft.contains(subtags.first ?? "") ? .rightToLeft : .leftToRight
    }

    /// The key of a default language named only by its tag: its language subtag (`en` for `en-GB`).
    public static func defaultKey(for tag: String) -> String {
        String(tag.lowercased().split(separator: "-").first ?? "en")
    }

    /// Whether a file-name suffix looks like a language key (`fr`, `pt-br`, `zh-hant`): two or
    /// three letters, then optional `-` parts of letters and digits. `node.js.md`'s `js` does
    /// too, and is then reported as an unknown language, not published as a page.
    public static func looksLikeKey(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }
}

/// The languages of a site: the default first, then the others in the order of `languages:`.
public struct SiteLanguages: Sendable, Equatable {
    public var all: [SiteLanguage]

    public var primary: SiteLanguage { all[0] }
    public var translations: ArraySlice<SiteLanguage> { all.dropFirst() }
    /// Whether the site has more than one language (only then do pages carry a switcher and alternates).
    public var isMultilingual: Bool { all.count > 1 }

    public init(primary: SiteLanguage, others: [SiteLanguage] = []) {
        all = [primary] + others
    }

    public func language(key: String) -> SiteLanguage? { all.first { $0.key == key } }

    /// The language a person named on the command line: by its key (`fr`), or by its key or
    /// BCP 47 tag in any case, `_` for `-` (`FR`, `fr-FR`, `fr_fr`). File names use the key only.
    public func language(named name: String) -> SiteLanguage? {
        if let exact = language(key: name) { return exact }
        let folded = name.lowercased().replacingOccurrences(of: "_", with: "-")
        return all.first { $0.key.lowercased() == folded } ?? all.first { $0.tag.lowercased() == folded }
    }

    /// The configured key closest to an unknown one, for "did you mean" (the other languages'
    /// keys only, with `others`).
    public func closestKey(to key: String, others: Bool = false) -> String? {
        let scored = (others ? Array(translations) : all).map { ($0.key, EditDistance.between(Array(key.utf8), Array($0.key.utf8))) }
        // Keys are short: 'de' is two edits from 'fr', which suggests nothing.
        let limit = key.count <= 3 ? 1 : 2
        return scored.filter { $0.1 <= limit }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}

/// What a content file is, for the command line and the checker's citations (which do not see
/// the builder's entries).
public enum ContentEntryKind {
    /// Whether a content-relative Markdown path is a source page (not `x.fr.md`).
    public static func isSourcePage(_ path: String) -> Bool {
        ContentEntry.translationSuffix(path) == nil
    }

    /// A translation's language key and its source's path (`c/a.fr.md` → `fr`, `c/a.md`), as the
    /// build reads the name; nil for a source page.
    public static func translation(_ path: String) -> (key: String, sourcePath: String)? {
        ContentEntry.translationSuffix(path)
    }
}
