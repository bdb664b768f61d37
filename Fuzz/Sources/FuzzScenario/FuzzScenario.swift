import FuzzSupport
import HelpCenterDiagnostics
import ScenarioChecker

/// Scenario files as `helpcenter check` reads them: the decoder's guards (size, binary, UTF-8,
/// YAML structure and alias expansion), the parser, and the replay of every scenario through
/// the policy.
///
/// Checks besides "no crash": every finding points at a line of the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let path = "scenarios/fuzz.yaml"
    let report = ScenarioSuiteChecker().check(ScenarioSource(path: path, content: .bytes(input.bytes)))
    let findings = report.fileFindings + report.scenarios.flatMap(\.findings)
    DiagnosticLocationCheck.check(findings.map(\.diagnostic), in: input.text, path: path)
    return 0
}
