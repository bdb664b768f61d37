import Foundation
import Testing

@testable import helpcenter

/// Reading `git cat-file --batch`'s answers (the check's history of a source page).
@Suite struct GitSourceHistoryTests {
    @Test func objectsAreReadInTheOrderAskedWithMissingOnesAsNil() {
        let output = Data(
            ("1111111111111111111111111111111111111111 blob 5\nfirst\n"
                + "abc:./a file.md missing\n"
                + "2222222222222222222222222222222222222222 tree 3\nxyz\n"
                + "3333333333333333333333333333333333333333 blob 0\n\n"
                + "4444444444444444444444444444444444444444 blob 11\nline\nbreaks\n").utf8)
        let objects = GitSourceHistory.objects(in: output)
        #expect(objects.count == 5)
        #expect(objects[0] == Data("first".utf8))
        #expect(objects[1] == nil)
        // A folder at that path is not a page's text.
        #expect(objects[2] == nil)
        #expect(objects[3] == Data())
        #expect(objects[4] == Data("line\nbreaks".utf8))
    }

    @Test func aCutAnswerEndsTheList() {
        let output = Data("1111111111111111111111111111111111111111 blob 50\nshort\n".utf8)
        #expect(GitSourceHistory.objects(in: output).isEmpty)
    }

    @Test func withoutARepositoryThereIsNoHistory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "---\ntitle: A\n---\nText.\n".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let history = GitSourceHistory(contentFolder: folder.path)
        #expect(history.text(of: "a.md", at: "0123456789ab") == nil)
        #expect(history.text(of: "a\nb.md", at: "0123456789ab") == nil)
    }
}
