import Foundation
import HelpCenterDiagnostics

@testable import BackupPolicy
@testable import ScenarioChecker

/// Fixture files and one-call checks shared by the checker tests.
enum Support {
    static var fixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The project's root folder (for the real policy file and scenario suite).
    static var projectRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ name: String) -> ScenarioSource {
        let url = fixtures.appendingPathComponent(name)
        let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
        return ScenarioSource(path: name, content: .bytes(bytes))
    }

    static func check(_ text: String, path: String = "test.yaml", filter: ScenarioFilter = ScenarioFilter()) -> FileReport {
        ScenarioSuiteChecker(filter: filter).check(ScenarioSource(path: path, text: text))
    }

    static func check(fixture name: String) -> FileReport {
        ScenarioSuiteChecker().check(fixture(name))
    }

    /// A temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("checker-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension FileReport {
    var errors: [ScenarioFinding] { findings.filter { $0.severity == .error } }

    func scenario(_ name: String) -> ScenarioReport? { scenarios.first { $0.name == name } }
}
