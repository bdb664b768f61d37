#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProjectLocator.FileSystem {
    /// The disk, through `getcwd(3)` and `stat(2)` (links followed).
    public static let real = ProjectLocator.FileSystem(
        currentFolder: {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard getcwd(&buffer, buffer.count) != nil else { return "/" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        },
        isFile: { path in fileType(path) == S_IFREG },
        isFolder: { path in fileType(path) == S_IFDIR }
    )

    private static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}

extension ProjectLocator {
    /// A locator on the real disk.
    public init(searchTop: String? = nil) {
        self.init(fileSystem: .real, searchTop: searchTop)
    }
}
