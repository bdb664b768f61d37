/// Which of the program's YAML files a text is, for the limits that apply and the wording of
/// its problems ("front matter nests a few levels").
public struct YAMLDocumentKind: Sendable, Hashable {
    /// How messages name such files in the plural: "scenario files", "front matter".
    public var plural: String
    /// Appended to the size message: what to do about a file that is too large.
    public var splitAdvice: String

    public init(plural: String, splitAdvice: String = "") {
        self.plural = plural
        self.splitAdvice = splitAdvice
    }

    public static let scenarioFile = YAMLDocumentKind(plural: "scenario files", splitAdvice: " (split it into several files)")
    public static let frontMatter = YAMLDocumentKind(plural: "front matter blocks", splitAdvice: " (move long text into the article's body)")
    public static let siteConfiguration = YAMLDocumentKind(plural: "site configuration files")
    public static let policyFile = YAMLDocumentKind(plural: "policy files")
    public static let vocabularyFile = YAMLDocumentKind(plural: "vocabulary files")
}
