import Foundation
import FoundationXML
import HelpCenterDiagnostics
import Testing

@testable import ScenarioChecker

/// `helpcenter check --translations` writes its findings in every report format the checker has.
@Suite("Diagnostic list reports")
struct DiagnosticListReportTests {
    static let findings: [Diagnostic] = [
        .error(
            "content/a.md changed after the version this fr-FR translation names; changed sections: 'Steps'",
            at: SourceLocation(path: "content/a.fr.md", line: 5, column: 17), id: "translation-outdated"),
        Diagnostic(.note, "no fr-FR translation (fr) of \"b\" <b>", at: SourceLocation(path: "content/b.md"), id: "translation-missing"),
    ]

    static func render(_ format: ReportFormat) -> String {
        DiagnosticListReport.render(findings, format: format, tool: "helpcenter check --translations", summary: [("fr outdated", 1), ("fr missing", 1)])
    }

    @Test(arguments: [ReportFormat.json, .sarif, .gitlab])
    func jsonFormatsParseAndKeepEachFinding(format: ReportFormat) throws {
        let text = Self.render(format)
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(text.contains("translation-outdated") && text.contains("translation-missing"))
        #expect(text.contains("content/a.fr.md"))
        if format == .json {
            let summary = (value as? [String: Any])?["summary"] as? [String: Int]
            #expect(summary?["fr outdated"] == 1)
        }
    }

    @Test func junitIsWellFormedWithAFailureAndASkip() throws {
        let text = Self.render(.junit)
        _ = try XMLDocument(data: Data(text.utf8))
        #expect(text.contains("tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\""))
        #expect(text.contains("&lt;b&gt;") && text.contains("&quot;b&quot;"))
        // Names leave the line out (a test's history survives an edit above it).
        #expect(text.contains("name=\"content/a.fr.md: translation-outdated\" file=\"content/a.fr.md\" line=\"5\""))
    }

    /// A warning is not a failed test (the job exits 0), and a report with no finding still
    /// has a test case (Jenkins refuses one with none).
    @Test func junitWarningsPassAndAnEmptyReportHasACase() throws {
        let warning = Diagnostic(.warning, "no translation_of", at: SourceLocation(path: "content/c.fr.md", line: 2), id: "translation-unversioned")
        let text = DiagnosticListReport.render([warning], format: .junit, tool: "t", summary: [])
        _ = try XMLDocument(data: Data(text.utf8))
        #expect(text.contains("failures=\"0\"") && text.contains("<system-out>content/c.fr.md:2:1: warning: no translation_of"))
        let empty = DiagnosticListReport.render([], format: .junit, tool: "t", summary: [])
        _ = try XMLDocument(data: Data(empty.utf8))
        #expect(empty.contains("tests=\"1\"") && empty.contains("<testcase classname=\"t\" name=\"no findings\"/>"))
    }

    @Test func humanAndGitHubFormatsNameTheLocation() {
        #expect(Self.render(.human).hasPrefix("content/a.fr.md:5:17: error: "))
        #expect(Self.render(.human).hasSuffix("fr outdated: 1, fr missing: 1\n"))
        #expect(Self.render(.github).hasPrefix("::error file=content/a.fr.md,line=5,col=17,title=translation-outdated::"))
        #expect(Self.render(.github).contains("::notice file=content/b.md,line=1,col=1,title=translation-missing::"))
    }
}
