import BackupPolicy
import HelpCenterConcurrency

/// JUnit XML as GitLab and Jenkins read it: one `testsuite` per file, one `testcase` per
/// scenario (a `failure` for mismatches and forbidden starting states, an `error` for
/// scenario errors), and a `(file)` test case for problems with the file as a whole.
struct JUnitReport: CheckReportWriter {
    /// The `testsuite` elements so far: JUnit puts the totals on the root element, before
    /// them, so they are kept until the end (as text, a few hundred bytes a scenario).
    private var suites = ""
    private var totals = (tests: 0, failures: 0, errors: 0)

    func start(emit: (String) -> Void) {}

    mutating func add(_ file: FileReport, emit: (String) -> Void) {
        add(Self.prepare(file))
    }

    mutating func add(_ file: FileReport, prepared: PreparedReportPart, emit: (String) -> Void) {
        if case .junit(let suite) = prepared.content {
            add(suite)
        } else {
            add(file, emit: emit)
        }
    }

    /// Adds a file's `testsuite`, written beforehand by `prepare`.
    mutating func add(_ suite: Suite) {
        totals = (totals.tests + suite.tests, totals.failures + suite.failures, totals.errors + suite.errors)
        suites += suite.xml
    }

    /// Test cases written by one task when a file has more.
    static let casesPerTask = 512

    /// One file's `testsuite` element and its counts.
    struct Suite: Sendable {
        var xml: String
        var tests: Int
        var failures: Int
        var errors: Int
    }

    /// A file's `testsuite`: a pure function of the file, so the checker's workers can write it.
    static func prepare(_ file: FileReport) -> Suite {
        var cases: [TestCase] = file.scenarios.map { TestCase(name: $0.name, line: $0.location.line, findings: $0.findings) }
        if !file.fileFindings.isEmpty || file.scenarios.isEmpty {
            cases.insert(TestCase(name: "(file)", line: 1, findings: file.fileFindings), at: 0)
        }
        let failures = cases.filter { $0.status == .failure }.count
        let errors = cases.filter { $0.status == .error }.count
        var xml = "  <testsuite name=\(attribute(file.path)) tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n"
        let className = className(file.path)
        if cases.count > Self.casesPerTask {
            // A large file's test cases are written in parallel, in slices.
            let slices = stride(from: 0, to: cases.count, by: Self.casesPerTask).map { cases[$0..<min($0 + Self.casesPerTask, cases.count)] }
            xml += parallelMap(slices) { slice in slice.map { $0.xml(path: file.path, className: className) }.joined() }.joined()
        } else {
            for testCase in cases {
                xml += testCase.xml(path: file.path, className: className)
            }
        }
        xml += "  </testsuite>\n"
        return Suite(xml: xml, tests: cases.count, failures: failures, errors: errors)
    }

    mutating func finish(_ suite: SuiteResult, emit: (String) -> Void) {
        if let policy = policySuite(suite) {
            totals = (totals.tests + policy.tests, totals.failures + policy.failures, totals.errors + policy.errors)
            suites += policy.xml
        }
        emit(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="helpcenter check" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)">

            """ + suites + "</testsuites>\n")
    }

    /// Suite-level findings (coverage, citations, mutants) as a `policy` test suite: one test
    /// case per rule, at its entry in the policy file, and one per article whose citations
    /// name unknown rules.
    private func policySuite(_ report: SuiteResult) -> (xml: String, tests: Int, failures: Int, errors: Int)? {
        guard report.coverage != nil || !report.suiteFindings.isEmpty else { return nil }
        var cases: [(file: String, testCase: TestCase)] = []
        for rule in PolicyRuleID.allCases {
            let location = report.coverage?.coverage(of: rule)?.location ?? report.suiteFindings.first { $0.rule == rule }?.location
            guard let location else { continue }
            let findings = report.suiteFindings.filter { $0.rule == rule }
            cases.append((location.path, TestCase(name: rule.rawValue, line: location.line, findings: findings)))
        }
        let unattached = report.suiteFindings.filter { $0.rule == nil }
        for path in Set(unattached.map(\.location.path)).sorted() {
            let findings = unattached.filter { $0.location.path == path }.sorted()
            cases.append((path, TestCase(name: "(citations)", line: findings.first?.location.line ?? 1, findings: findings)))
        }
        let failures = cases.filter { $0.testCase.status == .failure }.count
        let errors = cases.filter { $0.testCase.status == .error }.count
        let body = cases.map { $0.testCase.xml(path: $0.file, className: "policy") }.joined()
        let xml = "  <testsuite name=\"policy\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\">\n\(body)  </testsuite>\n"
        return (xml, cases.count, failures, errors)
    }

    /// `scenarios/phone.yaml` → `scenarios.phone`.
    static func className(_ path: String) -> String {
        var name = path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return name.split(separator: "/").filter { $0 != "." }.joined(separator: ".")
    }

    struct TestCase: Sendable {
        enum Status { case passed, failure, error }
        let name: String
        let line: Int
        let findings: [ScenarioFinding]
        /// The errors, in the order of their places in the file (worked out once: a status
        /// read per error made a file of many errors quadratic, session 22's review).
        let errors: [ScenarioFinding]
        let status: Status

        init(name: String, line: Int, findings: [ScenarioFinding]) {
            self.name = name
            self.line = line
            self.findings = findings
            errors = findings.filter { $0.severity == .error }.sorted()
            status = errors.isEmpty ? .passed : errors.contains { $0.kind != .scenarioError } ? .failure : .error
        }

        func xml(path: String, className: String) -> String {
            var text = "    <testcase name=\(attribute(name)) classname=\(attribute(className)) file=\(attribute(path)) line=\"\(line)\""
            let warnings = findings.filter { $0.severity != .error }
            if status == .passed && warnings.isEmpty { return text + "/>\n" }
            text += ">\n"
            // The element's type and message are its first error of that kind: a scenario with
            // a scenario error and a mismatch is a failure typed by the mismatch (it was typed
            // `scenario-error`, an error's type: session 22's CI trial).
            if let first = errors.first(where: { status == .error || $0.kind != .scenarioError }) {
                let element = status == .failure ? "failure" : "error"
                let details = errors.map(\.diagnostic.description).joined(separator: "\n")
                text += "      <\(element) message=\(attribute(first.message)) type=\(attribute(first.reportID))>\(escaped(details))</\(element)>\n"
            }
            if !warnings.isEmpty {
                text += "      <system-out>\(escaped(warnings.map(\.diagnostic.description).joined(separator: "\n")))</system-out>\n"
            }
            return text + "    </testcase>\n"
        }
    }
}

/// Text made safe for XML 1.0: markup characters escaped, characters XML forbids dropped.
func escaped(_ text: String, quotes: Bool = false) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"" where quotes: result += "&quot;"
        case "\n" where quotes: result += "&#10;"
        case "\r" where quotes: result += "&#13;"
        case "\t" where quotes: result += "&#9;"
        case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
        default:
            let value = scalar.value
            if value < 0x20 || (0xFFFE...0xFFFF).contains(value) { continue }
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// A quoted XML attribute value.
func attribute(_ text: String) -> String { "\"\(escaped(text, quotes: true))\"" }
