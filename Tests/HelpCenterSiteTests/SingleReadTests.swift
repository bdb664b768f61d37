import Foundation
import Synchronization
import Testing

@testable import HelpCenterSite

/// A build reads and decodes each page file once (issue 13): the first pass keeps the bodies
/// it does not render for the second.
@Suite("Reading each page once")
struct SingleReadTests {
    /// The fixture's content, counting how often each file is read.
    private final class CountingTree: SiteFileTree {
        let files: InMemoryFileTree
        let reads = Mutex<[String: Int]>([:])

        init(_ files: InMemoryFileTree) { self.files = files }

        func listFiles() throws -> [String] { try files.listFiles() }
        func displayPath(_ path: String) -> String { files.displayPath(path) }
        func read(_ path: String) throws -> Data {
            reads.withLock { $0[path, default: 0] += 1 }
            return try files.read(path)
        }
        func read(_ path: String, maximumSize: Int) throws -> Data {
            reads.withLock { $0[path, default: 0] += 1 }
            return try files.read(path, maximumSize: maximumSize)
        }
    }

    @Test func everyMarkdownFileIsReadOnce() throws {
        let fixture = SiteTestSupport.fixtureTree("content")
        var data: [String: Data] = [:]
        for path in try fixture.listFiles() { data[path] = try fixture.read(path) }
        // One article with a description (its body waits for the second pass) and one without.
        data["guides/described.md"] = Data("---\ntitle: Described\ndescription: Short.\n---\nBody text.\n".utf8)
        data["guides/plain.md"] = Data("---\ntitle: Plain\n---\nFirst paragraph.\n".utf8)
        let content = CountingTree(InMemoryFileTree(data: data, displayPrefix: "content/"))
        let builder = SiteBuilder(
            configuration: SiteTestSupport.fixtureConfiguration, content: content, templates: SiteTestSupport.fixtureTree("templates"))
        let output = InMemorySiteOutput()
        let report = try builder.build(into: output)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(output.text("guides/described/index.html")?.contains("Body text.") == true)
        let reads = content.reads.withLock { $0 }
        let markdown = data.keys.filter { $0.hasSuffix(".md") }.sorted()
        #expect(markdown.count > 3)
        for path in markdown {
            #expect(reads[path] == 1, "\(path) was read \(reads[path] ?? 0) times")
        }
    }
}
