import HelpCenterSearch

/// Collects an article's body text for the search index while the renderer walks it: the text
/// of each block (paragraph, list item, table cell, callout line) with the heading it is under.
/// Headings are not collected here (the renderer keeps them); code blocks are left out.
struct SearchTextCollector: Sendable {
    private(set) var blocks: [SearchDocument.Block] = []
    /// Off: nothing is collected (a build without a search index).
    var isCollecting = true
    private var text: [UInt8] = []
    /// The heading the text is under (an index into the renderer's headings).
    private var section: Int?
    /// Inside a heading: its text is not body text.
    private var inHeading = false

    /// Text as it is in the page (a text node's bytes, copied whole: byte by byte it was
    /// 0.7 % of the 10,000-article build, perf).
    mutating func add(bytes: ArraySlice<UInt8>) {
        guard isCollecting && !inHeading else { return }
        text.append(contentsOf: bytes)
    }

    mutating func addSpace() {
        if isCollecting && !inHeading, let last = text.last, last != 0x20 { text.append(0x20) }
    }

    /// Ends the current block.
    mutating func endBlock() {
        guard !text.isEmpty else { return }
        let string = String(decoding: text, as: UTF8.self)
        text.removeAll(keepingCapacity: true)
        if string.utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) { blocks.append(SearchDocument.Block(section: section, text: string)) }
    }

    /// A heading starts: the text so far ends, and what follows the heading is under it.
    mutating func startHeading(_ index: Int) {
        endBlock()
        section = index
        inHeading = true
    }

    mutating func endHeading() {
        text.removeAll(keepingCapacity: true)
        inHeading = false
    }
}
