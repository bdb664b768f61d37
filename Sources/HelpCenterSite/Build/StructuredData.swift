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
        let trailURLs = urls(of: trail, configuration: configuration)
        var json = JSONWriter()
        func writeArticle(_ json: inout JSONWriter) {
            json.object { json in
                json.field("@context", "https://schema.org")
                json.field("@type", "Article")
                json.field("headline", title)
                if let description { json.field("description", description) }
                if let author {
                    json.key("author")
                    json.object { json in
                        json.field("@type", "Person")
                        json.field("name", author)
                    }
                }
                if let updated { json.field("dateModified", updated.iso) }
                json.key("publisher")
                json.object { json in
                    json.field("@type", "Organization")
                    json.field("name", configuration.name)
                }
                if let url = configuration.absoluteURL(address) { json.field("mainEntityOfPage", url) }
                json.field("inLanguage", configuration.language)
            }
        }
        if let trailURLs {
            json.array { json in
                writeArticle(&json)
                writeBreadcrumbList(trail, urls: trailURLs, into: &json)
            }
        } else {
            writeArticle(&json)
        }
        return json.text
    }

    static func breadcrumbs(_ trail: [(title: String, address: String)], configuration: SiteConfiguration) -> String? {
        guard let trailURLs = urls(of: trail, configuration: configuration) else { return nil }
        var json = JSONWriter()
        writeBreadcrumbList(trail, urls: trailURLs, into: &json)
        return json.text
    }

    static func website(name: String, description: String?, url: String?) -> String? {
        guard let url else { return nil }
        var json = JSONWriter()
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", "WebSite")
            json.field("name", name)
            json.field("url", url)
            if let description { json.field("description", description) }
            json.key("potentialAction")
            json.object { json in
                json.field("@type", "SearchAction")
                json.field("target", url + "search/?q={search_term_string}")
                json.field("query-input", "required name=search_term_string")
            }
        }
        return json.text
    }

    /// The trail's absolute addresses, or nil when the site has no absolute `base_url`.
    private static func urls(of trail: [(title: String, address: String)], configuration: SiteConfiguration) -> [String]? {
        var urls: [String] = []
        for step in trail {
            guard let url = configuration.absoluteURL(step.address) else { return nil }
            urls.append(url)
        }
        return urls
    }

    private static func writeBreadcrumbList(_ trail: [(title: String, address: String)], urls: [String], into json: inout JSONWriter) {
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", "BreadcrumbList")
            json.key("itemListElement")
            json.array { json in
                for (position, step) in trail.enumerated() {
                    json.object { json in
                        json.field("@type", "ListItem")
                        json.key("position")
                        json.number(position + 1)
                        json.field("name", step.title)
                        json.field("item", urls[position])
                    }
                }
            }
        }
    }
}

/// Compact JSON written straight into bytes, member by member. A page's JSON-LD is some thirty
/// short strings; building each as a `String` of its own and joining them was 2.7 % of a
/// 10,000-article build. Keys are the fixed names above, which need no escaping.
private struct JSONWriter {
    private var bytes: [UInt8] = []
    /// True right after `{`, `[` or a key: the next value or member takes no comma.
    private var atStart = true

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array(_ elements: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        elements(&self)
        close(UInt8(ascii: "]"))
    }

    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    mutating func string(_ text: String) {
        separate()
        SearchJSON.appendString(text, to: &bytes)
        atStart = false
    }

    mutating func number(_ number: Int) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
        atStart = false
    }

    mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        atStart = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        atStart = false
    }

    private mutating func separate() {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
    }
}
