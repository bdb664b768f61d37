import Foundation
import HelpCenterConcurrency

/// Turns the collected postings into the index's files: the words grouped by stem, each
/// stem's postings merged, and both laid out in term shards by prefix (`SearchShardPlan`).
struct SearchIndexBuilder {
    /// A stem's postings beyond this many keep only the strongest (by weighted count over
    /// length): such a stem is in most articles, adds little to a score, and would otherwise make
    /// its shard larger than a query's whole budget.
    static let maximumPostings = 1_500
    /// A shard is split by one more character of its prefix while it is larger than this.
    static let shardLimit = 16_000

    struct Stem {
        var postings: [UInt8]
        var documentCount: Int
    }

    /// surface word → its stem.
    var surfaces: [(word: String, stem: String)]
    var stems: [String: Stem]
    var documentCount: Int
    var averageLength: Double

    /// Takes the words' postings over, freeing each word's list as its stem is made, so that
    /// the raw and the encoded postings are never all in memory at once.
    init(words: consuming [(word: String, postings: [UInt32])], stems stemOfWord: [String], documentCount: Int, averageLength: Double) {
        var wordsOfStem: [String: [Int]] = [:]
        var surfaces: [(word: String, stem: String)] = []
        surfaces.reserveCapacity(words.count)
        for (position, entry) in words.enumerated() {
            surfaces.append((entry.word, stemOfWord[position]))
            wordsOfStem[stemOfWord[position], default: []].append(position)
        }
        // Each stem's postings gathered (taking the words' lists over), then merged, cut and
        // encoded on all cores.
        var gathered: [(stem: String, postings: [UInt32])] = []
        gathered.reserveCapacity(wordsOfStem.count)
        for (stem, positions) in wordsOfStem {
            var postings: [UInt32]
            if positions.count == 1 {
                postings = words[positions[0]].postings
            } else {
                postings = []
                postings.reserveCapacity(positions.reduce(0) { $0 + words[$1].postings.count })
                for position in positions { postings += words[position].postings }
            }
            for position in positions { words[position].postings = [] }
            gathered.append((stem, postings))
        }
        let encoded = parallelMap(gathered) { entry -> Stem in
            let merged = Self.merge(entry.postings)
            return Stem(postings: SearchPosting.encode(Self.strongest(merged)), documentCount: merged.count)
        }
        var stems: [String: Stem] = [:]
        stems.reserveCapacity(gathered.count)
        for (entry, stem) in zip(gathered, encoded) { stems[entry.stem] = stem }
        self.surfaces = surfaces + Self.withoutAccents(surfaces)
        self.stems = stems
        self.documentCount = documentCount
        self.averageLength = averageLength
    }

    /// The accent-free form of each word written with accents (`recuperation` for
    /// `récupération`), pointing to the same stem, so that a reader who types without accents
    /// finds the word as if typed with them (typo tolerance allows one edit, and a French word
    /// often has two accents). A form that is a word of the site itself, or that an earlier
    /// word (in sorted order) already gave, is left as it is.
    static func withoutAccents(_ surfaces: [(word: String, stem: String)]) -> [(word: String, stem: String)] {
        var known = Set(surfaces.map(\.word))
        var plain: [(word: String, stem: String)] = []
        for surface in surfaces.sorted(by: { $0.word < $1.word }) where surface.word.utf8.contains(where: { $0 >= 0x80 }) {
            let folded = surface.word.folding(options: .diacriticInsensitive, locale: nil)
            if folded != surface.word, known.insert(folded).inserted { plain.append((folded, surface.stem)) }
        }
        return plain
    }

    /// Sorted by document, one posting per document (a stem's surface words in one article add
    /// up: weights summed, fields joined).
    static func merge(_ postings: consuming [UInt32]) -> [UInt32] {
        postings.sort()
        let sorted = postings
        var merged: [UInt32] = []
        merged.reserveCapacity(sorted.count)
        for posting in sorted {
            if let last = merged.last, last >> 12 == posting >> 12 {
                let weight = min(UInt32(SearchPosting.maximumWeight), (last >> 6 & 63) + (posting >> 6 & 63))
                merged[merged.count - 1] = last & ~(63 << 6) | weight << 6 | (posting & (3 << 4))
            } else {
                merged.append(posting)
            }
        }
        return merged
    }

    /// At most `maximumPostings`, the strongest, in document order.
    /// Strength is the weighted count over the quantised length (`weight / (1 + length / 4)`),
    /// ties kept in document order. Postings are sorted by document, so this needs no sort:
    /// count the postings of each strength's rank (`strengthRanks`, strongest first), find the
    /// rank at which `maximumPostings` is reached, and keep, in order, every posting stronger than
    /// it and the first of those at it.
    static func strongest(_ postings: [UInt32]) -> [UInt32] {
        guard postings.count > maximumPostings else { return postings }
        let ranks = strengthRanks
        func rank(_ posting: UInt32) -> Int { Int(ranks[Int(posting >> 2 & 0x3F0 | posting & 15)]) }
        var counts = [Int](repeating: 0, count: Int(ranks.max() ?? 0) + 1)
        for posting in postings { counts[rank(posting)] += 1 }
        var threshold = 0
        var stronger = 0
        while stronger + counts[threshold] < maximumPostings {
            stronger += counts[threshold]
            threshold += 1
        }
        var atThreshold = maximumPostings - stronger
        var kept: [UInt32] = []
        kept.reserveCapacity(maximumPostings)
        for posting in postings {
            let postingRank = rank(posting)
            if postingRank < threshold {
                kept.append(posting)
            } else if postingRank == threshold && atThreshold > 0 {
                kept.append(posting)
                atThreshold -= 1
            }
        }
        return kept
    }

