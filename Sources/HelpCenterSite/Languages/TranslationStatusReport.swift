import HelpCenterCalendar
import HelpCenterDiagnostics

/// Where each page stands in each language: translated and current, translated from an older
/// version of its source, translated without naming the version (`translation_of`), or not
/// translated. `helpcenter check --translations` prints it; the build warns from it.
public struct TranslationStatusReport: Sendable {
    public struct Entry: Sendable, Equatable {
        public enum State: String, Sendable, Codable {
            case current
            /// The source changed after the version the translation names.
            case outdated
            /// The translation names no version (`translation_of`), one of neither form, or a date
            /// while the source has no `updated`.
            case unversioned
            /// No published translation: the page falls back to the default language.
            case missing
        }

        public var language: SiteLanguage
        /// `content/c/a.md`.
        public var source: String
        /// `c/a.md`, relative to the content folder.
        public var sourcePath: String
        /// `content/c/a.fr.md`, nil when missing.
        public var translation: String?
        /// For a missing translation: the file that exists but is not published (a draft, or
        /// front matter with an error), so the report tells work under way from work not begun.
        public var unpublished: String? = nil
        /// Whether `unpublished` is a draft (else it has an error, which the build reports at it).
        public var unpublishedIsDraft = false
        public var state: State
        /// Where a finding is reported: `translation_of`, else the translation's file, else the source's.
        public var location: SourceLocation
        /// The version the translation names, and the source's current hash and date.
        public var namedVersion: String?
        public var sourceHash: String?
        public var sourceUpdated: CalendarDate?
        /// The headings of the source's sections that changed since the named version (when
        /// its text could be found: `helpcenter check --translations` looks in git), nil when unknown.
        public var changedSections: [String]?
        /// The number of commits of the source searched without finding the version named (a
        /// mistyped hash reads otherwise as "the source changed"), nil when it was found or
        /// there was no history to search.
        public var namedVersionNotFound: Int?
    }

    public var entries: [Entry]
    /// Source pages per language (the denominator of the summary).
    public var pageCount: Int

    public init(catalogue: TranslationCatalogue, languages: SiteLanguages, displayPath: (String) -> String) {
        var entries: [Entry] = []
        let sources = catalogue.sourcePages.filter { !catalogue.unpublishedSources.contains($0) }
        pageCount = sources.count
        for language in languages.translations {
            for source in sources {
                let sourceDisplay = displayPath(source)
                guard let translation = catalogue.translation(of: source, into: language.key) else {
                    entries.append(
                        Entry(
                            language: language, source: sourceDisplay, sourcePath: source, translation: nil,
                            unpublished: catalogue.translations[language.key]?[source].map { displayPath($0.path) },
                            unpublishedIsDraft: catalogue.translations[language.key]?[source]?.isDraft ?? false, state: .missing,
                            location: SourceLocation(path: sourceDisplay),
                            namedVersion: nil, sourceHash: nil, sourceUpdated: nil))
                    continue
                }
                let translationDisplay = displayPath(translation.path)
                var entry = Entry(
                    language: language, source: sourceDisplay, sourcePath: source, translation: translationDisplay, state: .unversioned,
                    location: translation.translationOf?.location ?? SourceLocation(path: translationDisplay),
                    namedVersion: translation.translationOf?.value, sourceHash: translation.sourceHash, sourceUpdated: translation.sourceUpdated)
                if let named = translation.translationOf.flatMap({ SourceVersion($0.value) }), let hash = translation.sourceHash,
                    let isCurrent = named.isCurrent(hash: hash, updated: translation.sourceUpdated)
                {
                    entry.state = isCurrent ? .current : .outdated
                }
                entries.append(entry)
            }
        }
        self.entries = entries
    }

    public func count(_ state: Entry.State, in language: SiteLanguage) -> Int {
        entries.reduce(0) { $0 + ($1.state == state && $1.language == language ? 1 : 0) }
    }

