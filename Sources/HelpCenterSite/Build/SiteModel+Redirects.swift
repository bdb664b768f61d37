import Foundation
import HelpCenterDiagnostics
import HelpCenterTemplates

/// A page written at an article's old address (`aliases` in its front matter) that sends the
/// reader on to the article.
struct RedirectPage: Sendable, Equatable {
    /// Where the redirect page is written, e.g. `old/path/index.html`.
    var outputPath: String
    /// The folder the redirect page is served from, for relative links (`old/path/`).
    var folder: String
    var targetSitePath: String
    var targetTitle: String
}

extension SiteModel {
    /// The redirect pages for every alias; an alias that is malformed, takes an address the
    /// site already uses (`takenPaths`: path → what writes it, named in the error), or lies
    /// under another language's prefix (`languagePrefixes`: prefix → key, given to the default
    /// language's site) is an error at its place in the front matter.
    func redirects(takenPaths: [String: String], languagePrefixes: [(prefix: String, key: String)] = []) -> ([RedirectPage], [Diagnostic]) {
        var pages: [RedirectPage] = []
        var diagnostics: [Diagnostic] = []
        var used = takenPaths
        for collection in collections {
            for article in collection.articles {
                for alias in article.matter.aliases {
                    switch Self.redirectPath(for: alias.value) {
                    case .failure(let problem):
                        diagnostics.append(.error("alias '\(alias.value)' \(problem.reason)", at: alias.location, id: "alias"))
                    case .success(let (outputPath, folder)):
                        if let language = languagePrefixes.first(where: { outputPath.hasPrefix($0.prefix) }) {
                            diagnostics.append(
                                .error(
                                    "alias '\(alias.value)' is under /\(language.prefix), where the language '\(language.key)' is published, whose pages would replace it; choose another old address or remove it",
                                    at: alias.location, id: "alias"))
                            continue
                        }
                        if let owner = used[outputPath] {
                            diagnostics.append(
                                .error(
                                    "alias '\(alias.value)' would replace \(outputPath), where the site writes \(owner); choose another old address or remove it",
                                    at: alias.location, id: "alias"))
                            continue
                        }
                        used[outputPath] = "the redirect of the alias at \(alias.location)"
                        pages.append(
                            RedirectPage(outputPath: outputPath, folder: folder, targetSitePath: article.record.sitePath, targetTitle: article.matter.title))
                    }
                }
            }
        }
        return (pages, diagnostics)
    }

    struct AliasProblem: Error {
        var reason: String
    }

    /// `/old/page/` or `old/page` → `old/page/index.html`; `old.html` → `old.html`.
    static func redirectPath(for alias: String) -> Result<(String, String), AliasProblem> {
        var path = alias.trimmingWhitespace()
        if URLSafety.isExternal(path) {
            return .failure(AliasProblem(reason: "must be a path within the site (like /old/page/), not a URL"))
        }
        path = path.removingPercentEncoding ?? path
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[path.startIndex..<cut]) }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty else { return .failure(AliasProblem(reason: "is empty or the site's root; it cannot be a redirect")) }
        for part in parts {
            if let problem = PageAddress.problem(withName: Substring(part)) {
                return .failure(AliasProblem(reason: "cannot be an address: a part of it \(problem)"))
            }
        }
        let joined = parts.joined(separator: "/")
        if joined.hasSuffix(".html") || joined.hasSuffix(".htm") {
            let folder = parts.dropLast().map { $0 + "/" }.joined()
            return .success((joined, folder))
        }
        return .success((joined + "/index.html", joined + "/"))
    }
}
