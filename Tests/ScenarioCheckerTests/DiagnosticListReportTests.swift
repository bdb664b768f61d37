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
    }

    @Test func humanAndGitHubFormatsNameTheLocation() {
        #expect(Self.render(.human).hasPrefix("content/a.fr.md:5:17: error: "))
        #expect(Self.render(.human).hasSuffix("fr outdated: 1, fr missing: 1\n"))
        #expect(Self.render(.github).hasPrefix("::error file=content/a.fr.md,line=5,col=17,title=translation-outdated::"))
        #expect(Self.render(.github).contains("::notice file=content/b.md,line=1,col=1,title=translation-missing::"))
    }
}
