/// Gives headings stable, unique ids in the GitHub style (`## Set up 2FA` → `set-up-2fa`),
/// numbering repeats (`faq`, `faq-1`, `faq-2`) and avoiding ids the page already uses.
public struct HeadingSlugger: Sendable {
    private var used: Set<String>

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func slug(for text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        var suffix = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Lower-cased; letters, digits, `-` and `_` kept; spaces become `-`; everything else dropped.
    public static func baseSlug(_ text: String) -> String {
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

    /// Marks an id as taken (an id the renderer made for something other than a heading).
    public mutating func reserve(_ id: String) {
        used.insert(id)
    }
}
