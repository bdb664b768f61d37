import FuzzSupport
import HelpCenterSite

/// Front matter: the splitter (`---` fences, BOM, CRLF, unterminated blocks) and the readers of
/// an article's and a collection's front matter; the YAML part is also read as `helpcenter.yaml`
/// (the same field reader over Yams).
///
/// Checks besides "no crash": the split is exact (the body is the end of the file and starts on
/// the line the splitter says, so body diagnostics point at the right line), and every
/// diagnostic points at a line of the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    let path = "content/fuzz/article.md"
    let split = FrontMatterSplitter.split(text)
    checkSplit(split, of: text)
    DiagnosticLocationCheck.check(ArticleFrontMatter.parse(split, path: path).1, in: text, path: path)
    DiagnosticLocationCheck.check(CollectionFrontMatter.parse(split, path: path).1, in: text, path: path)
    if let yaml = split.yaml {
        _ = SiteConfiguration.parse(yaml, path: "helpcenter.yaml")
    }
    return 0
}

private func checkSplit(_ split: SplitSource, of text: String) {
    let bytes = Array(text.utf8)
    let body = Array(split.body.utf8)
    guard !split.unterminated else {
        fuzzCheck(body.isEmpty, "an unterminated front matter left a body")
        return
    }
    fuzzCheck(bytes.count >= body.count && Array(bytes.suffix(body.count)) == body, "the body is not the end of the file")
    // Lines counted as the splitter counts them (line feeds), in what comes before the body.
    let before = bytes.prefix(bytes.count - body.count)
    let newlines = before.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    // (An empty body after a closing fence without a newline starts on the line after it.)
    fuzzCheck(body.isEmpty || split.bodyFirstLine == newlines + 1, "the body starts on line \(newlines + 1), the splitter says \(split.bodyFirstLine)")
    if let yaml = split.yaml {
        // The YAML is what follows the opening fence's line, byte for byte.
        let yamlBytes = Array(yaml.utf8)
        let start = (bytes.firstIndex(of: 0x0A) ?? bytes.count) + 1
        fuzzCheck(
            start + yamlBytes.count <= bytes.count && Array(bytes[start..<(start + yamlBytes.count)]) == yamlBytes,
            "the front matter is not what follows the opening fence")
        fuzzCheck(split.yamlFirstLine == 2, "the front matter starts on line \(split.yamlFirstLine)")
    }
}
