import Foundation
import HelpCenterCalendar
import HelpCenterInputFiles
import HelpCenterSite

/// The text a source page had at the version a translation names, found in git (for
/// `helpcenter check --translations`, which then lists the sections changed since). Without
/// git or outside a repository there is none, and the report says only that the source changed;
/// when no commit matches, the report says the version named is not in the history.
///
/// Two processes per source page: `git log` for the commits that touched it, then one
/// `git cat-file --batch` for its text at all of them. With `git show` per commit, started
/// through `/usr/bin/env`, a check of 1,000 out-of-date translations started 6,000 processes
/// and took 54 s (docs/languages.md); the check now asks for several pages at once
/// (`SiteBuilder.translationStatus`), so this type holds no state.
struct GitSourceHistory: Sendable {
    /// The content folder (git runs there, and paths are relative to it).
    let contentFolder: String
    /// How many commits of a file are looked at, newest first.
    var depth = 200
    /// The git program, found on `PATH` once; nil when there is none (no history then).
    private let git: URL?

    /// Whether the repository is a shallow clone (its history ends before the first commit).
    private var isShallow = false

    init(contentFolder: String, depth: Int = 200) {
        self.contentFolder = contentFolder
        self.depth = depth
        git = ProgramLookup.program(named: "git")
        isShallow = run(["rev-parse", "--is-shallow-repository"]).map { String(decoding: $0, as: UTF8.self).hasPrefix("true") } ?? false
    }

    /// The page's text at the version named, or that none of its commits (up to `depth`) has
    /// it, or `.unknown` when there is no history to ask.
    func text(of sourcePath: String, at version: String) -> SourceHistoryLookup {
        // A name with a line break cannot be asked of `cat-file --batch`, one name per line.
        guard let named = SourceVersion(version), !sourcePath.contains(where: \.isNewline),
            let log = run(["log", "--format=%H", "-n", "\(depth)", "--", sourcePath])
        else { return .unknown }
        let commits = String(decoding: log, as: UTF8.self).split(separator: "\n")
        guard !commits.isEmpty else { return .unknown }
        // A history cut short (a CI checkout with `fetch-depth: 1`, or more commits than are
        // read) may lack the version named: not finding it says nothing (the review of session
        // 24 saw a correct hash called a typo in a shallow clone).
        let complete = commits.count < depth && !isShallow
        let request = commits.map { "\($0):./\(sourcePath)\n" }.joined()
        guard let output = run(["cat-file", "--batch"], input: Data(request.utf8)) else { return .unknown }
        let texts = Self.objects(in: output).map { $0.flatMap { String(data: $0, encoding: .utf8) } }
        let found: String?
        switch named {
        case .hash:
            found = texts.lazy.compactMap { $0 }.first {
                named.isCurrent(hash: SourceVersion.bodyHash(Substring(FrontMatterSplitter.split($0).body)), updated: nil) == true
            }
        case .date(let date):
            found = Self.oldestVersion(dated: date, newestFirst: texts)
        }
        if let found { return .text(found) }
        return complete ? .noSuchVersion(commitsSearched: commits.count) : .unknown
    }

    /// The version a date names, from a page's versions newest first: of those whose `updated`
    /// is the latest not after the date, the oldest. A writer who edits a section and moves
    /// `updated:` on in a later commit (or not at all) leaves several versions under one date,
    /// and the translation may be of any of them: the newest hid the edit ("no section's text
    /// differs", session 23's translator trial), the oldest shows every change the date can
    /// hide, at worst one the translator already has.
    static func oldestVersion(dated date: CalendarDate, newestFirst texts: [String?]) -> String? {
        var chosen: (text: String, updated: CalendarDate)?
        for case let text? in texts {
            let updated = FrontMatterSplitter.split(text).yaml.flatMap(Self.updatedDate)
            if let current = chosen {
                guard updated == current.updated else { break }
                chosen = (text, current.updated)
            } else if let updated, !(date < updated) {
                chosen = (text, updated)
            }
        }
        return chosen?.text
    }

    /// The objects `git cat-file --batch` answered with, in the order asked: each
    /// `<id> <type> <size>` line followed by that many bytes and a line break, or nil for a
    /// name it answered `<name> missing` (or `ambiguous`) for.
    static func objects(in output: Data) -> [Data?] {
        let bytes = [UInt8](output)
        var objects: [Data?] = []
        var position = 0
        while position < bytes.count {
            guard let lineEnd = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = bytes[position..<lineEnd].split(separator: UInt8(ascii: " "))
            position = lineEnd + 1
            guard header.count == 3, header[2].allSatisfy({ (0x30...0x39).contains($0) }),
                let size = Int(String(decoding: header[2], as: UTF8.self))
            else {
                objects.append(nil)
                continue
            }
            guard position + size <= bytes.count else { break }
            let isFile = header[1].elementsEqual("blob".utf8)
            objects.append(isFile ? Data(bytes[position..<position + size]) : nil)
            position += size + 1
        }
        return objects
    }

    /// `updated: YYYY-MM-DD` of a front matter, read without the full parser.
    static func updatedDate(_ yaml: String) -> CalendarDate? {
        for line in yaml.split(separator: "\n") where line.hasPrefix("updated:") {
            let value = line.dropFirst("updated:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return CalendarDate(parsing: value)
        }
        return nil
    }

    /// git's standard output, or nil when it could not start or failed. `input`, when given, is
    /// its standard input, from a temporary file: through a pipe, git ending before reading all
    /// of it would stop this program with SIGPIPE.
    private func run(_ arguments: [String], input: Data? = nil) -> Data? {
        guard let git else { return nil }
        let process = Process()
        process.executableURL = git
        process.arguments = ["-C", contentFolder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        var inputFile: URL?
        defer { if let inputFile { try? FileManager.default.removeItem(at: inputFile) } }
        if let input {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-git-\(UUID().uuidString)")
            inputFile = file
            guard (try? input.write(to: file)) != nil, let reader = try? FileHandle(forReadingFrom: file) else { return nil }
            process.standardInput = reader
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return data
    }
}
