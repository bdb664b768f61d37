/// Adds the live-reload script to an HTML page as it is served (the built site never has it):
/// before the last `</body>` (any case), or at the end when the page has none.
public enum LiveReloadInjector {
    public static func inject(into page: [UInt8]) -> [UInt8] {
        insertBeforeBodyEnd(Array(LiveReloadScript.tag.utf8), into: page)
    }

    /// `fragment` inserted before the page's last `</body>` (any case), or at its end.
    public static func insertBeforeBodyEnd(_ fragment: [UInt8], into page: [UInt8]) -> [UInt8] {
        guard let position = lastClosingBody(in: page) else { return page + fragment }
        var output: [UInt8] = []
        output.reserveCapacity(page.count + fragment.count)
        output += page[..<position]
        output += fragment
        output += page[position...]
        return output
    }

    private static let closingBody = Array("</body".utf8)

    private static func lastClosingBody(in page: [UInt8]) -> Int? {
        let needle = closingBody
        guard page.count >= needle.count else { return nil }
        var start = page.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                var byte = page[start + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] {
                    matches = false
                    break
                }
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }
}
