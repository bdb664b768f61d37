import Foundation
import HelpCenterYAML
import Testing

/// The flat document built from libyaml's events: what readers see, and what it refuses.
@Suite("YAML document (event stream)")
struct YAMLDocumentTests {
    static func parse(_ text: String, firstLine: Int = 1) throws -> YAMLDocument? {
        try GuardedYAML.parse(text, limits: .scenarioFile, firstLine: firstLine)
    }

    @Test("values, styles and positions are those of the text")
    func valuesAndPositions() throws {
        let text = "scenarios:\n  - name: 'quoted'\n    tags: [a, b]\n    empty:\n"
        let root = try #require(try Self.parse(text)?.root)
        guard case .mapping(let top) = root, case .sequence(let list)? = top["scenarios"], case .mapping(let item) = list[0] else {
            Issue.record("unexpected shape")
            return
        }
        guard case .scalar(let name)? = item["name"] else {
            Issue.record("no name")
            return
        }
        #expect(name.string == "quoted")
        #expect(name.style == .singleQuoted)
        #expect(name.mark == YAMLMark(line: 2, column: 11))
        #expect(item["empty"]?.isNull == true)
        #expect(item["name"]?.isNull == false)
        guard case .sequence(let tags)? = item["tags"] else {
            Issue.record("no tags")
            return
        }
        #expect(tags.count == 2)
        #expect(item.map(\.key).compactMap { if case .scalar(let key) = $0 { key.string } else { nil } } == ["name", "tags", "empty"])
    }

    @Test("an alias reads as the value it names, shared")
    func aliases() throws {
        let root = try #require(try Self.parse("base: &b {phone: '1'}\ncopy: *b\n")?.root)
        guard case .mapping(let top) = root, case .mapping(let copy)? = top["copy"], case .scalar(let phone)? = copy["phone"] else {
            Issue.record("the alias did not read as a map")
            return
        }
        #expect(phone.string == "1")
        #expect(copy.mark.line == 1)
    }

    @Test(
        "problems are refused at their line",
        arguments: [
            ("a: 1\na: 2\n", "the key 'a' appears more than once", 2),
            ("a: *nowhere\n", "undefined alias", 1),
            ("a: 1\n---\nb: 2\n", "expected one document", 2),
            // Reported at its bracket (libyaml: the line after).
            ("a: [1, 2\n", "this list is not closed on its line", 1),
            // A closed map with another error inside is not called unclosed.
            ("a: {b: 1,\n  c: \"x\" y}\n", "did not find expected ',' or '}'", 2),
        ])
    func refused(text: String, message: String, line: Int) {
        #expect {
            _ = try Self.parse(text)
        } throws: { error in
            guard let problem = error as? YAMLInputProblem else { return false }
            return problem.message.contains(message) && problem.line == line
        }
    }

    @Test("a part of a file reports the file's lines")
    func firstLine() throws {
        let root = try #require(try Self.parse("- name: x\n", firstLine: 40)?.root)
        #expect(root.mark.line == 40)
        #expect {
            _ = try Self.parse("- a: 1\n  a: 2\n", firstLine: 40)
        } throws: { ($0 as? YAMLInputProblem)?.line == 41 }
    }

    @Test("an alias bomb is refused while the tree is built, quickly")
    func aliasBomb() {
        let started = Date()
        #expect(throws: YAMLInputProblem.self) { _ = try Self.parse(GuardedYAMLTests.aliasBomb(levels: 9)) }
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test("an empty text holds no document")
    func empty() throws {
        #expect(try Self.parse("") == nil)
        #expect(try Self.parse("# only a comment\n") == nil)
    }
}

/// The cuts proposed for parsing a large file in parts.
@Suite("YAML list splitter")
struct YAMLListSplitterTests {
    @Test("cuts fall at items of the top-level list, each part at least the size asked")
    func cuts() throws {
        let items = (0..<10).map { "  - name: s\($0)\n    when:\n      - reauthenticate:\n" }
        let text = "# head\nscenarios:\n" + items.joined()
        let parts = try #require(YAMLListSplitter.split(text, key: "scenarios", partSize: 100))
        #expect(parts.count > 1)
        let utf8 = Array(text.utf8)
        for part in parts {
            let partText = String(decoding: utf8[part.bytes], as: UTF8.self)
            #expect(partText.hasPrefix("  - name: s"))
            let line = text.utf8.prefix(part.bytes.lowerBound).filter { $0 == UInt8(ascii: "\n") }.count + 1
            #expect(part.firstLine == line)
        }
        #expect(parts.last?.bytes.upperBound == utf8.count)
        #expect(parts.first?.bytes.lowerBound == "# head\nscenarios:\n".utf8.count)
    }

    @Test(
        "anything but a key and its list gives no cuts",
        arguments: [
            "scenarios:\n  - a\n  - b\nother: 1\n",
            "other: 1\nscenarios:\n  - a\n  - b\n",
            "---\nscenarios:\n  - a\n  - b\n",
            "scenarios:\n\t- a\n\t- b\n",
            "scenarios:\n  - a\n",
            "scenarios:\n  - a\n x\n  - b\n",
        ])
    func noCuts(text: String) {
        #expect(YAMLListSplitter.split(text, key: "scenarios", partSize: 1) == nil)
    }
}
