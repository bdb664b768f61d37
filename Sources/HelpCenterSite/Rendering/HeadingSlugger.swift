/// Gives headings stable, unique ids in the GitHub style (`## Set up 2FA` → `set-up-2fa`),
/// numbering repeats (`faq`, `faq-1`, `faq-2`) and avoiding ids the page already uses.
public struct HeadingSlugger: Sendable {
    /// Ids the page uses besides its headings'. Kept apart from `used`: starting `used` as a
    /// copy of this shared set copied and regrew it for every article (about 0.5 % of the
    /// 10,000-article build, perf).
    private let reserved: Set<String>
    private var used: Set<String> = []
    /// The next suffix to try for each repeated base: ids are only ever added, so the first
    /// free suffix never goes down, and 100,000 headings named alike take linear time.
    private var nextSuffix: [String: Int] = [:]

    public init(reserved: Set<String> = []) {
        self.reserved = reserved
        used.reserveCapacity(16)
    }

    public mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        var suffix = nextSuffix[base] ?? 1
        while used.contains(candidate) || reserved.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        if candidate != base { nextSuffix[base] = suffix }
        used.insert(candidate)
        return candidate
    }

    /// Lower-cased; letters, digits, `-` and `_` kept; spaces become `-`; everything else dropped.
    public static func baseSlug(_ text: String) -> String {
        isASCIIWithPunctuation(text) ? asciiSlug(text) : characterSlug(text)
    }

    /// The rules character by character (any script).
    static func characterSlug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Whether the text is ASCII apart from General Punctuation (U+2000–U+206F: curly quotes,
    /// dashes, ellipses from smart punctuation), which holds no letters or digits and is
    /// dropped like other punctuation: such headings take the byte-by-byte path. The zero-width
    /// joiners (U+200C, U+200D) join the character before them, so they take the other path.
    static func isASCIIWithPunctuation(_ text: String) -> Bool {
        let bytes = text.utf8.span
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
            } else if bytes[index] == 0xE2, index + 2 < bytes.count,
                (bytes[index + 1] == 0x80 && bytes[index + 2] != 0x8C && bytes[index + 2] != 0x8D) || (bytes[index + 1] == 0x81 && bytes[index + 2] <= 0xAF)
            {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// The same rules for ASCII text (and General Punctuation, dropped), byte by byte.
    static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                bytes.append(byte + 32)
            case UInt8(ascii: " "):
                bytes.append(UInt8(ascii: "-"))
            default:
                continue
            }
        }
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }

    /// Marks an id as taken (an id the renderer made for something other than a heading).
    public mutating func reserve(_ id: String) {
        used.insert(id)
    }
}
