import HelpCenterCalendar
import HelpCenterSearch

/// The JSON-LD (schema.org) a page carries for search engines: an `Article` with its
/// `BreadcrumbList` on article pages, a `BreadcrumbList` on collection pages, a `WebSite` with
/// its search action on the home page. Addresses need an absolute `base_url`: without one, the
/// breadcrumbs and the search action are left out (the build warns once).
///
/// Written by hand (a few fixed shapes) with the search index's JSON string escaping, which
/// also escapes `<`, `>` and `&`, so the text is safe inside a `<script>` element.
enum StructuredData {
    static func article(
        title: String, description: String?, author: String?, updated: CalendarDate?, address: String, trail: [(title: String, address: String)],
        configuration: SiteConfiguration
    ) -> String {
        var fields: [(String, String)] = [("@type", string("Article")), ("headline", string(title))]
        if let description { fields.append(("description", string(description))) }
        if let author { fields.append(("author", object([("@type", string("Person")), ("name", string(author))]))) }
        if let updated { fields.append(("dateModified", string(updated.iso))) }
        fields.append(("publisher", object([("@type", string("Organization")), ("name", string(configuration.name))])))
        if let url = configuration.absoluteURL(address) { fields.append(("mainEntityOfPage", string(url))) }
        fields.append(("inLanguage", string(configuration.language)))
        let article = object([("@context", string("https://schema.org"))] + fields)
        guard let trail = breadcrumbList(trail, configuration: configuration) else { return article }
        return "[" + article + "," + trail + "]"
    }

    static func breadcrumbs(_ trail: [(title: String, address: String)], configuration: SiteConfiguration) -> String? {
        breadcrumbList(trail, configuration: configuration)
    }

    static func website(name: String, description: String?, url: String?) -> String? {
        guard let url else { return nil }
        var fields: [(String, String)] = [
            ("@context", string("https://schema.org")), ("@type", string("WebSite")), ("name", string(name)), ("url", string(url)),
        ]
        if let description { fields.append(("description", string(description))) }
        fields.append(
            (
                "potentialAction",
                object([
                    ("@type", string("SearchAction")), ("target", string(url + "search/?q={search_term_string}")),
                    ("query-input", string("required name=search_term_string")),
                ])
            ))
        return object(fields)
    }

    private static func breadcrumbList(_ trail: [(title: String, address: String)], configuration: SiteConfiguration) -> String? {
        var items: [String] = []
        for (position, step) in trail.enumerated() {
            guard let url = configuration.absoluteURL(step.address) else { return nil }
            items.append(
                object([("@type", string("ListItem")), ("position", String(position + 1)), ("name", string(step.title)), ("item", string(url))]))
        }
        return object([
            ("@context", string("https://schema.org")), ("@type", string("BreadcrumbList")), ("itemListElement", "[" + items.joined(separator: ",") + "]"),
        ])
    }

    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private static func string(_ text: String) -> String {
        var json = ""
        SearchJSON.appendString(text, to: &json)
        return json
    }
}
