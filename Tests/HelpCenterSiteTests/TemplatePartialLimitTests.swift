import Foundation
import HelpCenterDiagnostics
import Testing

@testable import HelpCenterSite

/// Partials that include themselves, or fan out, are refused before any page is rendered,
/// quickly, with the place of the inclusion (found by fuzzing the template checker).
@Suite("Template partial limits")
struct TemplatePartialLimitTests {
    @Test(
        "a partial that includes itself, directly or through another, is an error",
        arguments: [
            (["partials/nav.mustache": "<nav>{{> nav}}</nav>\n"], "nav → nav"),
            (["partials/nav.mustache": "<nav>{{> crumbs}}</nav>\n", "partials/crumbs.mustache": "<p>{{> nav}}</p>\n"], "nav → crumbs → nav"),
        ])
    func selfInclusion(templates: [String: String], chain: String) throws {
        let started = Date()
        let (report, output) = try SiteTestSupport.buildFixture(templates: templates)
        #expect(Date().timeIntervalSince(started) < 2)
        let errors = report.diagnostics.filter { $0.severity == .error && $0.message.contains("includes itself") }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.message.contains("(\(chain))") && $0.location.path.hasPrefix("templates/partials/") })
        #expect(output.files.isEmpty)
    }

    @Test("partials that fan out are refused after a bounded number of expansions")
    func fanOut() throws {
        // nav includes p1 three times, p1 includes p2 three times, … p15: 3^15 ≈ 14 million.
        var templates = ["partials/nav.mustache": "{{> p1}}{{> p1}}{{> p1}}\n"]
        for level in 1..<15 {
            templates["partials/p\(level).mustache"] = String(repeating: "{{> p\(level + 1)}}", count: 3) + "\n"
        }
        templates["partials/p15.mustache"] = "x\n"
        let started = Date()
        let (report, output) = try SiteTestSupport.buildFixture(templates: templates)
        #expect(Date().timeIntervalSince(started) < 2)
        let errors = report.diagnostics.filter { $0.severity == .error && $0.message.contains("more than 10000 times") }
        #expect(!errors.isEmpty)
        #expect(report.diagnostics.count < 50)
        #expect(output.files.isEmpty)
    }
}
