/// Why an input file was not read.
public enum InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path is (or passes through) a symbolic link whose target lies outside the project's
    /// inputs. `target` is where it leads, nil when the target does not exist.
    case linkLeavesInputs(path: String, target: String?, boundary: String)
    /// The file could not be opened or read (`reason` is the system's message).
    case cannotRead(path: String, reason: String)
    /// The path names something other than a regular file (a folder, a FIFO, a device).
    case notARegularFile(path: String)
    /// The file is larger than the reader accepts.
    case tooLarge(path: String, size: Int, limit: Int)

    /// What was found, without the path (diagnostics print the path in front).
    public var reason: String {
        switch self {
        case .linkLeavesInputs(_, let target?, _):
            "it is a symbolic link to \(target), outside the project's inputs; only files inside the content, templates, policy and scenario folders are read (copy the file into the project, or remove the link)"
        case .linkLeavesInputs(_, nil, _):
            "it is a symbolic link whose target does not exist; remove the link or point it at a file inside the project's folders"
        case .cannotRead(_, let reason):
            reason
        case .notARegularFile:
            "it is not a regular file (a folder, a device or a pipe); only regular files are read"
        case .tooLarge(_, let size, let limit):
            "the file is \(size) bytes, more than the \(limit) bytes allowed"
        }
    }

    public var path: String {
        switch self {
        case .linkLeavesInputs(let path, _, _), .cannotRead(let path, _), .notARegularFile(let path), .tooLarge(let path, _, _): path
        }
    }

    public var description: String { "\(path): \(reason)" }
}
