import Foundation
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite

/// Hostile or mistaken content gives a located error, quickly, and nothing is published:
/// the reproductions of issue 11 (deep nesting, alias bombs), generated in the test.
@Suite("Hostile content")
struct HostileContentTests {
    static let frontMatter = "---\ntitle: Hostile\n---\n"

    static func aliasBombFrontMatter() -> String {
        var lines = ["---", "title: Bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<7 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines += ["tags: *a6", "---", "Body."]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "a hostile article is an error at its place and nothing is written",
        arguments: [
            ("deep-quote.md", frontMatter + String(repeating: ">", count: 42_000) + " x\n", 4, "nests more than 100 levels", "markdown-limit"),
            ("deep-list.md", frontMatter + String(repeating: "- ", count: 12_000) + "x\n", 4, "nests more than 100 levels", "markdown-limit"),
            (
                "wide-table.md", frontMatter + "\n" + String(repeating: "|a", count: 300) + "|\n" + String(repeating: "|-", count: 300) + "|\n", 6,
                "300 columns", "markdown-limit"
            ),
            ("alias-bomb.md", aliasBombFrontMatter(), 3, "alias bomb", "yaml"),
            ("deep-yaml.md", "---\ntitle: Deep\ntags: " + String(repeating: "[", count: 5_000) + "\n---\nBody\n", 3, "nests more than 16 levels", "yaml"),
        ])
    func hostileArticle(name: String, text: String, line: Int, message: String, id: String) throws {
        let started = Date()
        let (report, output) = try SiteTestSupport.buildFixture(content: ["guides/\(name)": text])
        #expect(Date().timeIntervalSince(started) < 2)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.location.path == "content/guides/\(name)")
        #expect(error.location.line == line)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.id == id)
        #expect(!report.succeeded)
        #expect(output.files.isEmpty)
    }

    @Test("an alias bomb in the site configuration is an error, not a stall")
    func configurationAliasBomb() {
        let text =
            Self.aliasBombFrontMatter().split(separator: "\n").filter { $0 != "---" && $0 != "Body." }
            .map { $0.replacingOccurrences(of: "title:", with: "name:") }.joined(separator: "\n") + "\n"
        let started = Date()
        let (_, diagnostics) = SiteConfiguration.parse(text, path: "helpcenter.yaml")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("alias bomb") && $0.location.path == "helpcenter.yaml" })
    }

    @Test("a diagnostic's column counts characters on a line with non-ASCII text")
    func columnsCountCharacters() throws {
        let (report, _) = try SiteTestSupport.buildFixture(content: [
            "guides/accents.md": Self.frontMatter + "Café → [gone](nowhere.md)\n"
        ])
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.location.line == 4)
        #expect(error.location.column == 8)
    }

    @Test("a theme's words are text in a callout's label, not markup")
    func calloutLabelsAreEscaped() {
        var words = BodyWords()
        words.note = #"Remarque </span><script>alert(1)</script>"'&"#
        let body = SiteTestSupport.renderBody("> [!NOTE]\n> Lisez ceci.\n", words: words)
        #expect(body.html.contains(#"<span>Remarque &lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;'&amp;</span>"#))
        #expect(!body.html.contains("<script>"))
    }

    @Test("many headings named alike get numbered ids in linear time")
    func repeatedHeadings() {
        // 20,000 setext headings "a" (80 KB): ids a, a-1, …, a-19999; quadratic before, minutes at 1 MB.
        let started = Date()
        let body = SiteTestSupport.renderBody(String(repeating: "a\n=\n", count: 20_000))
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(body.headings.count == 20_000)
        #expect(body.headings.last?.id == "a-19999")
    }

    @Test("a page file over the size limit is refused by its size")
    func oversizedPage() throws {
        let text = Self.frontMatter + String(repeating: "A line of text.\n", count: 40_000)
        let (report, output) = try SiteTestSupport.buildFixture(content: ["guides/huge.md": text])
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.location.path == "content/guides/huge.md")
        #expect(error.message.contains("more than the \(SiteBuilder.maximumPageFileSize) bytes allowed"))
        #expect(output.files.isEmpty)
    }
}
