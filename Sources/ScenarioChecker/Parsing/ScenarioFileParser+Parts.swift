import HelpCenterConcurrency
import HelpCenterYAML

/// A large scenario file, read in parts, in parallel.
extension ScenarioFileParser {
    /// Bytes of a large file parsed by one task (see `parseInParts`).
    static let partSize = 128 * 1024

    /// A large file (`scenarios:` and a long list) parsed in parts, in parallel: libyaml
    /// parses each run of whole items on its own (`YAMLListSplitter`), and the items are read
    /// into scenarios part by part. The result is what parsing the whole file gives; when
    /// any part can't be parsed on its own (a problem in the file, or a cut that was not an
    /// item boundary), `nil`, and the caller parses the whole file, which reports the
    /// problem as usual.
    func parseInParts(_ text: String) -> ParsedScenarioFile? {
        guard let parts = YAMLListSplitter.split(text, key: "scenarios", partSize: Self.partSize) else { return nil }
        let results: [[Scenario]?] = parallelMap(parts) { part in
            let utf8 = text.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: part.bytes.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: part.bytes.upperBound)
            let partText = String(Substring(utf8[start..<end]))
            let document: YAMLDocument?
            do throws(YAMLInputProblem) {
                document = try GuardedYAML.parse(partText, limits: limits.yaml, firstLine: part.firstLine, keepingRepeatedKeys: true)
            } catch {
                return nil
            }
            guard let root = document?.root, case .sequence(let items) = root else { return nil }
            var reader = YAMLNodeReader(path: path, nodeBudget: limits.nodeBudget(forFileOf: partText.utf8.count))
            let scenarios = readScenarios(items, reader: &reader)
            // Findings outside any scenario (none are expected from whole items) or a spent
            // budget: let the whole file be read as one, so the report is the usual one.
            guard reader.findings.isEmpty, !reader.exhausted else { return nil }
            return scenarios
        }
        var scenarios: [Scenario] = []
        scenarios.reserveCapacity(results.reduce(0) { $0 + ($1?.count ?? 0) })
        for part in results {
            guard let part else { return nil }
            scenarios += part
        }
        Self.reportDuplicateNames(in: &scenarios)
        return ParsedScenarioFile(path: path, scenarios: scenarios, findings: [])
    }
}
