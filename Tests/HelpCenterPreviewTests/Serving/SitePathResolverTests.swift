import Testing

@testable import HelpCenterPreview

@Suite struct SitePathResolverTests {
    static let files: Set<String> = ["index.html", "guides/index.html", "guides/first-steps/index.html", "assets/site.css", "100%.txt"]

    static func resolve(_ path: String) -> SitePathResolver.Resolution {
        SitePathResolver.resolve(path) { files.contains($0) }
    }

    @Test(arguments: [
        ("/", SitePathResolver.Resolution.file("index.html")),
        ("/guides/", .file("guides/index.html")),
        ("/guides/first-steps/", .file("guides/first-steps/index.html")),
        ("/assets/site.css", .file("assets/site.css")),
        ("/assets/%73ite.css", .file("assets/site.css")),
        ("/100%25.txt", .file("100%.txt")),
        ("/guides", .redirect("/guides/")),
        ("/guides/first-steps", .redirect("/guides/first-steps/")),
        ("/guides/missing/", .notFound),
        ("/nothing", .notFound),
        ("/assets/site.css/", .notFound),
    ])
    func resolvesSitePaths(path: String, expected: SitePathResolver.Resolution) {
        #expect(Self.resolve(path) == expected)
    }

    /// Each of these tries to leave the site, or is malformed: all are refused, none reaches a lookup.
    @Test(arguments: [
        "/../etc/passwd", "/guides/../../etc/passwd", "/guides/..", "/./index.html",
        "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/%2e%2E/%2e%2e/etc/passwd", "/guides/%2e%2e/%2e%2e/secret",
        "/%252e%252e/etc/passwd", "/%252E%252E/x", "/guides/%252e",
        "/..%2fetc/passwd", "/..%2Fetc%2Fpasswd", "/guides/..%5c..%5cwindows",
        "/..\\etc\\passwd", "/guides\\index.html", "/%5c%5cserver/share",
        "/index.html%00.css", "/%00", "/a%0ab",
        "//etc/passwd", "/%2fetc/passwd", "/%2F%2Fetc/passwd", "/guides//first-steps/",
        "/%zz", "/%2", "/%", "/%c3%28", "relative/path",
    ])
    func refusesTraversalAndMalformedPaths(path: String) {
        var looked: [String] = []
        let resolution = SitePathResolver.resolve(path) {
            looked.append($0)
            return true
        }
        guard case .refused = resolution else {
            Issue.record("\(path) was not refused: \(resolution)")
            return
        }
        #expect(looked.isEmpty)
    }
}
