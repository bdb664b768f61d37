import Foundation

/// A folder on disk as a `SiteFileTree`.
public struct DirectoryFileTree: SiteFileTree {
    public let root: URL
    /// How the folder is named in diagnostics (as the user gave it, e.g. `content`).
    public let displayName: String

    public init(root: URL, displayName: String) {
        self.root = root.standardizedFileURL
        self.displayName = displayName
    }

    public func listFiles() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteFileError.missingFolder(displayName)
        }
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { throw SiteFileError.missingFolder(displayName) }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            files.append(String(path.dropFirst(rootPath.count)))
        }
        return files.sorted()
    }

    public func read(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path), options: .mappedIfSafe)
    }

    public func displayPath(_ path: String) -> String {
        if path.isEmpty { return displayName }
        return displayName.hasSuffix("/") ? displayName + path : displayName + "/" + path
    }
}

/// Failures to read or write the site's folders (reported with exit status 2).
public enum SiteFileError: Error, CustomStringConvertible, Equatable {
    case missingFolder(String)
    case refusedOutput(String, reason: String)
    case cannotWrite(String, reason: String)

    public var description: String {
        switch self {
        case .missingFolder(let name): "the folder '\(name)' does not exist or is not a folder"
        case .refusedOutput(let name, let reason): "refusing to write the site to '\(name)': \(reason)"
        case .cannotWrite(let name, let reason): "cannot write '\(name)': \(reason)"
        }
    }
}
