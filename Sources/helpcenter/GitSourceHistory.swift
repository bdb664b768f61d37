import Foundation
import HelpCenterCalendar
import HelpCenterSite

/// The text a source page had at the version a translation names, found in git (for
/// `helpcenter check --translations`, which then lists the sections changed since). Without
/// git, outside a repository, or when no commit matches, there is none, and the report says
/// only that the source changed.
struct GitSourceHistory {
    /// The content folder (git runs there, and paths are relative to it).
    let contentFolder: String
    /// How many commits of a file are looked at, newest first.
    var depth = 200

    func text(of sourcePath: String, at version: String) -> String? {
        guard let named = SourceVersion(version),
            let log = git(["log", "--format=%H", "-n", "\(depth)", "--", sourcePath]).map({ $0.split(separator: "\n").map(String.init) })
        else { return nil }
        for commit in log {
            guard let text = git(["show", "\(commit):./\(sourcePath)"]) else { continue }
            let split = FrontMatterSplitter.split(text)
            switch named {
            case .hash:
                if named.isCurrent(hash: SourceVersion.bodyHash(Substring(split.body)), updated: nil) == true { return text }
            case .date(let date):
                // The newest version whose `updated` is not after the date named.
                let updated = split.yaml.flatMap(Self.updatedDate)
                if let updated, !(date < updated) { return text }
            }
        }
        return nil
    }

    /// `updated: YYYY-MM-DD` of a front matter, read without the full parser.
    static func updatedDate(_ yaml: String) -> CalendarDate? {
        for line in yaml.split(separator: "\n") where line.hasPrefix("updated:") {
            let value = line.dropFirst("updated:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return CalendarDate(parsing: value)
        }
        return nil
    }

    private func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", contentFolder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
