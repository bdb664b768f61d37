import Foundation
import HelpCenterInputFiles
import Testing

@testable import ScenarioChecker

/// Hostile files give a clear error each, in bounded time and memory, never a crash; the
/// other files of the run are still checked.
@Suite("Hostile input")
struct HostileInputTests {
    static let good = ScenarioSource(
        path: "good.yaml",
        text: """
            scenarios:
              - name: good
                given: {two_factor: {method: app}}
                when:
                  - open_account_management:
                    expect: {banner: shown}
            """)

    /// Checks `hostile` next to a good file and returns the hostile file's findings,
    /// after checking that the good file was still checked and that it all took < 5 s.
    func checkNextToGoodFile(_ hostile: ScenarioSource) throws -> [ScenarioFinding] {
        let started = Date()
        let report = ScenarioSuiteChecker().check([hostile, Self.good])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(report.files.count == 2)
        let good = try #require(report.files.last)
        #expect(good.scenarios.first?.passed == true)
        return report.files[0].findings
    }

    @Test("an alias bomb (billion laughs) stops at the node budget")
    func aliasBomb() throws {
        let findings = try checkNextToGoodFile(Support.fixture("bad-input/alias-bomb.yaml"))
        #expect(findings.contains { $0.severity == .error })
        #expect(findings.count < 50)
    }

    @Test("an alias bomb used as a mapping key is refused before parsing")
    func aliasKeyBomb() throws {
        let findings = try checkNextToGoodFile(Support.fixture("bad-input/alias-key-bomb.yaml"))
        #expect(findings.map(\.message) == ["an alias is used as a mapping key; scenario files use plain keys"])
        #expect(findings.first?.location.line == 10)
    }

    @Test("aliases multiplying scenarios by steps run out of node budget")
    func scenarioStepBomb() throws {
        let steps = Array(repeating: "*s", count: 2_000).joined(separator: ", ")
        let scenarios = Array(repeating: "*c", count: 2_000).joined(separator: ", ")
        let text = """
            step: &s {open_account_management: , expect: {banner: hidden}}
            steps: &w [\(steps)]
            scenario: &c {name: many, when: *w}
            scenarios: [\(scenarios)]
            """
        let findings = try checkNextToGoodFile(ScenarioSource(path: "bomb.yaml", text: text))
        #expect(findings.contains { $0.message.contains("alias bomb") })
    }

