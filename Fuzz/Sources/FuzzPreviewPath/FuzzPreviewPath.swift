import FuzzSupport
import HelpCenterPreview

/// The preview's path resolution: a request path (percent-decoded once) turned into a site
/// file, a redirect, a 404 or a refusal.
///
/// Checks besides "no crash": every name looked up in the site, every file served and every
/// redirect stays inside the site (no `.`/`..`/empty segment, no backslash, no control
/// character, no leading `/`), a redirect is a local path (`/x/`, never `//host`), and a
/// refused path is refused for a reason a user can read.
let siteFiles: Set<String> = [
    "index.html", "404.html", "search/index.html", "assets/style.css", "search-index.json",
    "account/index.html", "account/backup-method/index.html", "a b/index.html", "caf\u{E9}/index.html",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPreviewPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let rawPath = FuzzInput(data, size).text
    var looked: [String] = []
    let resolution = SitePathResolver.resolve(rawPath) { name in
        looked.append(name)
        return siteFiles.contains(name)
    }
    for name in looked { checkInside(name, what: "looked up") }
    switch resolution {
    case .file(let name):
        fuzzCheck(siteFiles.contains(name), "served '\(name)', which is not a site file")
    case .redirect(let target):
        fuzzCheck(target.hasPrefix("/") && !target.hasPrefix("//"), "redirect to '\(target)' leaves the site")
        checkInside(String(target.dropFirst()), what: "redirected to")
    case .notFound:
        break
    case .refused(let reason):
        fuzzCheck(!reason.isEmpty, "a refusal without a reason")
    }
    return 0
}

private func checkInside(_ name: String, what: String) {
    fuzzCheck(!name.hasPrefix("/"), "\(what) '\(name)': absolute")
    fuzzCheck(!name.contains("\\"), "\(what) '\(name)': backslash")
    fuzzCheck(!name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(what) '\(name)': control character")
    let segments = name.split(separator: "/", omittingEmptySubsequences: false)
    for (position, segment) in segments.enumerated() {
        fuzzCheck(segment != "." && segment != "..", "\(what) '\(name)': '\(segment)' segment")
        fuzzCheck(!segment.isEmpty || position == segments.count - 1, "\(what) '\(name)': empty segment")
    }
}
