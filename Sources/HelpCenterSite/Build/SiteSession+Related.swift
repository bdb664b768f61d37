extension SiteSessionState {
    /// The related-articles index after an edit to `changedSources`, and the articles (source
    /// paths, edited ones left out) whose related-articles lists now read differently from
    /// what `previous`, the index of the last good publish, rendered.
    ///
    /// An edited article moves in or out of other lists, or reads differently in them, only
    /// when its tags or its summary (title, description, address, date, draft badge) changed;
    /// otherwise `previous` still holds and nothing else is stale. Only an article sharing a
    /// tag with an edited one, before or after the edit, or an article whose writer picked it
    /// (a written "Related articles" section), can list it, and the order among the other
    /// articles does not change, so those are the only lists compared.
    static func relatedIndex(
        previous: RelatedArticles, site: SiteModel, changedSources: Set<String>, limit: Int
    ) -> (index: RelatedArticles, staleLists: Set<String>) {
        var edited: [String: SiteModel.Article] = [:]
        for collection in site.collections {
            for article in collection.articles where changedSources.contains(article.record.sourcePath) {
                edited[article.record.sourcePath] = article
            }
        }
        var relisted = Set<String>()
        var tags = Set<String>()
        for source in changedSources {
            let old = previous.article(at: source)
            let new = edited[source]
            guard old?.summary != new?.summary || old?.matter.tags != new?.matter.tags else { continue }
            relisted.insert(source)
            tags.formUnion(old?.matter.tags ?? [])
            tags.formUnion(new?.matter.tags ?? [])
        }
        guard !relisted.isEmpty else { return (previous, []) }
        let index = RelatedArticles(site)
        var stale = Set<String>()
        for collection in site.collections {
            for article in collection.articles
            where !changedSources.contains(article.record.sourcePath)
                && (!tags.isDisjoint(with: article.matter.tags) || (article.record.body?.handPickedRelated ?? []).contains { relisted.contains($0.sourcePath) })
            {
                let picked = article.record.body?.handPickedRelated ?? []
                let now = index.generatedSources(to: article, excluding: picked, limit: limit)
                if now != previous.generatedSources(to: article, excluding: picked, limit: limit) || now.contains(where: relisted.contains)
                    || picked.contains(where: { relisted.contains($0.sourcePath) })
                {
                    stale.insert(article.record.sourcePath)
                }
            }
        }
        return (index, stale)
    }
}