    @Test("a 50 MB file is refused by size without being read")
    func hugeFile() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.yaml").path
        let line = Array("# padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data(capacity: 50 * 1024 * 1024 + line.count)
        while data.count < 50 * 1024 * 1024 { data.append(contentsOf: line) }
        try data.write(to: URL(fileURLWithPath: path))
        let source = ScenarioSource.load(path, maximumSize: ScenarioInputLimits().maximumFileSize)
        guard case .unreadable = source.content else {
            Issue.record("a 50 MB file was read")
            return
        }
        let findings = try checkNextToGoodFile(source)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("limited to 8388608 bytes") == true)
    }

    @Test("oversized bytes handed over directly are refused too")
    func oversizedBytes() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 9 * 1024 * 1024)
        let findings = try checkNextToGoodFile(ScenarioSource(path: "big.yaml", content: .bytes(bytes)))
        #expect(findings.first?.message.hasPrefix("the file is 9437184 bytes") == true)
    }

    @Test(
        "10,000-deep nesting is refused before the YAML parser recurses",
        arguments: [
            String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            "scenarios: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
            String(repeating: "- ", count: 10_000) + "x\n",
            (0..<10_000).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined(),
        ])
    func deepNesting(text: String) throws {
        let findings = try checkNextToGoodFile(ScenarioSource(path: "deep.yaml", text: text))
        #expect(findings.count == 1)
        let message = findings.first?.message ?? ""
        #expect(message.contains("nests more than 64 levels deep") || message.contains("limited to"), "\(message)")
    }

    @Test("binary data: a NUL byte is reported with its line, column and offset")
    func binary() throws {
        var bytes = Array("scenarios:\n  - name: a\u{1}".utf8)
        bytes.removeLast()
        bytes += [0x00, 0xFF, 0x13, 0x37]
        let findings = try checkNextToGoodFile(ScenarioSource(path: "binary.yaml", content: .bytes(bytes)))
        #expect(findings.map(\.message) == ["binary data: a NUL byte at byte offset 22; scenario files are UTF-8 text"])
        #expect(findings.first?.location.line == 2)
        #expect(findings.first?.location.column == 12)
    }

    @Test("random binary data gives one clear error")
    func randomBinary() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let findings = try checkNextToGoodFile(ScenarioSource(path: "random.bin.yaml", content: .bytes(bytes)))
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("scenario files are UTF-8 text") == true)
    }

    @Test(
        "invalid UTF-8 is reported at the first bad byte",
        arguments: [
            ([0xC3, 0x28] as [UInt8], 0),  // bad continuation
            ([0xE0, 0x80, 0x80], 0),  // overlong
            ([0xED, 0xA0, 0x80], 0),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            ([0xC3], 0),  // truncated
        ])
    func invalidUTF8(sequence: [UInt8], offset: Int) throws {
        let prefix = Array("scenarios:\n  - name: é".utf8)
        let findings = try checkNextToGoodFile(ScenarioSource(path: "latin1.yaml", content: .bytes(prefix + sequence + Array("\n".utf8))))
        let hex = String(sequence[0], radix: 16, uppercase: true)
        #expect(findings.map(\.message) == ["invalid UTF-8 at byte offset \(prefix.count + offset) (byte 0x\(hex)); scenario files are UTF-8 text"])
        #expect(findings.first?.location.line == 2)
        #expect(findings.first?.location.column == 12)
    }

    @Test("UTF-16 files are named as such")
    func utf16() throws {
        let findings = try checkNextToGoodFile(ScenarioSource(path: "utf16.yaml", content: .bytes([0xFF, 0xFE, 0x73, 0x00])))
        #expect(findings.first?.message.contains("UTF-16") == true)
    }

    @Test("an unreadable file is a finding, not a stop")
    func unreadable() throws {
        let findings = try checkNextToGoodFile(ScenarioSource.load("/nonexistent/scenario.yaml", maximumSize: 1_000))
        #expect(findings.map(\.message) == ["the file can't be read"])
    }

    @Test("too many findings in one file are capped with a count of the rest")
    func findingCap() {
        let steps = (0..<1_500).map { _ in "      - fly:\n" }.joined()
        let report = Support.check("scenarios:\n  - name: a\n    when:\n\(steps)")
        #expect(report.findings.count == 1_001)
        // 1,500 errors and the warning that the steps after the first are not checked.
        #expect(report.findings.contains { $0.message.hasPrefix("501 more findings in this file are not shown") })
        #expect(Self.totals(report).errors == 1_500, "the hidden ones still count")
    }

    /// Past the cap, a failing scenario still fails (it was reported as passed in JSON and
    /// JUnit), an error after a thousand warnings is still shown, and the line about the cap
    /// does not fail a file that has no error.
    static func totals(_ file: FileReport) -> CheckTotals {
        var totals = CheckTotals()
        totals.add(file)
        return totals
    }

    @Test("the cap never hides a failure")
    func findingCapKeepsFailures() {
        let failing = (0..<1_200).map { "  - name: s\($0)\n    when: [{reauthenticate: , expect: rejected}]\n" }.joined()
        let many = Support.check("scenarios:\n" + failing)
        #expect(many.scenarios.count == 1_200)
        #expect(many.scenarios.allSatisfy { !$0.passed })
        #expect(Self.totals(many).failedScenarios == 1_200)
        // Every finding is a failing scenario's first: none is hidden, and nothing says so.
        #expect(!many.findings.contains { $0.message.contains("not shown") })

        let warning = Support.check("scenarios:\n  - name: w\n    when: [{open_account_management: }]\n")
        #expect(warning.findings.map(\.severity) == [.warning], "\(warning.findings)")
        let warnings = (0..<1_001).map { "  - name: w\($0)\n    when: [{open_account_management: }]\n" }.joined()
        let onlyWarnings = Support.check("scenarios:\n" + warnings)
        #expect(!Self.totals(onlyWarnings).hasErrors, "\(Self.totals(onlyWarnings))")
        let withOneError = Support.check("scenarios:\n" + warnings + "  - name: bad\n    when: [{reauthenticate: , expect: rejected}]\n")
        #expect(withOneError.findings.contains { $0.severity == .error && $0.scenario == "bad" })
        #expect(Self.totals(withOneError).failedScenarios == 1)
    }
}

