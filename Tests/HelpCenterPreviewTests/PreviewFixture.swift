import Foundation
import HelpCenterSite

@testable import HelpCenterPreview
@testable import HelpCenterSiteFiles

/// A small help centre for the preview's tests: in memory, or written to a temporary folder
/// that a test may edit (the watcher tests).
enum PreviewFixture {
    static let templates: [String: String] = [
        "layout.mustache": """
        <!doctype html>
        <html lang="{{site.language}}"><head><title>{{title}} · {{site.name}}</title><link rel="stylesheet" href="{{root}}assets/site.css"></head>
        <body><main id="main-content">{{#isDraft}}<p class="draft-badge" role="status">Draft: not published</p>{{/isDraft}}{{{content}}}</main></BODY></html>

        """,
        "home.mustache":
            "<h1>{{title}}</h1>{{#collections}}<h2><a href=\"{{root}}{{path}}\">{{title}}</a></h2>{{#articles}}<a href=\"{{root}}{{path}}\">{{title}}</a>{{/articles}}{{/collections}}\n",
        "collection.mustache": "<h1>{{collection.title}}</h1>{{#articles}}<a href=\"{{root}}{{path}}\">{{title}}</a>{{/articles}}\n",
        "article.mustache": "<h1>{{article.title}}</h1>\n{{{article.body}}}\n",
        "404.mustache": "<h1>Page not found</h1><a href=\"{{root}}\">Home</a>\n",
        "assets/site.css": "body { font-family: sans-serif; }\n",
    ]

    static let content: [String: String] = [
        "_index.md": "---\ntitle: Fixture Help\n---\nWelcome.\n",
        "guides/_index.md": "---\ntitle: Guides\norder: 1\n---\n",
        "guides/first-steps.md": article(title: "First steps", body: "Start here."),
        "guides/settings.md": article(title: "Settings", body: "Change a setting."),
        "guides/draft-notes.md": "---\ntitle: Draft notes\ndraft: true\n---\nNot ready.\n",
        "guides/images/dot.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n",
    ]

    static func article(title: String, body: String) -> String {
        "---\ntitle: \(title)\ndescription: About \(title.lowercased()).\n---\n\(body)\n"
    }

    /// A preview server over the in-memory site, already built.
    static func server(includeDrafts: Bool = false, content extra: [String: String] = [:]) throws -> PreviewServer {
        // An absolute base URL, so that the site has a sitemap to serve.
        var configuration = SiteConfiguration()
        configuration.baseURL = "https://help.example.com/"
        let builder = SiteBuilder(
            configuration: configuration,
            content: InMemoryFileTree(content.merging(extra) { $1 }, displayPrefix: "content/"),
            templates: InMemoryFileTree(templates, displayPrefix: "templates/"),
            options: BuildOptions(includeDrafts: includeDrafts))
        let server = PreviewServer(session: SiteSession(builder: builder), configurationFile: nil, inputs: [])
        try server.buildFirst()
        return server
    }

    /// The fixture written to a new temporary folder (`content/`, `templates/`, `policy/`, `scenarios/`).
    static func writeToTemporaryFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-preview-\(UUID().uuidString)")
        for (path, text) in content { try write(text, to: root.appendingPathComponent("content/" + path)) }
        for (path, text) in templates { try write(text, to: root.appendingPathComponent("templates/" + path)) }
        try write("rules: []\n", to: root.appendingPathComponent("policy/backup-policy.yaml"))
        try write("name: x\n", to: root.appendingPathComponent("scenarios/one.yaml"))
        return root
    }

    static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// The inputs `helpcenter serve` watches, for a project in `root`.
    static func inputs(_ root: URL) -> [WatchedInput] {
        [
            WatchedInput(root.appendingPathComponent("content"), kind: .folder, tree: .content),
            WatchedInput(root.appendingPathComponent("templates"), kind: .folder, tree: .templates),
            WatchedInput(root.appendingPathComponent("helpcenter.yaml"), kind: .file, tree: .configuration),
            WatchedInput(root.appendingPathComponent("policy"), kind: .folder, tree: .other, reportedPrefix: "policy/"),
            WatchedInput(root.appendingPathComponent("scenarios"), kind: .folder, tree: .other, reportedPrefix: "scenarios/"),
        ]
    }

    /// A preview server over the site in `root`, already built.
    static func server(in root: URL, options: PreviewOptions) throws -> PreviewServer {
        let builder = SiteBuilder(
            configuration: SiteConfiguration(),
            content: DirectoryFileTree(root: root.appendingPathComponent("content"), displayName: "content"),
            templates: DirectoryFileTree(root: root.appendingPathComponent("templates"), displayName: "templates"))
        let server = PreviewServer(
            session: SiteSession(builder: builder),
            configurationFile: .init(location: root.appendingPathComponent("helpcenter.yaml"), displayPath: "helpcenter.yaml"),
            inputs: inputs(root), options: options)
        try server.buildFirst()
        return server
    }
}

/// Waits for a condition, polling every few milliseconds, up to a bound.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