    /// The message of a finding (an entry that is not current).
    public static func message(for entry: Entry) -> String {
        switch entry.state {
        case .current:
            return "translation into \(entry.language.tag) is current"
        case .outdated where entry.namedVersionNotFound != nil:
            let named = entry.namedVersion ?? ""
            let searched = entry.namedVersionNotFound ?? 0
            let which = SourceVersion(named).map { if case .hash = $0 { "has the hash" } else { "is dated on or before" } } ?? "is"
            var message =
                "no version of \(entry.source) in its git history (\(searched) \(searched == 1 ? "commit" : "commits")) \(which) \(named), as this \(entry.language.tag) translation's translation_of says: check it for a typo"
            if let hash = entry.sourceHash { message += "; if the translation is of the source as it is now, set translation_of: \(hash)" }
            return message
        case .outdated:
            var message = "\(entry.source) changed after the version this \(entry.language.tag) translation names (translation_of: \(entry.namedVersion ?? ""))"
            if let sections = entry.changedSections {
                message +=
                    sections.isEmpty
                    ? "; no section's text differs (only its front matter or spacing)"
                    : "; changed sections: " + sections.map { "'\($0)'" }.joined(separator: ", ")
            }
            let now = [entry.sourceHash.map { "its hash is now \($0)" }, entry.sourceUpdated.map { "updated \($0.iso)" }].compactMap { $0 }
            if !now.isEmpty { message += " (\(now.joined(separator: ", ")))" }
            return message + "; update the translation, then set translation_of: \(entry.sourceHash ?? "")"
        case .unversioned where entry.namedVersion.map { SourceVersion($0) == nil } == true:
            return
                "this \(entry.language.tag) translation's translation_of: \(entry.namedVersion ?? "") is neither a date nor a hash of \(entry.source), so it can't tell whether the translation is current; set translation_of: \(entry.sourceHash ?? "<hash>") once it translates the source as it is now"
        case .unversioned where entry.namedVersion != nil:
            return
                "this \(entry.language.tag) translation names the date \(entry.namedVersion ?? ""), but \(entry.source) has no 'updated' date to compare it with; name its hash instead: translation_of: \(entry.sourceHash ?? "<hash>")"
        case .unversioned:
            return
                "this \(entry.language.tag) translation does not say which version of \(entry.source) it translates; add translation_of: \(entry.sourceHash ?? "<hash>") (helpcenter new translation writes it)"
        case .missing:
            let what =
                entry.unpublished.map { file in
                    "no published \(entry.language.tag) translation (\(entry.language.key)): \(file) "
                        + (entry.unpublishedIsDraft ? "is a draft (remove its 'draft: true' to publish it)" : "has an error, reported at it")
                }
                ?? "no \(entry.language.tag) translation (\(entry.language.key))"
            return entry.language.fallback
                ? "\(what): the \(entry.language.name) site shows this page in the default language, with a notice"
                : "\(what): the \(entry.language.name) site leaves this page out (fallback: false)"
        }
    }

    /// Every entry that is not current, as a diagnostic: what `check --translations` reports.
    /// Missing translations are notes; out-of-date and unversioned ones warnings.
    public func diagnostics() -> [Diagnostic] {
        entries.compactMap { entry in
            switch entry.state {
            case .current: nil
            case .outdated: .warning(Self.message(for: entry), at: entry.location, id: "translation-outdated")
            case .unversioned: .warning(Self.message(for: entry), at: entry.location, id: "translation-unversioned")
            case .missing: Diagnostic(.note, Self.message(for: entry), at: entry.location, id: "translation-missing")
            }
        }
    }

    /// What a build warns about: each out-of-date translation at its `translation_of`, and per
    /// language one line counting the pages without a translation and those without a version.
    /// `locations`: where each language is written in the configuration (by key).
    func buildWarnings(locations: [String: SourceLocation] = [:]) -> [Diagnostic] {
        var warnings = entries.filter { $0.state == .outdated }.map {
            Diagnostic.warning(Self.message(for: $0), at: $0.location, id: "translation-outdated")
        }
        var languages: [SiteLanguage] = []
        for entry in entries where !languages.contains(entry.language) { languages.append(entry.language) }
        for language in languages {
            let missing = count(.missing, in: language)
            let unversioned = count(.unversioned, in: language)
            let location = locations[language.key] ?? SourceLocation(path: SiteConfiguration.fileName)
            if missing > 0 {
                warnings.append(
                    .warning(
                        "\(language.key) (\(language.tag)): \(missing) of \(pageCount) pages have no translation and are \(language.fallback ? "shown in the default language with a notice" : "left out (fallback: false)"); helpcenter check --translations lists them",
                        at: location, id: "translation-missing"))
            }
            if unversioned > 0 {
                warnings.append(
                    .warning(
                        "\(language.key) (\(language.tag)): \(unversioned) translations name no version their source can be compared with (no translation_of, or a date while the source has no 'updated'), so they cannot be known to be current; helpcenter check --translations lists them",
                        at: location, id: "translation-unversioned"))
            }
        }
        return warnings
    }
}
