import Foundation
import HelpCenterCalendar
import HelpCenterInputFiles
import HelpCenterSite
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
        #expect(history.text(of: "a.md", at: "0123456789ab") == .unknown)
        #expect(history.text(of: "a\nb.md", at: "0123456789ab") == .unknown)
    }

    /// The date names every version under it; the oldest is the one compared.
    @Test func aDateNamesTheOldestVersionUnderIt() throws {
        func page(_ updated: String?, _ body: String) -> String {
            "---\ntitle: A\n" + (updated.map { "updated: \($0)\n" } ?? "") + "---\n" + body
        }
        let date = try #require(CalendarDate(parsing: "2026-12-05"))
        let newestFirst: [String?] = [
            page("2026-12-10", "Bumped."), page("2026-12-05", "Edited."), nil, page("2026-12-05", "First."), page("2026-12-01", "Older."),
        ]
        #expect(GitSourceHistory.oldestVersion(dated: date, newestFirst: newestFirst) == page("2026-12-05", "First."))
        // A version without a date ends the run: what follows can't be said to share it.
        #expect(GitSourceHistory.oldestVersion(dated: date, newestFirst: [page("2026-12-03", "B."), page(nil, "A.")]) == page("2026-12-03", "B."))
        #expect(GitSourceHistory.oldestVersion(dated: date, newestFirst: [page("2026-12-06", "Later.")]) == nil)
    }

    /// Session 23's translator trial, in a real repository: a section edited under the old date,
    /// the date moved on in the next commit. The text compared is the one before the edit.
    @Test func anEditMadeUnderTheOldDateIsNotHidden() throws {
        let git = try #require(ProgramLookup.program(named: "git"), "the check reads history with git")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("git-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func run(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = git
            process.arguments = ["-C", folder.path, "-c", "user.name=T", "-c", "user.email=t@example.com"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try run("init", "-q")
        let versions = [
            ("2026-12-05", "## Keep it safe\n\nStore it offline.\n"), ("2026-12-05", "## Keep it safe\n\nStore it offline, twice.\n"),
            ("2026-12-10", "## Keep it safe\n\nStore it offline, twice.\n"),
        ]
        for (number, version) in versions.enumerated() {
            try "---\ntitle: A\nupdated: \(version.0)\n---\n\(version.1)".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
            try run("add", "a.md")
            try run("commit", "-q", "-m", "version \(number)")
        }
        let history = GitSourceHistory(contentFolder: folder.path)
        let found = history.text(of: "a.md", at: "2026-12-05")
        guard case .text(let text) = found else {
            Issue.record("no text for 2026-12-05: \(found)")
            return
        }
        #expect(text.hasSuffix("Store it offline.\n"), "\(text)")
        // A hash no version has (a typo) and a date before the first commit are said to be
        // missing from the history, with the number of commits searched: they read as "the
        // source changed" before (session 23's translator trial).
        let current = SourceVersion.bodyHash(Substring("## Keep it safe\n\nStore it offline, twice.\n"))
        guard case .text = history.text(of: "a.md", at: current) else {
            Issue.record("no text for the current hash \(current)")
            return
        }
        let typo = String(current.dropLast()) + (current.last == "0" ? "1" : "0")
        #expect(history.text(of: "a.md", at: typo) == .noSuchVersion(commitsSearched: 3))
        #expect(history.text(of: "a.md", at: "2026-11-30") == .noSuchVersion(commitsSearched: 3))
    }
}
