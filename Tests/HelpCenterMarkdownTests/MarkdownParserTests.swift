import Dispatch
import Testing

@testable import HelpCenterMarkdown

@Suite("libcmark-gfm bridge")
struct MarkdownParserTests {
    @Test func copiesTheTreeWithPositions() throws {
        let document = try MarkdownParser.parse("# Title\n\nSome *text* and [a link](x.md \"T\").\n")
        #expect(document.kind == .document)
        #expect(document.children.count == 2)
        #expect(document.children[0].kind == .heading(level: 1))
        let paragraph = document.children[1]
        #expect(paragraph.line == 3)
        let link = paragraph.children.first { if case .link = $0.kind { return true } else { return false } }
        #expect(link?.kind == .link(destination: "x.md", title: "T"))
        #expect(link?.line == 3)
        #expect(link?.column == 17)
        #expect(link?.plainText == "a link")
    }

    @Test func readsGFMExtensionNodes() throws {
        let document = try MarkdownParser.parse("| a | b |\n|:--|:-:|\n| 1 | 2 |\n\n- [x] done\n\n~~gone~~\n")
        #expect(document.children[0].kind == .table(alignments: [.left, .center]))
        #expect(document.children[0].children.first?.kind == .tableRow(isHeader: true))
        #expect(document.children[1].children.first?.kind == .item(task: true))
        #expect(document.children[2].children.first?.kind == .strikethrough)
    }

