/// Files that editors write beside the ones being edited: swap, backup, autosave and lock files
/// (`.x.md.swp`, `x.md~`, `#x.md#`, `.#x.md`, vim's `4913` probe, `x.tmp`). The build leaves
/// out files and folders with these names (a draft's backup would otherwise be published as a
/// static file, text and all), and the preview does not rebuild when one changes: one rule, so
/// that what the preview ignores is what the build leaves out.
public enum EditorTemporaryFiles {
    /// Whether a file or folder name (no `/`) is an editor's temporary file. Hidden names (a
    /// leading `.`) are handled by the listing itself, which reports hidden Markdown files.
    public static func isTemporary(name: String) -> Bool {
        if name.hasSuffix("~") || name == "4913" { return true }
        if name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        return [".swp", ".swo", ".swx", ".tmp"].contains { name.hasSuffix($0) }
    }
}
