/// One walk up the folders in search of `helpcenter.yaml`: where it started and every folder it
/// looked in, for the message that says what was looked for and where.
public struct ProjectSearch: Sendable, Equatable {
    /// `the current folder`, or the path it started from as typed.
    public let start: String
    /// The absolute paths of the folders looked in, from the start to the top.
    public let folders: [String]

    public init(start: String, folders: [String]) {
        self.start = start
        self.folders = folders
    }

    /// `no helpcenter.yaml in /a/b, /a or / (searched up from the current folder)`.
    public static func describe(_ searches: [ProjectSearch]) -> String {
        let parts = searches.map { search in
            "in \(list(search.folders)) (searched up from \(search.start))"
        }
        return "no \(ProjectLocator.markerFileName) " + parts.joined(separator: ", nor ")
    }

    private static func list(_ folders: [String]) -> String {
        guard let last = folders.last else { return "no folder" }
        return folders.count == 1 ? last : folders.dropLast().joined(separator: ", ") + " or " + last
    }
}
