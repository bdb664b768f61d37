#if canImport(Glibc)
import Glibc
#endif

/// The places this program may read its inputs from: the content, templates, policy and
/// scenario folders and the configuration file, each by its real path (symbolic links in
/// the names given are resolved once, when the boundary is made).
///
/// A file read through a symbolic link must end up inside one of them: a link in
/// `content/guides/images/` to `/etc/passwd` is refused, a link from `content/` to a file of
/// `templates/` is fine. The roots themselves may be links (a `content` folder kept elsewhere):
/// only what is reached *through* them is held to the boundary.
public struct InputBoundary: Sendable, Equatable {
    /// The real paths of the roots, without a trailing `/` (`/` itself stays `/`).
    public let roots: [String]

    /// Resolves each path (relative to the current folder); a path that does not exist yet
    /// is kept as an absolute, normalised path.
    public init(_ paths: [String]) {
        var roots: [String] = []
        for path in paths where !path.isEmpty {
            let root = Self.realPath(path) ?? Self.absolute(path)
            if !roots.contains(root) { roots.append(root) }
        }
        self.roots = roots
    }

    /// A boundary of already-resolved real paths (tests, and trees made from one root).
    public init(realPaths: [String]) {
        roots = realPaths
    }

    /// Whether `realPath` (already resolved) is a root or lies inside a root folder.
    public func contains(realPath: String) -> Bool {
        roots.contains { root in
            realPath == root || root == "/" || (realPath.hasPrefix(root) && realPath.utf8.dropFirst(root.utf8.count).first == UInt8(ascii: "/"))
        }
    }

    /// How the roots are named in messages (`/work/site/content, /work/site/templates`).
    public var description: String { roots.joined(separator: ", ") }

    /// The fully resolved path of an existing file or folder (`realpath(3)`), nil when it (or
    /// a link on the way) does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute against the current folder, with `.` and `..` segments removed
    /// lexically (for roots that do not exist yet).
    public static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let current =
                getcwd(&buffer, buffer.count) != nil
                ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "/"
            full = current + "/" + path
        }
        var segments: [Substring] = []
        for segment in full.split(separator: "/") {
            if segment == "." { continue }
            if segment == ".." {
                _ = segments.popLast()
                continue
            }
            segments.append(segment)
        }
        return "/" + segments.joined(separator: "/")
    }
}
