import Foundation

/// Failures to read or write the site's folders (reported with exit status 2).
public enum SiteFileError: LocalizedError, CustomStringConvertible, Equatable {
    case missingFolder(String)
    case refusedOutput(String, reason: String)
    case cannotWrite(String, reason: String)
    case cannotRead(String, reason: String)

    public var description: String {
        switch self {
        case .missingFolder(let name): "the folder '\(name)' does not exist or is not a folder"
        case .refusedOutput(let name, let reason): "refusing to write the site to '\(name)': \(reason)"
        case .cannotWrite(let name, let reason): "cannot write '\(name)': \(reason)"
        case .cannotRead(let name, let reason): "cannot read '\(name)': \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
