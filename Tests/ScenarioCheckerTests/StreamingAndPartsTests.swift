import Foundation
import HelpCenterDiagnostics
import HelpCenterYAML
import Testing

@testable import BackupPolicy
@testable import ScenarioChecker

/// The speed work must not change a single byte of any report: a large file read in parts
/// reads as the whole file does, and a report written file by file (with parts prepared in
/// parallel) is the report written at once.
@Suite("Streaming reports and large files")
struct StreamingAndPartsTests {
    /// A scenario that passes, and (every `failEvery`) one that fails, with a name that
    /// repeats every `repeatEvery` scenarios.
    static func scenario(_ index: Int, failEvery: Int = 7, repeatEvery: Int = 1_000_000) -> String {
        let expect = index % failEvery == 0 ? "{rejected: set-up-once}" : "done"
        return """
              - name: Scenario \(index % repeatEvery)
                tags: [t\(index % 3)]
                given:
                  email: user\(index)@example.com
                  two_factor: {method: text, phone: "+44 7700 9\(String(format: "%05d", index % 100_000))"}
                when:
                  - set_up_backup: {email: "Backup\(index)+x@Example.org"}
                    expect: \(expect)
                  - open_account_management:
                    expect: {banner: hidden}
                then:
                  backup: {email: backup\(index)@example.org}

            """
    }

    static func suite(_ count: Int, failEvery: Int = 7, repeatEvery: Int = 1_000_000, extra: String = "") -> String {
        "# generated\nscenarios:\n" + (0..<count).map { scenario($0, failEvery: failEvery, repeatEvery: repeatEvery) }.joined() + extra
    }

    static func rendered(_ parsed: ParsedScenarioFile, as format: ReportFormat) -> String {
        let file = ScenarioSuiteChecker().replay(parsed)
        return ReportRenderer().render(CheckReport(files: [file]), as: format)
    }

    static let parser = ScenarioFileParser(path: "large.yaml", limits: ScenarioInputLimits(), parameters: PolicyParameters())

    @Test(
        "a large file read in parts gives the report of the whole file",
        arguments: [
            ("passing and failing scenarios", suite(1_200)),
            ("names repeated across parts", suite(1_200, repeatEvery: 500)),
            ("a YAML error near the end", suite(1_200, extra: "  - name: [broken\n")),
            (
                "cuts inside quoted texts over several lines",
                suite(1_200).replacingOccurrences(of: "- name: Scenario", with: "- name: \"Scenario\n  - continued\"\n    tags: []\n    rules: []\n    x: \"")
            ),
            ("something after the list", suite(1_200, extra: "other: 1\n")),
        ])
    func partsReadAsWhole(label: String, text: String) {
        #expect(text.utf8.count > 2 * ScenarioFileParser.partSize, "\(label): the file must be large enough to be read in parts")
        for format in [ReportFormat.human, .json] {
            let whole = Self.rendered(Self.parser.parse(text, inParts: false), as: format)
            let parts = Self.rendered(Self.parser.parse(text), as: format)
            #expect(whole == parts, "\(label), \(format)")
        }
    }

    @Test("the large files above are in fact read in parts")
    func partsAreUsed() throws {
        let parts = try #require(YAMLListSplitter.split(Self.suite(1_200), key: "scenarios", partSize: ScenarioFileParser.partSize))
        #expect(parts.count > 2)
    }

    @Test("a report written file by file, prepared in parallel, is the report written at once", arguments: ReportFormat.allCases)
    func streamedEqualsWhole(format: ReportFormat) throws {
        let sources =
            (0..<40).map { ScenarioSource(path: "suite/\($0).yaml", text: Self.suite(30, failEvery: 5 + $0 % 3, repeatEvery: 200)) }
            + [ScenarioSource(path: "suite/bad.yaml", text: "scenarios: [oops\n"), ScenarioSource(path: "suite/large.yaml", text: Self.suite(2_500))]
        let audit = SuiteAudit(document: ProjectSuite.document, citations: ProjectSuite.fullCitations)
        let checker = ScenarioSuiteChecker(policy: BackupPolicy(parameters: ProjectSuite.document.wording.parameters))
        let atOnce = ReportRenderer(wording: ProjectSuite.document.wording).render(checker.check(sources, audit: audit), as: format)
        var stream = ReportStream(format: format, wording: ProjectSuite.document.wording)
        var streamed = ""
        stream.start { streamed += $0 }
        let suite = checker.check(
            sources, audit: audit, prepare: { ReportStream.prepare($0, format: format) },
            each: { file, prepared in stream.add(file, prepared: prepared) { streamed += $0 } })
        stream.finish(suite) { streamed += $0 }
        #expect(streamed == atOnce)
        #expect(suite.totals.errors > 0 && suite.totals.files == 42)
    }
}
