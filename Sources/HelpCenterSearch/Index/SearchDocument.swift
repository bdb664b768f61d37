/// What the search index needs from one article, as its page is rendered: its title, address,
/// collection, description, headings and body text by section. Kept only while the article's
/// page is rendered: its words go into a `SearchIndexAccumulator` and its fragment
/// (`fragmentScript`) is written beside its page.
public struct SearchDocument: Sendable, Equatable {
    public struct Heading: Sendable, Equatable {
        public var id: String
        public var text: String
        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// A block of body text (a paragraph, list item, table cell…) and the heading it is under
    /// (an index into `headings`; nil before the first heading).
    public struct Block: Sendable, Equatable {
        public var section: Int?
        public var text: String
        public init(section: Int?, text: String) {
            self.section = section
            self.text = text
        }
    }

    public var title: String
    /// The page's address from the site root (`collection/article/`).
    public var path: String
    public var collection: String
    public var description: String
    public var headings: [Heading]
    /// In document order, so a section's blocks follow each other (the fragment takes each run
    /// of blocks under one heading as a section).
    public var blocks: [Block]
    /// Words that count like the description's but are not shown (the article's tags).
    public var keywords: [String] = []

    public init(title: String, path: String, collection: String, description: String, headings: [Heading], blocks: [Block]) {
        self.title = title
        self.path = path
        self.collection = collection
        self.description = description
        self.headings = headings
        self.blocks = blocks
    }

    /// How much more a word counts in each field than in the body (BM25F-style weights: a
    /// word's weighted count is the sum of its counts times these).
    public enum FieldWeight {
        public static let title = 6
        public static let heading = 3
        public static let description = 2
        public static let body = 1
    }

    /// Each distinct indexed word (stop words left out) with its weighted count and whether it
    /// occurs in the title or a heading, and the document's length in indexed words.
    public func terms(language: SearchLanguage) -> (terms: [String: SearchTerm], length: Int) {
        let counter = count(language: language)
        var terms: [String: SearchTerm] = [:]
        for entry in counter.words {
            terms[String(decoding: counter.word(entry), as: UTF8.self)] = SearchTerm(weightedCount: Int(entry.weight), fields: entry.fields)
        }
        return (terms, counter.length)
    }

    /// The words counted by field, by hash (see `SearchTermCounter`).
    func count(language: SearchLanguage) -> SearchTermCounter {
        var counter = SearchTermCounter(seed: language.counterSeed, elisions: language.elisionBytes)
        counter.add(title, weight: FieldWeight.title, field: .title)
        counter.add(description, weight: FieldWeight.description, field: [])
        for keyword in keywords { counter.add(keyword, weight: FieldWeight.description, field: []) }
        for heading in headings { counter.add(heading.text, weight: FieldWeight.heading, field: .heading) }
        for block in blocks { counter.add(block.text, weight: FieldWeight.body, field: []) }
        return counter
    }
}

/// A word's weighted count in one document and the fields it occurs in.
public struct SearchTerm: Sendable, Equatable {
    public struct Fields: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let title = Fields(rawValue: 1)
        public static let heading = Fields(rawValue: 2)
    }
    public var weightedCount = 0
    public var fields: Fields = []

    mutating func add(weight: Int, field: Fields) {
        weightedCount += weight
        fields.formUnion(field)
    }
}
