import Foundation
import HelpCenterYAML
import Testing

/// Every YAML text the program reads goes through `GuardedYAML`: hostile texts are refused
/// with a position, quickly, and ordinary YAML (aliases included) reads as before.
@Suite("Guarded YAML")
struct GuardedYAMLTests {
    /// The 484-byte front matter of the report: seven levels of anchors, each standing for
    /// nine of the level below (9^7 ≈ 4.8 million values once expanded).
    static func aliasBomb(levels: Int = 7, key: String = "tags") -> String {
        var lines = ["title: Bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<levels {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        lines.append("\(key): *a\(levels - 1)")
        return lines.joined(separator: "\n") + "\n"
    }

    static let presets: [YAMLInputLimits] = [.frontMatter, .siteConfiguration, .policyFile, .vocabularyFile, .scenarioFile]

    @Test("an alias bomb is refused at once, whatever the file", arguments: presets)
    func aliasBombRefused(limits: YAMLInputLimits) {
        let text = Self.aliasBomb()
        #expect(text.utf8.count < 600)
        let started = Date()
        #expect {
            _ = try GuardedYAML.compose(text, limits: limits)
        } throws: { error in
            guard let problem = error as? YAMLInputProblem else { return false }
            return problem.message.contains("alias bomb") && problem.message.contains(limits.kind.plural) && problem.line >= 2
        }
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test("ordinary aliases still read")
    func ordinaryAliases() throws {
        let root = try #require(try GuardedYAML.compose("base: &b {x: 1, y: [a, b]}\nother: *b\nlist: [*b, *b]\n", limits: .siteConfiguration))
        guard case .mapping(let mapping) = root else {
            Issue.record("expected a mapping")
            return
        }
        #expect(mapping.count == 3)
        #expect(mapping["list"]?.array().count == 2)
    }

    @Test("nesting beyond the preset's limit is refused before libyaml recurses", arguments: presets)
    func deepNesting(limits: YAMLInputLimits) {
        let text = "key: " + String(repeating: "[", count: 20_000) + "\n"
        #expect {
            _ = try GuardedYAML.compose(text, limits: limits)
        } throws: { error in
            guard let problem = error as? YAMLInputProblem else { return false }
            return problem.message.contains("nests more than \(limits.maximumNesting) levels") && problem.line == 1
        }
    }

    @Test("a text over the size limit is refused by size")
    func oversized() {
        let text = "description: " + String(repeating: "x", count: 70_000) + "\n"
        #expect {
            _ = try GuardedYAML.compose(text, limits: .frontMatter)
        } throws: { error in
            (error as? YAMLInputProblem)?.message.contains("limited to 65536 bytes") == true
        }
    }

    @Test(
        "bytes that are not UTF-8 text are refused with their position",
        arguments: [
            ([UInt8]("a: 1\nb: x\u{0}y\n".utf8), 2, 5, "NUL byte"),
            ([UInt8]("a: 1\nb: é".utf8.dropLast()), 2, 4, "invalid UTF-8"),
            ([0xFF, 0xFE, 0x61, 0x00], 1, 1, "UTF-16"),
        ])
    func notText(bytes: [UInt8], line: Int, column: Int, message: String) {
        #expect {
            _ = try GuardedYAML.compose(bytes: bytes, limits: .policyFile)
        } throws: { error in
            guard let problem = error as? YAMLInputProblem else { return false }
            return problem.line == line && problem.column == column && problem.message.contains(message)
        }
    }

    @Test("the parser's own errors keep their position and say what is wrong")
    func syntaxError() {
        #expect {
            _ = try GuardedYAML.compose("title: ok\ntags: [a, b\nnext: 1\n", limits: .frontMatter)
        } throws: { error in
            guard let problem = error as? YAMLInputProblem else { return false }
            return problem.message.hasPrefix("invalid YAML: ") && problem.line >= 2
        }
    }

    @Test("an error at the end of a text without a final line break stays on its last line")
    func errorAtTheEnd() {
        let text = "scenarios:\n  - name: x\n    given: {a: b"
        #expect {
            _ = try GuardedYAML.compose(text, limits: .scenarioFile)
        } throws: { error in
            guard let problem = error as? YAMLInputProblem else { return false }
            return problem.line == 3 && problem.column <= 18
        }
    }
}

