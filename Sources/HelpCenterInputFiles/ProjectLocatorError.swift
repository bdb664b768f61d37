/// Why no project folder could be chosen.
public enum ProjectLocatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `helpcenter.yaml` in any folder searched, and an input was left at its default.
    case notFound([ProjectSearch])
    /// `--project` names something that is not a folder.
    case notAFolder(String)

    public var description: String {
        switch self {
        case .notFound(let searches):
            "no project folder found: \(ProjectSearch.describe(searches))"
        case .notAFolder(let path):
            "--project \(path): there is no such folder"
        }
    }
}
