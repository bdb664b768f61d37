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
        for (position, sentence) in chosen(from: document).enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            let block = document.blocks[sentence.block]
            json.append(UInt8(ascii: "["))
            json.append(contentsOf: String(block.section ?? -1).utf8)
            json.append(UInt8(ascii: ","))
            if sentence.bytes.count > longestSentence {
                SearchJSON.appendString(cut(text(block.text, sentence.bytes)), to: &json)
            } else {
                SearchJSON.appendString(block.text, range: sentence.bytes, newlinesAsSpaces: true, to: &json)
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

    /// One section's sentences, found one at a time as the fragment asks for them: a long
    /// section's later sentences are never read. A section whose sentences so far reach the
    /// budget starts no further block, but still gives the rest of the block it is in.
    struct SectionSentences {
        /// The section's blocks (a section's blocks follow each other in the document).
        let blocks: Range<Int>
        private var block: Int
        /// Where the next sentence is looked for in `block`.
        private var offset = 0
        private var bytes = 0

        init(blocks: Range<Int>) {
            self.blocks = blocks
            block = blocks.lowerBound
        }

        mutating func next(in document: SearchDocument) -> Candidate? {
            // `offset` is 0 only before a block is started.
            while block < blocks.upperBound, offset > 0 || bytes < budget {
                let text = document.blocks[block].text
                let (found, after) = SearchFragment.sentence(in: text.utf8.span, from: offset)
                guard let range = found else {
                    block += 1
                    offset = 0
                    continue
                }
                offset = after
                let length = range.count > longestSentence ? cut(SearchFragment.text(text, range)).utf8.count : range.count
                bytes += length + 8
                return Candidate(block: block, bytes: range, size: length + 8)
            }
            return nil
        }
    }

    /// The sentences the fragment keeps, in document order: every section's first sentence
    /// first, then every section's second, and so on while the budget lasts, so that a long
    /// article's later sections still have their opening sentences.
    static func chosen(from document: SearchDocument) -> [Candidate] {
        // Each run of blocks under one heading is a section (the renderer gives a section's
        // blocks one after another).
        let blocks = document.blocks
        var sections: [SectionSentences] = []
        sections.reserveCapacity(document.headings.count + 1)
        var start = 0
        for index in blocks.indices {
            let endsSection = index + 1 == blocks.count || blocks[index + 1].section != blocks[index].section
            if endsSection {
                sections.append(SectionSentences(blocks: start..<index + 1))
                start = index + 1
            }
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

    /// The first sentence of a block's UTF-8 at or after `start`, as a byte range, and where to
    /// look for the one after it; nil when there is none. Sentences end after `.`, `?` or `!`
    /// followed by white space and are given without the white space around them; a stretch
    /// without a letter is not a sentence. The ranges start and end at ASCII bytes, so each is
    /// valid UTF-8. Works on the bytes (every article's sections pass through here).
    static func sentence(in bytes: Span<UInt8>, from start: Int) -> (range: Range<Int>?, next: Int) {
        var start = start
        while true {
            let end = sentenceEnd(in: bytes, from: start)
            if (start..<end).contains(where: { bytes[$0] >= 0x80 || (bytes[$0] | 0x20) &- 0x61 < 26 }) {
                var lower = start
                var upper = end
                while lower < upper && isSpace(bytes[lower]) { lower += 1 }
                while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
                return (lower..<upper, min(end + 1, bytes.count))
            }
            guard end < bytes.count else { return (nil, bytes.count) }
            start = end + 1
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Where the sentence from `start` ends: the first position from `start` that is a space,
    /// tab or line feed right after `.`, `?` or `!`, or the end of the text. The ends are
    /// looked for eight bytes at a time (`ByteChunks`): this pass reads every chosen section of
    /// every article, and byte by byte it was 291 of a build's 21,724 samples (perf, 10,000
    /// articles); eight bytes at a time, about 140.
    static func sentenceEnd(in bytes: Span<UInt8>, from start: Int) -> Int {
        // The position of a `.`, `?` or `!` that may end the sentence (one just before `start`
        // ends an empty one).
        var mark = max(start - 1, 0)
        while mark + 1 < bytes.count {
            if mark + 8 <= bytes.count {
                let chunk = ByteChunks.load(bytes, mark)
                let marks = ByteChunks.equal(chunk, 0x2E) | ByteChunks.equal(chunk, 0x3F) | ByteChunks.equal(chunk, 0x21)
                guard marks != 0 else {
                    mark += 8
                    continue
                }
                mark += marks.trailingZeroBitCount >> 3
            } else if bytes[mark] != 0x2E && bytes[mark] != 0x3F && bytes[mark] != 0x21 {
                mark += 1
                continue
            }
            guard mark + 1 < bytes.count else { break }
            let after = bytes[mark + 1]
            if after == 0x20 || after == 0x0A || after == 0x09 { return mark + 1 }
            mark += 1
        }
        return bytes.count
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
