import Foundation
import HelpCenterInputFiles
import HelpCenterSite

/// A folder or a single file the preview watches, and which input of the site it is.
public struct WatchedInput: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Every file below the folder, at any depth.
        case folder
        /// One file (watched through its folder, so that editors that save by renaming are seen).
        case file
    }

    /// An absolute, standardised location.
    public var location: URL
    public var kind: Kind
    public var tree: SiteInputChange.Tree
    /// Put before the path within the folder in the change (`policy/` for the policy folder,
    /// so that `.other` changes name the file from the project); empty for content and templates.
    public var reportedPrefix: String

    public init(_ location: URL, kind: Kind, tree: SiteInputChange.Tree, reportedPrefix: String = "") {
        self.location = location.standardizedFileURL
        self.kind = kind
        self.tree = tree
        self.reportedPrefix = reportedPrefix
    }

    /// The folder watched for this input (the file's folder for a file).
    public var watchedFolder: String {
        kind == .folder ? location.path : location.deletingLastPathComponent().path
    }

    /// The change an absolute path stands for, when it belongs to this input.
    func change(forAbsolutePath path: String) -> SiteInputChange? {
        switch kind {
        case .file:
            return path == location.path ? SiteInputChange(tree, reportedPrefix + location.lastPathComponent) : nil
        case .folder:
            let folder = location.path.hasSuffix("/") ? location.path : location.path + "/"
            guard path.hasPrefix(folder), path.count > folder.count else { return nil }
            return SiteInputChange(tree, reportedPrefix + String(path.dropFirst(folder.count)))
        }
    }
}

/// Maps changed paths to the site's inputs, leaving out editors' temporary files.
public struct InputChangeClassifier: Sendable {
    public var inputs: [WatchedInput]

    public init(_ inputs: [WatchedInput]) {
        self.inputs = inputs
    }

    /// The change for an absolute path, or nil when it is no input's (or is an editor's temporary file).
    public func change(forAbsolutePath path: String) -> SiteInputChange? {
        for input in inputs {
            if let change = input.change(forAbsolutePath: path) {
                return Self.isIgnored(change.path) ? nil : change
            }
        }
        return nil
    }

    /// True for a folder below a folder input (new folders get watched too).
    public func isInsideFolderInput(_ path: String) -> Bool {
        inputs.contains { $0.kind == .folder && (path == $0.location.path || path.hasPrefix($0.location.path + "/")) }
    }

    /// Editors' swap, backup and lock files (`EditorTemporaryFiles`) and every hidden file or
    /// folder, which the generator does not read either. `path` is relative to the watched folder.
    public static func isIgnored(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.isEmpty || name.hasPrefix(".") || EditorTemporaryFiles.isTemporary(name: name) { return true }
        // Hidden folders on the way (`.git/`, an editor's backup folder).
        return path.hasPrefix(".") || path.contains("/.")
    }
}
