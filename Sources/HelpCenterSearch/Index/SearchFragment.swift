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

    /// The sentences the fragment keeps, in document order: every section's first sentence
    /// first, then every section's second, and so on while the budget lasts, so that a long
    /// article's later sections still have their opening sentences.
    static func sentences(of document: SearchDocument) -> [SearchDocument.Block] {
        var bySection: [[(order: Int, block: SearchDocument.Block)]] = []
        var sectionBytes: [Int] = []
        var sectionSlot: [Int: Int] = [:]
        var order = 0
        for block in document.blocks {
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
            for sentence in split(block.text) {
                bySection[slot].append((order, SearchDocument.Block(section: block.section, text: sentence)))
                sectionBytes[slot] += sentence.utf8.count + 8
                order += 1
            }
        }
        var chosen: [(order: Int, block: SearchDocument.Block)] = []
        var used = 0
        var round = 0
        var added = true
        while added && used < budget {
            added = false
            for section in bySection where round < section.count {
                let sentence = section[round]
                let size = sentence.block.text.utf8.count + 8
                if used + size > budget { continue }
                chosen.append(sentence)
                used += size
                added = true
            }
            round += 1
        }
        return chosen.sorted { $0.order < $1.order }.map(\.block)
    }

    /// A block's sentences: split after `.`, `?` or `!` followed by white space; sentences
    /// without a letter dropped, long ones cut. Works on the UTF-8 bytes (the whole body of
    /// every article passes through here).
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var hasLetter = false
            func emit(_ end: Int) {
                if hasLetter, let sentence = String(validating: bytes[start..<end], as: UTF8.self) {
                    let trimmed = sentence.trimmingSpaces
                    if !trimmed.isEmpty { sentences.append(cut(trimmed)) }
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
        return sentences
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

extension String {
    /// Without leading and trailing spaces and line breaks; inner line breaks become spaces.
    var trimmingSpaces: String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        let trimmed = String(self[first...last])
        return trimmed.utf8.contains(0x0A) ? String(decoding: trimmed.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self) : trimmed
    }
}
