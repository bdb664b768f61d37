import Foundation
import Synchronization

/// A folder of input files (content or templates), as the builder sees it: paths relative to
/// the folder, with `/` separators. The file system and in-memory trees implement it.
public protocol SiteFileTree: Sendable {
    /// Every regular file below the folder, relative and sorted; hidden files are left out.
    func listFiles() throws -> [String]
    /// The files, with what the listing left out and why (for diagnostics).
    func listing() throws -> SiteFileListing
    func read(_ path: String) throws -> Data
    /// The file's bytes, refusing a file larger than `maximumSize` before reading it.
    func read(_ path: String, maximumSize: Int) throws -> Data
    /// How diagnostics name a file of this tree (e.g. `content/collection/article.md`).
    func displayPath(_ path: String) -> String
    /// Whether a file is at `path` now (the preview names only the changed files that are).
    func contains(_ path: String) -> Bool
}

/// Where a build writes the site. Writes may come from several threads at once.
public protocol SiteOutput: Sendable {
    func write(_ path: String, _ data: Data) throws
    /// Writes a page's bytes as they were rendered (a file system writes them without a copy).
    func write(_ path: String, bytes: [UInt8]) throws
    /// Copies a file of an input tree unchanged (the file system can do better than read + write).
    func copy(_ path: String, from tree: SiteFileTree, to destination: String) throws
}

extension SiteFileTree {
    public func listing() throws -> SiteFileListing {
        SiteFileListing(files: try listFiles())
    }

    public func contains(_ path: String) -> Bool {
        (try? read(path)) != nil
    }

    /// For trees held in memory: the bytes are there already, so the size is checked after.
    public func read(_ path: String, maximumSize: Int) throws -> Data {
        let data = try read(path)
        guard data.count <= maximumSize else {
            throw SiteFileError.cannotRead(displayPath(path), reason: "the file is \(data.count) bytes, more than the \(maximumSize) bytes allowed")
        }
        return data
    }
}

extension SiteOutput {
    public func write(_ path: String, bytes: [UInt8]) throws {
        try write(path, Data(bytes))
    }

    public func copy(_ path: String, from tree: SiteFileTree, to destination: String) throws {
        try write(destination, try tree.read(path))
    }
}

/// An in-memory file tree, for tests and for previews of a single file.
public struct InMemoryFileTree: SiteFileTree {
    public var files: [String: Data]
    public var displayPrefix: String

    public init(_ files: [String: String], displayPrefix: String = "") {
        self.files = files.mapValues { Data($0.utf8) }
        self.displayPrefix = displayPrefix
    }

    public init(data: [String: Data], displayPrefix: String = "") {
        self.files = data
        self.displayPrefix = displayPrefix
    }

    /// Paths with a hidden segment (`.draft.md`, `.git/x`) are left out, as on disk.
    public func listFiles() throws -> [String] { try listing().files }

    public func listing() throws -> SiteFileListing {
        var listing = SiteFileListing(files: [])
        for path in files.keys.sorted() {
            let segments = ContentPath.segments(path)
            guard segments.contains(where: { $0.hasPrefix(".") }) else {
                listing.files.append(path)
                continue
            }
            if let last = segments.last, last.hasPrefix("."), last.hasSuffix(".md"),
                segments.dropLast().allSatisfy({ !$0.hasPrefix(".") })
            {
                listing.hiddenPages.append(path)
            }
        }
        return listing
    }

    public func read(_ path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return data
    }

    public func displayPath(_ path: String) -> String { displayPrefix + path }
}

/// Collects a build's output in memory (tests).
public final class InMemorySiteOutput: SiteOutput, Sendable {
    private let storage = Mutex<[String: Data]>([:])

    public init() {}

    public func write(_ path: String, _ data: Data) throws {
        storage.withLock { $0[path] = data }
    }

    public func discard() {
        storage.withLock { $0 = [:] }
    }

    public var files: [String: Data] {
        storage.withLock { $0 }
    }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
