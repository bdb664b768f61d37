/// The program's version: what `helpcenter --version` prints and what SARIF reports give as
/// `tool.driver.version`, so a code-scanning alert says which helpcenter found it. Raised by
/// hand when what users see changes (a report format, an option, a message they may match);
/// semantic versioning, still below 1.0.
public enum ToolVersion {
    public static let current = "0.23.0"
}
