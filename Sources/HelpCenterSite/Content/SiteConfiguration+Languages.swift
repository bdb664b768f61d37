import HelpCenterDiagnostics

extension SiteConfiguration {
    static let languageKeys = ["tag", "name", "prefix", "dir", "fallback", "site_name", "site_description", "search_synonyms"]

    /// Reads `languages:`, a mapping of short keys to settings
    /// (`fr: { tag: fr-FR, name: Français, prefix: /fr/, dir: ltr }`). The default language
    /// may be listed too (its `tag` equal to `language:`), which names it in the switcher.
    mutating func readLanguages(_ node: YAMLValue, reader: inout YAMLFieldReader) {
        guard case .mapping(let entries, _) = node else {
            reader.diagnostics.append(
                .error("'languages' must be a mapping of short keys to settings, e.g. fr: { tag: fr-FR, name: Français }", at: node.location, id: "config"))
            return
        }
        var prefixes: [String: String] = [:]
        /// Each other language's key by its tag, lower-cased (BCP 47 tags are case-insensitive).
        var tags: [String: String] = [:]
        var primaryEntry: String?
        var placed: [(language: SiteLanguage, location: SourceLocation)] = []
        for entry in entries {
            guard let key = entry.key.scalarText, SiteLanguage.looksLikeKey(Substring(key)) else {
                reader.diagnostics.append(
                    .error(
                        "a language key must be two or three lowercase letters, then optional '-' parts ('fr', 'pt-br'), found '\(entry.key.scalarText ?? entry.key.kindName)'; it is the file suffix of the translations (article.fr.md)",
                        at: entry.key.location, id: "config"))
                continue
            }
            let fields = reader.fields(of: entry.value, known: Self.languageKeys, what: "the language '\(key)'")
            guard let tagNode = fields["tag"]?.value, let tag = reader.string(tagNode, key: "tag"), !tag.isEmpty else {
                reader.diagnostics.append(.error("the language '\(key)' needs a 'tag', its BCP 47 tag (e.g. tag: fr-FR)", at: entry.key.location, id: "config"))
                continue
            }
            guard Self.isLanguageTag(tag) else {
                reader.diagnostics.append(.error("'\(tag)' is not a BCP 47 language tag (e.g. fr, fr-FR, pt-BR, zh-Hant)", at: tagNode.location, id: "config"))
                continue
            }
            let name = reader.string(fields["name"]?.value, key: "name")
            if tag.lowercased() == language.lowercased() || key == primaryLanguageKey {
                if let primaryEntry, primaryEntry != key {
                    reader.diagnostics.append(
                        .error(
                            "the default language (\(language)) is listed twice, as '\(primaryEntry)' and '\(key)'; keep one", at: entry.key.location,
                            id: "config"))
                    continue
                }
                primaryEntry = key
                if fields["prefix"] != nil {
                    reader.diagnostics.append(
                        .warning("the default language is published at the root; its 'prefix' is ignored", at: fields["prefix"]!.key.location, id: "languages"))
                }
                primaryLanguageKey = key
                primaryLanguageName = name
                continue
            }
            var prefix: String?
            if let prefixNode = fields["prefix"]?.value, let text = reader.string(prefixNode, key: "prefix") {
                let trimmed = text.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
                if trimmed.isEmpty || !trimmed.utf8.allSatisfy(PageAddress.isKept) || trimmed.split(separator: "/").contains(where: { $0 == "." || $0 == ".." })
                {
                    reader.diagnostics.append(
                        .error(
                            "a language's 'prefix' must be a path such as /fr/ or /fr-ca/ (letters, digits, '-', '_'), found '\(text)'",
                            at: prefixNode.location, id: "config"))
                    continue
                }
                prefix = trimmed + "/"
            }
            var direction: SiteLanguage.TextDirection?
            if let dirNode = fields["dir"]?.value, let text = reader.string(dirNode, key: "dir") {
                guard let value = SiteLanguage.TextDirection(rawValue: text) else {
                    reader.diagnostics.append(.error("'dir' must be ltr or rtl, found '\(text)'", at: dirNode.location, id: "config"))
                    continue
                }
                direction = value
            }
            var language = SiteLanguage(key: key, tag: tag, name: name, prefix: prefix, direction: direction)
            if let fallback = reader.bool(fields["fallback"]?.value, key: "fallback") { language.fallback = fallback }
            language.siteName = reader.string(fields["site_name"]?.value, key: "site_name").flatMap { $0.isEmpty ? nil : $0 }
            language.siteDescription = reader.string(fields["site_description"]?.value, key: "site_description").flatMap { $0.isEmpty ? nil : $0 }
            if let node = fields["search_synonyms"]?.value { language.searchSynonyms = reader.synonyms(node) }
            if let other = prefixes[language.prefix] {
                reader.diagnostics.append(
                    .error(
                        "the languages '\(other)' and '\(key)' have the same prefix /\(language.prefix); give each its own", at: entry.key.location,
                        id: "config"))
                continue
            }
            if let other = tags[tag.lowercased()] {
                reader.diagnostics.append(
                    .error("the languages '\(other)' and '\(key)' have the same tag \(tag); give each its own", at: tagNode.location, id: "config"))
                continue
            }
            let prefixLocation = fields["prefix"]?.value.location ?? entry.key.location
            let top = String(language.prefix.split(separator: "/").first ?? "")
            if ContentEntry.reservedCollectionNames.contains(top) {
                reader.diagnostics.append(
                    .error(
                        "the prefix /\(language.prefix) of the language '\(key)' is where the site writes its own pages (\(ContentEntry.reservedCollectionNames.sorted().joined(separator: ", "))); choose another, e.g. prefix: /\(key)/",
                        at: prefixLocation, id: "config"))
                continue
            }
            prefixes[language.prefix] = key
            tags[tag.lowercased()] = key
            placed.append((language, prefixLocation))
            languageLocations[key] = entry.key.location
            otherLanguages.append(language)
        }
        // One language's pages inside another's (`/fr/` and `/fr/guides/`) would replace them.
        for (language, location) in placed {
            if let outer = placed.first(where: { $0.language.key != language.key && language.prefix.hasPrefix($0.language.prefix) }) {
                reader.diagnostics.append(
                    .error(
                        "the prefix /\(language.prefix) of the language '\(language.key)' is inside /\(outer.language.prefix), the prefix of '\(outer.language.key)', whose pages it would replace; give it a prefix of its own",
                        at: location, id: "config"))
            }
        }
        if !otherLanguages.isEmpty, primaryLanguageName == nil {
            reader.diagnostics.append(
                .warning(
                    "the default language (\(language)) has no name for the language switcher; list it in 'languages' too, e.g. \(SiteLanguage.defaultKey(for: language)): { tag: \(language), name: English }",
                    at: node.location, id: "languages"))
        }
        if let primaryLanguageKey, let clash = otherLanguages.first(where: { $0.key == primaryLanguageKey }) {
            reader.diagnostics.append(.error("the language key '\(clash.key)' is the default language's", at: node.location, id: "config"))
        }
    }

    /// A well-formed BCP 47 tag in its common shapes: a 2–3 letter language, then subtags of
    /// 1–8 letters or digits (`fr`, `fr-FR`, `zh-Hant-TW`, `es-419`, `de-x-a`).
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
