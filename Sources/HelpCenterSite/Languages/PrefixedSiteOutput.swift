import Foundation

/// A language's pages written under its prefix (`fr/…`) of the site's output.
struct PrefixedSiteOutput: SiteOutput {
    let base: any SiteOutput
    let prefix: String

    func write(_ path: String, _ data: Data) throws { try base.write(prefix + path, data) }
    func write(_ path: String, bytes: [UInt8]) throws { try base.write(prefix + path, bytes: bytes) }
    func copy(_ path: String, from tree: SiteFileTree, to destination: String) throws {
        try base.copy(path, from: tree, to: prefix + destination)
    }
}