    /// The rank of each (weighted count, quantised length) pair's strength, 0 the strongest;
    /// equal strengths share a rank. Indexed by `weight << 4 | length`.
    static let strengthRanks: [UInt16] = {
        func strength(_ pair: Int) -> Double { Double(pair >> 4) / (1 + Double(pair & 15) / 4) }
        let pairs = (0..<64 * 16).sorted { strength($0) > strength($1) }
        var ranks = [UInt16](repeating: 0, count: pairs.count)
        var rank: UInt16 = 0
        for (position, pair) in pairs.enumerated() {
            if position > 0 && strength(pair) != strength(pairs[position - 1]) { rank += 1 }
            ranks[pair] = rank
        }
        return ranks
    }()

    /// The manifest and the shards, as `(name, script)`.
    func files(settings: SearchSettings, stopWords: Set<String>, elisions: Set<String> = []) -> [(name: String, bytes: [UInt8])] {
        var sizes: [(key: String, size: Int)] = []
        for surface in surfaces { sizes.append((surface.word, surface.word.utf8.count + (surface.word == surface.stem ? 1 : surface.stem.utf8.count + 2) + 4)) }
        for (stem, entry) in stems { sizes.append((stem, stem.utf8.count + entry.postings.count + 12)) }
        let plan = SearchShardPlan(sizes, limit: Self.shardLimit)

        var shardSurfaces: [String: [(word: String, stem: String)]] = [:]
        for surface in surfaces { shardSurfaces[plan.shard(for: surface.word), default: []].append(surface) }
        var shardStems: [String: [String]] = [:]
        for stem in stems.keys { shardStems[plan.shard(for: stem), default: []].append(stem) }

        var files: [(name: String, bytes: [UInt8])] = [("manifest.js", manifest(plan: plan, settings: settings, stopWords: stopWords, elisions: elisions))]
        for prefix in plan.prefixes {
            var json = Array("window.HelpCenterSearch&&HelpCenterSearch.loaded(\"t-".utf8)
            json.append(contentsOf: SearchShardPlan.fileKey(prefix).utf8)
            json.append(contentsOf: "\",{\"w\":{".utf8)
            for (position, surface) in (shardSurfaces[prefix] ?? []).sorted(by: { $0.word < $1.word }).enumerated() {
                if position > 0 { json.append(UInt8(ascii: ",")) }
                SearchJSON.appendString(surface.word, to: &json)
                json.append(UInt8(ascii: ":"))
                if surface.word == surface.stem { json.append(UInt8(ascii: "1")) } else { SearchJSON.appendString(surface.stem, to: &json) }
            }
            json.append(contentsOf: "},\"s\":{".utf8)
            for (position, stem) in (shardStems[prefix] ?? []).sorted().enumerated() {
                guard let entry = stems[stem] else { continue }
                if position > 0 { json.append(UInt8(ascii: ",")) }
                SearchJSON.appendString(stem, to: &json)
                json.append(contentsOf: ":[\(entry.documentCount),\"".utf8)
                json += entry.postings
                json.append(contentsOf: "\"]".utf8)
            }
            json.append(contentsOf: "}});\n".utf8)
            files.append(("t-" + SearchShardPlan.fileKey(prefix) + ".js", json))
        }
        return files
    }

    func manifest(plan: SearchShardPlan, settings: SearchSettings, stopWords: Set<String>, elisions: Set<String>) -> [UInt8] {
        var json = Array("window.HelpCenterSearch&&HelpCenterSearch.loaded(\"manifest\",{\"version\":1,\"language\":".utf8)
        SearchJSON.appendString(settings.language, to: &json)
        json.append(contentsOf: ",\"documents\":\(documentCount),\"averageLength\":\((averageLength * 10).rounded() / 10)".utf8)
        json.append(contentsOf: ",\"weights\":{\"title\":\(SearchDocument.FieldWeight.title),\"heading\":\(SearchDocument.FieldWeight.heading)}".utf8)
        func list(_ items: [String]) {
            json.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { json.append(UInt8(ascii: ",")) }
                SearchJSON.appendString(item, to: &json)
            }
            json.append(UInt8(ascii: "]"))
        }
        json.append(contentsOf: ",\"shards\":".utf8)
        list(plan.prefixes)
        json.append(contentsOf: ",\"stopWords\":".utf8)
        list(stopWords.sorted())
        if !elisions.isEmpty {
            json.append(contentsOf: ",\"elisions\":".utf8)
            list(elisions.sorted())
        }
        json.append(contentsOf: ",\"synonyms\":[".utf8)
        for (position, group) in settings.synonyms.enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            list(group.map { $0.lowercased() })
        }
        json.append(contentsOf: "]});\n".utf8)
        return json
    }
}
