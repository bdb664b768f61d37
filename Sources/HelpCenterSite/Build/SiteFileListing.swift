/// What listing a folder found: the files to use, and what it left out that the writer
/// should hear about.
public struct SiteFileListing: Sendable, Equatable {
    /// A path that is not listed because it must not be read (a symbolic link leading out of
    /// the project's inputs): an error at its path.
    public struct Refusal: Sendable, Equatable {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Regular files (or links to them inside the inputs), relative and sorted.
    public var files: [String]
    public var refused: [Refusal]
    /// Hidden Markdown files (`.draft.md`, `..md`), which are never published.
    public var hiddenPages: [String]
    /// Folders holding no (visible) file or folder.
    public var emptyFolders: [String]

    public init(files: [String], refused: [Refusal] = [], hiddenPages: [String] = [], emptyFolders: [String] = []) {
        self.files = files
        self.refused = refused
        self.hiddenPages = hiddenPages
        self.emptyFolders = emptyFolders
    }
}