    /// libcmark-gfm keeps the extensions' special characters (`~` for strikethrough) in one
    /// table for the whole process and takes them out at the end of every parse, so parses on
    /// several threads must not overlap there (they did: one article in ten lost its `<del>`).
    @Test func parsesOnManyThreadsAlike() throws {
        let paragraph = String(repeating: "Plain words with *emphasis* and `code`, then more plain words. ", count: 20)
        let markdown = (0..<12).map { "\(paragraph)\n\n~~old~~ new, see www.example.com/\($0)\n" }.joined(separator: "\n")
        let expected = try MarkdownParser.renderStrictHTML(markdown, options: .site)
        let results = Results(count: 400)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            results.set(index, (try? MarkdownParser.renderStrictHTML(markdown, options: .site)) == expected)
        }
        #expect(expected.ranges(of: "<del>").count == 12)
        #expect(results.mismatches == 0)
    }

    /// Texts, code spans and inline HTML keep their text as bytes; `kind` still tells it as a
    /// string, and a node made by hand from the same kinds is equal to the parsed one.
    @Test func literalsAreKeptAsBytes() throws {
        let paragraph = try MarkdownParser.parse("Plain *and* `code` <b>x</b>\n", options: MarkdownOptions(unsafe: true)).children[0]
        #expect(paragraph.children.map(\.literal) == [.text, nil, .text, .code, .text, .htmlInline, .text, .htmlInline])
        #expect(
            paragraph.children.map(\.kind) == [
                .text("Plain "), .emphasis, .text(" "), .code("code"), .text(" "), .htmlInline("<b>"), .text("x"), .htmlInline("</b>"),
            ])
        var bytes: [UInt8] = []
        bytes = Array(paragraph.children[3].literalBytes)
        #expect(bytes == Array("code".utf8))
        #expect(paragraph.children[1].literalBytes.isEmpty)
        #expect(paragraph.plainText == "Plain and code x")
        let byHand = MarkdownNode(
            .paragraph,
            children: paragraph.children.map { child in
                MarkdownNode(child.kind, children: Array(child.children), line: child.line, column: child.column)
            }, line: paragraph.line, column: paragraph.column)
        #expect(byHand == paragraph)
        #expect(byHand.children[0].literal == .text)
    }

    /// Every node's kind and position, depth first: two trees are the same when this is.
    private func outline(_ node: MarkdownNode) -> String {
        "\(node.kind)@\(node.line):\(node.column)[" + node.children.map(outline).joined(separator: ",") + "]"
    }

    /// The tree is copied out of libcmark-gfm's memory (a per-thread arena) before it goes:
    /// a document much larger than the arena's 64 KB blocks, with a text node longer than
    /// the largest allocation kept in a block, comes out whole, on many threads at once.
    @Test func largeDocumentsParseWholeOnManyThreads() throws {
        let long = String(repeating: "word ", count: 8_000)
        let paragraphs = (0..<1_500).map { "Paragraph \($0) with *emphasis*, a [link](p\($0).md) and ~~old~~ text." }
        let markdown = paragraphs.joined(separator: "\n\n") + "\n\n" + long + "\n"
        let document = try MarkdownParser.parse(markdown)
        #expect(document.children.count == 1_501)
        #expect(document.children[1_000].plainText == "Paragraph 1000 with emphasis, a link and old text.")
        #expect(document.children[1_500].plainText == String(long.dropLast()))
        let expected = outline(document)
        let results = Results(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results.set(index, (try? MarkdownParser.parse(markdown)).map(outline) == expected)
        }
        #expect(results.mismatches == 0)
    }

    /// `HELPCENTER_PARSE_ARENA=off` (the fuzzers' second run) parses with the system allocator:
    /// the tree is the same as the arena's, for a document that fills several of the arena's
    /// blocks and grows buffers past a block's largest allocation.
    @Test func theArenaAndTheSystemAllocatorGiveTheSameTree() throws {
        let long = String(repeating: "wörd ", count: 6_000)
        let paragraphs = (0..<800).map { "Paragraph \($0) with *emphasis*, `code`, a [link](p\($0).md) and ~~old~~ text." }
        let table = "| a | b |\n| :- | -: |\n" + String(repeating: "| x | y |\n", count: 300)
        let markdown = paragraphs.joined(separator: "\n\n") + "\n\n" + table + "\n" + long + "\n"
        let inArena = try MarkdownParser.parse(markdown, arena: true)
        let withMalloc = try MarkdownParser.parse(markdown, arena: false)
        #expect(inArena.children.count == 802)
        #expect(inArena.children[801].plainText == String(long.dropLast()))
        #expect(outline(inArena) == outline(withMalloc))
    }

    /// With Debian's libcmark-gfm, the special-character table is filled once and parses
    /// finish side by side (`SpecialCharacters`); the threaded tests above check the output.
    @Test func parsesFinishSideBySideWithThisLibrary() throws {
        _ = try MarkdownParser.parse("~~x~~\n")
        #expect(MarkdownParser.finishesSideBySide)
    }

    @Test(arguments: [
        ("Hello *world*\n", "<p>Hello <em>world</em></p>\n"),
        ("~~x~~\n", "<p><del>x</del></p>\n"),
        ("<script>x</script>\n", "&lt;script>x&lt;/script>\n"),
        ("- [ ] a\n", "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> a</li>\n</ul>\n"),
        ("www.example.com\n", "<p><a href=\"http://www.example.com\">www.example.com</a></p>\n"),
    ])
    func strictModeIsLibcmarkGFMsOwnOutput(_ markdown: String, _ html: String) throws {
        #expect(try MarkdownParser.renderStrictHTML(markdown, options: MarkdownOptions(unsafe: true)) == html)
    }

    @Test func strictModeWithoutUnsafeOmitsRawHTML() throws {
        #expect(try MarkdownParser.renderStrictHTML("<div>x</div>\n", options: MarkdownOptions()) == "<!-- raw HTML omitted -->\n")
    }

    @Test func invalidUTF8IsRepaired() throws {
        let text = String(decoding: [0x61, 0xFF, 0x62, 0x0A], as: UTF8.self)
        #expect(try MarkdownParser.renderStrictHTML(text, options: MarkdownOptions()) == "<p>a\u{FFFD}b</p>\n")
    }

    /// Plain text gets the body's punctuation and nothing else of Markdown.
    @Test(arguments: [
        ("You can't add one", "You can’t add one"),
        ("\"Quoted\" -- it's done...", "“Quoted” – it’s done…"),
        ("1. *not* a list, # not a heading, <b>, [x](y), a_b_c, &amp; `code`", "1. *not* a list, # not a heading, <b>, [x](y), a_b_c, &amp; `code`"),
        ("- not a bullet\n> nor a quote", "- not a bullet > nor a quote"),
        ("Jane+2FA@Example.com, www.example.com", "Jane+2FA@Example.com, www.example.com"),
        ("No quotes at all", "No quotes at all"),
        (
            "See www.example.com/help, run --drafts; a -- b; https://example.com/a--b or o'brien--jane@example.org.",
            "See www.example.com/help, run --drafts; a – b; https://example.com/a--b or o'brien--jane@example.org."
        ),
    ])
    func plainTextGetsSmartPunctuationOnly(text: String, typeset: String) {
        #expect(MarkdownParser.smartPunctuation(text) == typeset)
    }
}

/// Per-iteration outcomes written from many threads (each slot by one iteration).
private final class Results: @unchecked Sendable {
    private var slots: [Bool]
    init(count: Int) { slots = Array(repeating: false, count: count) }
    func set(_ index: Int, _ value: Bool) { slots.withUnsafeMutableBufferPointer { $0[index] = value } }
    var mismatches: Int { slots.filter { !$0 }.count }
}