/// Finding the scenario files on disk.
@Suite("Scenario discovery")
struct ScenarioDiscoveryTests {
    /// `check scenarios ./scenarios` checked each file twice, each scenario a duplicate of itself.
    @Test func aFileNamedTwiceIsCheckedOnce() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "scenarios: []\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let files = try ScenarioSource.discover([folder.path, folder.path + "/.", folder.appendingPathComponent("a.yaml").path]).files
        #expect(files == [folder.path + "/a.yaml"])
    }

    /// A link to nothing, named like a scenario file, was skipped with no word.
    @Test func aLinkToNothingIsListedAndReported() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("gone.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/nonexistent/gone.yaml")
        let files = try ScenarioSource.discover([folder.path]).files
        #expect(files == [link])
        let source = ScenarioSource.load(link, maximumSize: 1_000)
        guard case .unreadable(let reason) = source.content else {
            Issue.record("\(source.content)")
            return
        }
        #expect(reason == "it is a symbolic link to /nonexistent/gone.yaml, which does not exist")
    }

    /// Folders the walk could not enter were skipped without a word, and the check passed: a
    /// link to a folder outside the inputs, a link loop, folders nested too deep. A link to a
    /// folder inside the inputs is walked.
    @Test func whatTheWalkCannotEnterIsReported() throws {
        let root = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("scenarios")
        let outside = root.appendingPathComponent("outside")
        for path in [folder.appendingPathComponent("inner"), outside] {
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        }
        try "scenarios: []\n".write(to: folder.appendingPathComponent("inner/b.yaml"), atomically: true, encoding: .utf8)
        try "scenarios: []\n".write(to: outside.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("ext").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("again").path, withDestinationPath: "inner")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("inner/up").path, withDestinationPath: "..")
        var deep = folder
        for _ in 0..<70 { deep = deep.appendingPathComponent("d") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try "scenarios: []\n".write(to: deep.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)

        let found = try ScenarioSource.discover([folder.path])
        // inner/b.yaml through the link `again`: one file, checked once.
        #expect(found.files == [folder.path + "/again/b.yaml"])
        let reasons = Dictionary(
            uniqueKeysWithValues: found.skipped.map { source -> (String, String) in
                guard case .unreadable(let reason) = source.content else { return (source.path, "") }
                return (String(source.path.dropFirst(folder.path.count + 1)), reason)
            })
        #expect(reasons["ext"]?.contains("outside the project's inputs") == true, "\(reasons)")
        // `inner` is walked once, through `again` (first in name order): one loop to report.
        #expect(reasons["again/up"]?.contains("(a loop)") == true, "\(reasons)")
        #expect(reasons["inner/up"] == nil)
        #expect(reasons.contains { $0.key.hasPrefix("d/d/") && $0.value.contains("nested more than 64 deep") }, "\(reasons.keys)")
        // Through the checker, each is an error at its path.
        let report = ScenarioSuiteChecker().check(found.files.map { ScenarioSource.load($0, maximumSize: 1_000) } + found.skipped)
        #expect(report.findings.filter { $0.severity == .error }.count == found.skipped.count, "\(report.findings.map(\.message))")
    }

    /// Folders each holding two links to the next: walked once each, not once per way in
    /// (2^30 ways here).
    @Test func foldersReachedManyWaysAreWalkedOnce() throws {
        let root = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let count = 30
        for index in 0...count {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("f\(index)"), withIntermediateDirectories: true)
        }
        for index in 0..<count {
            for name in ["a", "b"] {
                try FileManager.default.createSymbolicLink(
                    atPath: root.appendingPathComponent("f\(index)/\(name)").path, withDestinationPath: "../f\(index + 1)")
            }
        }
        try "scenarios: []\n".write(to: root.appendingPathComponent("f\(count)/end.yaml"), atomically: true, encoding: .utf8)
        let found = try ScenarioSource.discover([root.appendingPathComponent("f0").path], within: InputBoundary([root.path]))
        #expect(found.files.count == 1)
        #expect(found.files.first?.hasSuffix("/end.yaml") == true)
        #expect(found.skipped.isEmpty)
    }
}
