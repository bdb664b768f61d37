import Foundation
import HelpCenterMarkdown
import Testing

/// Documents over `MarkdownLimits` are refused with a position, quickly and without a crash;
/// documents just under them parse.
@Suite("Markdown limits")
struct MarkdownLimitsTests {
    static func refusal(_ markdown: String, limits: MarkdownLimits = .standard) -> MarkdownLimitExceeded? {
        do {
            _ = try MarkdownParser.parse(markdown, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "deep nesting is refused at the first level past the limit, without recursion",
        arguments: [
            ("quote", String(repeating: ">", count: 42_000) + " x\n"),
            ("list", String(repeating: "- ", count: 12_000) + "x\n"),
            ("ordered list", String(repeating: "1. ", count: 6_000) + "x\n"),
            ("list without a blank", "- " + String(repeating: "- ", count: 300) + "x\n"),
            ("emphasis", String(repeating: "*a ", count: 200) + "x" + String(repeating: "*", count: 200) + "\n"),
            ("image", String(repeating: "![", count: 300) + "x" + String(repeating: "](y)", count: 300) + "\n"),
        ])
    func deepNesting(name: String, markdown: String) throws {
        let started = Date()
        let problem = try #require(Self.refusal(markdown), "\(name) was not refused")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(problem.message.contains("nests more than 100 levels"))
        #expect(problem.line == 1)
        #expect(problem.column > 1)
    }

    @Test("nesting up to the limit parses")
    func nestingUpToTheLimit() throws {
        // Document → 99 block quotes → paragraph: the text sits at level 101, so 98 quotes.
        let document = try MarkdownParser.parse(String(repeating: ">", count: 98) + " x\n")
        var node = document
        var depth = 0
        while let child = node.children.first {
            node = child
            depth += 1
        }
        #expect(depth == 100)
        #expect(Self.refusal(String(repeating: ">", count: 99) + " x\n") != nil)
    }

    @Test("a table wider than the limit is refused at its delimiter row")
    func wideTable() throws {
        let markdown = "Intro\n\n" + String(repeating: "| a ", count: 5_000) + "|\n" + String(repeating: "|---", count: 5_000) + "|\n"
        let started = Date()
        let problem = try #require(Self.refusal(markdown))
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(problem.line == 4)
        #expect(problem.message.contains("5000 columns"))
    }

    @Test("a wide header over many short rows is refused before the cells are made")
    func amplifiedTable() throws {
        let markdown =
            String(repeating: "|a", count: 200) + "|\n" + String(repeating: "|-", count: 200) + "|\n"
            + String(repeating: "x\n", count: 2_000)
        let problem = try #require(Self.refusal(markdown))
        #expect(problem.message.contains("100000 cells"))
        #expect(problem.line > 400 && problem.line < 600)
    }

    @Test("ordinary tables and thematic breaks pass")
    func ordinaryTables() throws {
        let table = "| Method | Where |\n|:--|--:|\n" + String(repeating: "| text | phone |\n", count: 500)
        let prose = String(repeating: "A paragraph of text.\n\n---\n\n", count: 2_000)
        _ = try MarkdownParser.parse(table + "\n" + prose)
    }

    @Test("a file over the size limit is refused by size")
    func oversized() throws {
        let problem = try #require(Self.refusal(String(repeating: "word ", count: 110_000)))
        #expect(problem.message.contains("limited to 524288 bytes"))
        #expect(problem.line == 1 && problem.column == 1)
    }

    @Test(
        "the strict renderer applies the checks made before parsing too",
        arguments: [
            String(repeating: "|-", count: 1_000) + "|\n",
            String(repeating: "- ", count: 500_000) + "x\n",
            String(repeating: "word ", count: 110_000),
        ])
    func strictModeLimits(markdown: String) {
        let started = Date()
        #expect(throws: MarkdownLimitExceeded.self) {
            _ = try MarkdownParser.renderStrictHTML(markdown, options: MarkdownOptions())
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test("a line of thematic-break characters opens no containers")
    func thematicBreaks() throws {
        let document = try MarkdownParser.parse(String(repeating: "- ", count: 300) + "\n\n" + String(repeating: "* ", count: 300) + "\n")
        #expect(document.children.count == 2)
        #expect(document.children.allSatisfy { $0.kind == .thematicBreak })
    }

    @Test(
        "columns count Unicode scalars, not bytes",
        arguments: [
            ("Café → [link](x.md)\n", 8),
            ("日本語の[リンク](x.md)\n", 5),
            ("plain [link](x.md)\n", 7),
        ])
    func columnsCountScalars(markdown: String, column: Int) throws {
        let paragraph = try MarkdownParser.parse(markdown).children[0]
        let link = try #require(paragraph.children.first { if case .link = $0.kind { true } else { false } })
        #expect(link.column == column)
    }
}