/// The commonest slips in front matter, reported where the writer made them: a quote left
/// open was reported at the end of the text, or at a later line it swallowed, in libyaml's
/// words ("found unexpected end of stream (while scanning a quoted scalar)").
@Suite("YAML errors in a writer's words")
struct YAMLErrorReadingTests {
    static let cases: [(text: String, line: Int, column: Int, message: String)] = [
        (
            "title: \"Unclosed\ndescription: Some text.\nupdated: 2026-11-01\n", 1, 8,
            "this quoted value is never closed: the text ends before its closing quote"
        ),
        ("title: 'Unclosed\ndescription: Some text.\n", 1, 8, "this quoted value is never closed"),
        ("title: \"Unclosed\ndescription: \"Some text.\"\nupdated: 2026-11-01\n", 1, 8, "this quoted value is not closed on its line, so it runs on"),
        ("tags:\n  - \"one\n  - two: \"x\" y\n", 2, 5, "this quoted value is not closed on its line"),
        (
            "title: Fine\ndescription: Note: read this\n", 2, 18,
            "a value holds ': ', which YAML reads as the start of another key; put the whole value in quotes"
        ),
        // A quoted value over two lines, closed before the error, is not blamed for it; nor are
        // quotes inside a block scalar, which are text.
        ("title: \"Reset your\n  password\"\ndescription: Note: this\n", 3, 18, "a value holds ': '"),
        ("body: |\n  \"Quote starts here\n  note: 'x\ndescription: Note: this\n", 4, 18, "a value holds ': '"),
        ("title: \"One\"\nlist:\n  - 'a\n    b'\n  - \"open\nnext: x\nbad: [\n", 5, 5, "this quoted value is never closed"),
        // A key without its colon is reported at its own line, with the line as it should be
        // (libyaml's error was a line later, or blamed the next line's ': '; session 24's
        // writer trial); a list or map left open at its bracket.
        (
            "title: T\nauthor Test Writer\norder: 7\n", 2, 7,
            "this line has no ':' after its key 'author', so YAML can't read it as a key and a value; write it 'author: Test Writer'"
        ),
        ("title Change your email\ndescription: Lead.\n", 1, 6, "write it 'title: Change your email'"),
        ("title: T\ntags: [a, b\nupdated: 2026-12-01\n", 2, 7, "this list is not closed on its line; add ']' at its end"),
        ("title: T\nmeta: {a: 1\nupdated: 2026-12-01\n", 2, 7, "this map is not closed on its line"),
        // A value continued on an indented line is not a missing colon, nor is the middle line
        // of one wrapped over three (the review of session 24).
        ("title: T\ndescription: Long\n  text: more\n", 3, 7, "a value holds ': '"),
        ("title: T\ndescription: A long one\n  that wraps here\n  and says Note: this\n", 4, 16, "a value holds ': '"),
        // A key alone before the next one.
        ("title: T\nauthor\norder: 7\n", 2, 7, "this line has no ':' after its key 'author', so YAML can't read it as a key and a value; write it 'author:'"),
    ]

    @Test(arguments: 0..<cases.count)
    func eachReaderPlacesTheSlipWhereItWasMade(index: Int) {
        let expected = Self.cases[index]
        for read in [
            { (text: String) throws in _ = try GuardedYAML.compose(text, limits: .frontMatter) },
            { (text: String) throws in _ = try GuardedYAML.parse(text, limits: .scenarioFile) },
        ] {
            do {
                try read(expected.text)
                Issue.record("no error for \(expected.text)")
            } catch let problem as YAMLInputProblem {
                #expect(problem.line == expected.line && problem.column == expected.column, "\(problem)")
                #expect(problem.message.contains(expected.message), "\(problem)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// Other errors keep libyaml's place: a bad escape is inside the quotes, and quotes closed
    /// on their lines (an apostrophe in a plain value, '' in a single-quoted one) explain nothing.
    @Test func otherErrorsKeepTheirPlace() {
        for (text, line, column) in [("title: \"Bad \\q escape\"\n", 1, 13), ("title: It's 'fine' ''\nx: 'a''b'\n  bad: [\n", 3, 3)] {
            do throws(YAMLInputProblem) {
                _ = try GuardedYAML.compose(text, limits: .frontMatter)
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.line == line && error.column == column, "\(error)")
                #expect(!error.message.contains("quoted value"), "\(error)")
            }
        }
    }
}
