/// The fragment of one article the browser loads for a result it shows
/// (`search/index/d-<n>.js`): title, address, collection, description, headings and the
/// sentences of the body with their section, at most `budget` bytes of sentences.
public enum SearchFragment {
    /// Bytes of sentence text a fragment keeps (its headings and description come on top).
    public static let budget = 2_000
    /// A sentence longer than this is cut at a word boundary.
    public static let longestSentence = 240

    /// The fragment's script: `HelpCenterSearch.loaded("d-<n>", {...})`.
    public static func script(for document: SearchDocument, number: Int) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(budget + 1024)
        json.append(contentsOf: "window.HelpCenterSearch&&HelpCenterSearch.loaded(\"d-\(number)\",{\"t\":".utf8)
        SearchJSON.appendString(document.title, to: &json)
        json.append(contentsOf: ",\"u\":".utf8)
        SearchJSON.appendString(document.path, to: &json)
        json.append(contentsOf: ",\"c\":".utf8)
        SearchJSON.appendString(document.collection, to: &json)
        json.append(contentsOf: ",\"d\":".utf8)
        SearchJSON.appendString(cut(document.description), to: &json)
        json.append(contentsOf: ",\"h\":[".utf8)
        for (position, heading) in document.headings.enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            SearchJSON.appendString(heading.id, to: &json)
            json.append(UInt8(ascii: ","))
            SearchJSON.appendString(heading.text, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        // Sentences: [section, text], section -1 before the first heading.
        json.append(contentsOf: "],\"s\":[".utf8)
        var blockBytes: (index: Int, bytes: [UInt8]) = (-1, [])
        for (position, sentence) in chosen(from: document).enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            let block = document.blocks[sentence.block]
            if blockBytes.index != sentence.block { blockBytes = (sentence.block, Array(block.text.utf8)) }
            json.append(UInt8(ascii: "["))
            json.append(contentsOf: String(block.section ?? -1).utf8)
            json.append(UInt8(ascii: ","))
            if sentence.bytes.count > longestSentence {
                SearchJSON.appendString(cut(text(block.text, sentence.bytes)), to: &json)
            } else {
                SearchJSON.appendString(blockBytes.bytes, range: sentence.bytes, newlinesAsSpaces: true, to: &json)
            }
            json.append(UInt8(ascii: "]"))
        }
        json.append(contentsOf: "]});\n".utf8)
        return json
    }

    /// A sentence of a block, found before any string is made for it: most sentences of a long
    /// article are never chosen, and only the chosen ones are copied, straight into the script.
    struct Candidate {
        var block: Int
        var bytes: Range<Int>
        /// Its bytes as the fragment would hold it, plus 8 for the JSON around it.
        var size: Int
    }

    /// One section's sentences, split from its blocks only as the fragment asks for them: a
    /// long section's later paragraphs are never read. A section whose sentences so far reach
    /// the budget starts no further block.
    struct SectionSentences {
        var blocks: [Int] = []
        private var nextBlock = 0
        private var pending: [Range<Int>] = []
        private var pendingBlock = -1
        private var pendingPosition = 0
        private var bytes = 0

        mutating func next(in document: SearchDocument) -> Candidate? {
            while pendingPosition == pending.count {
                guard nextBlock < blocks.count, bytes < budget else { return nil }
                pendingBlock = blocks[nextBlock]
                nextBlock += 1
                pending = sentenceRanges(document.blocks[pendingBlock].text)
                pendingPosition = 0
            }
            let range = pending[pendingPosition]
            pendingPosition += 1
            let length = range.count > longestSentence ? cut(text(document.blocks[pendingBlock].text, range)).utf8.count : range.count
            bytes += length + 8
            return Candidate(block: pendingBlock, bytes: range, size: length + 8)
        }
    }

    /// The sentences the fragment keeps, in document order: every section's first sentence
    /// first, then every section's second, and so on while the budget lasts, so that a long
    /// article's later sections still have their opening sentences.
    static func chosen(from document: SearchDocument) -> [Candidate] {
        var sections: [SectionSentences] = []
        var slotOfSection: [Int?: Int] = [:]
        for (blockIndex, block) in document.blocks.enumerated() {
            let slot = slotOfSection[block.section] ?? sections.count
            if slot == sections.count {
                slotOfSection[block.section] = slot
                sections.append(SectionSentences())
            }
            sections[slot].blocks.append(blockIndex)
        }
        var exhausted = Array(repeating: false, count: sections.count)
        var chosen: [Candidate] = []
        var used = 0
        var added = true
        while added && used < budget {
            added = false
            for slot in sections.indices where !exhausted[slot] {
                guard let sentence = sections[slot].next(in: document) else {
                    exhausted[slot] = true
                    continue
                }
                if used + sentence.size > budget { continue }
                chosen.append(sentence)
                used += sentence.size
                added = true
            }
        }
        return chosen.sorted { ($0.block, $0.bytes.lowerBound) < ($1.block, $1.bytes.lowerBound) }
    }

    /// The chosen sentences as text (tests).
    static func sentences(of document: SearchDocument) -> [SearchDocument.Block] {
        chosen(from: document).map { candidate in
            let block = document.blocks[candidate.block]
            return SearchDocument.Block(section: block.section, text: cut(text(block.text, candidate.bytes)))
        }
    }

    /// A block's sentences as byte ranges of its UTF-8: split after `.`, `?` or `!` followed by
    /// white space, without the white space around them; sentences without a letter dropped.
    /// The ranges start and end at ASCII bytes, so each is valid UTF-8. Works on the bytes
    /// (the whole body of every article passes through here).
    static func sentenceRanges(_ text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var hasLetter = false
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            func emit(_ end: Int) {
                if hasLetter {
                    var lower = start
                    var upper = end
                    while lower < upper && isSpace(bytes[lower]) { lower += 1 }
                    while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
                    if lower < upper { ranges.append(lower..<upper) }
                }
                hasLetter = false
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 || (byte | 0x20) &- 0x61 < 26 { hasLetter = true }
                if (byte == 0x20 || byte == 0x0A || byte == 0x09) && index > 0
                    && (bytes[index - 1] == 0x2E || bytes[index - 1] == 0x3F || bytes[index - 1] == 0x21)
                {
                    emit(index)
                    start = index + 1
                }
                index += 1
            }
            emit(bytes.count)
        }
        return ranges
    }

    /// A sentence's text: its bytes, with line breaks inside read as spaces.
    static func text(_ block: String, _ bytes: Range<Int>) -> String {
        let slice = block.utf8.dropFirst(bytes.lowerBound).prefix(bytes.count)
        guard slice.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return String(decoding: slice, as: UTF8.self) }
        return String(decoding: slice.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
    }

    /// Text cut to `longestSentence` bytes at a word boundary, with an ellipsis.
    static func cut(_ text: String) -> String {
        guard text.utf8.count > longestSentence else { return text }
        var kept = ""
        for word in text.split(separator: " ") {
            if kept.utf8.count + word.utf8.count + 1 > longestSentence { break }
            if !kept.isEmpty { kept += " " }
            kept += word
        }
        return kept + "…"
    }
}
