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
        json += Array("window.HelpCenterSearch&&HelpCenterSearch.loaded(\"d-\(number)\",{\"t\":".utf8)
        SearchJSON.appendString(document.title, to: &json)
        json += Array(",\"u\":".utf8)
        SearchJSON.appendString(document.path, to: &json)
        json += Array(",\"c\":".utf8)
        SearchJSON.appendString(document.collection, to: &json)
        json += Array(",\"d\":".utf8)
        SearchJSON.appendString(cut(document.description), to: &json)
        json += Array(",\"h\":[".utf8)
        for (position, heading) in document.headings.enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            SearchJSON.appendString(heading.id, to: &json)
            json.append(UInt8(ascii: ","))
            SearchJSON.appendString(heading.text, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        // Sentences: [section, text], section -1 before the first heading.
        json += Array("],\"s\":[".utf8)
        for (position, sentence) in sentences(of: document).enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            json += Array(String(sentence.section ?? -1).utf8)
            json.append(UInt8(ascii: ","))
            SearchJSON.appendString(sentence.text, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        json += Array("]});\n".utf8)
        return json
    }

    /// A sentence of a block, found before any string is made for it: most sentences of a long
    /// article are never chosen, and only the chosen ones become strings.
    struct Candidate {
        var order: Int
        var block: Int
        var bytes: Range<Int>
        /// Its bytes as the fragment would hold it, plus 8 for the JSON around it.
        var size: Int
    }

    /// The sentences the fragment keeps, in document order: every section's first sentence
    /// first, then every section's second, and so on while the budget lasts, so that a long
    /// article's later sections still have their opening sentences.
    static func sentences(of document: SearchDocument) -> [SearchDocument.Block] {
        var bySection: [[Candidate]] = []
        var sectionBytes: [Int] = []
        var sectionSlot: [Int: Int] = [:]
        var order = 0
        for (blockIndex, block) in document.blocks.enumerated() {
            let key = block.section ?? -1
            let slot: Int
            if let known = sectionSlot[key] {
                slot = known
            } else {
                slot = bySection.count
                sectionSlot[key] = slot
                bySection.append([])
                sectionBytes.append(0)
            }
            // Sentences of a section past the budget can never be chosen: they are not even split.
            guard sectionBytes[slot] < budget else { continue }
            for bytes in sentenceRanges(block.text) {
                let length = bytes.count > longestSentence ? cut(text(block.text, bytes)).utf8.count : bytes.count
                bySection[slot].append(Candidate(order: order, block: blockIndex, bytes: bytes, size: length + 8))
                sectionBytes[slot] += length + 8
                order += 1
            }
        }
        var chosen: [Candidate] = []
        var used = 0
        var round = 0
        var added = true
        while added && used < budget {
            added = false
            for section in bySection where round < section.count {
                let sentence = section[round]
                if used + sentence.size > budget { continue }
                chosen.append(sentence)
                used += sentence.size
                added = true
            }
            round += 1
        }
        return chosen.sorted { $0.order < $1.order }.map { candidate in
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
