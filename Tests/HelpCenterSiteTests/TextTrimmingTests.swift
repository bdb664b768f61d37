import Foundation
import Testing

@testable import HelpCenterSite

@Suite("Trimming white space")
struct TextTrimmingTests {
    static let samples = [
        "", " ", "\t", "title", " title ", "\tTitle\t", "  two  words  ", "\n title \n", "\r\n", "\u{A0}nbsp\u{A0}",
        "\u{3000}全角\u{3000}", "\u{2003}em\u{2009}", "\u{85}next line\u{85}", "\u{2028}line\u{2029}", "\u{0B}\u{0C}",
        "é ", " ñ", "\u{200B}zero width\u{200B}", "a\u{301} ", " \u{301}a", "🙂 ", " x\n", "\u{1680}ogham",
    ]

    @Test("matches Foundation's .whitespaces on every sample", arguments: samples)
    func matchesWhitespaces(_ text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("matches Foundation's .whitespacesAndNewlines on every sample", arguments: samples)
    func matchesWhitespacesAndNewlines(_ text: String) {
        #expect(text.trimmingWhitespace(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("counts as white space exactly what Foundation's sets hold, for every scalar")
    func sameSetsAsFoundation() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(String.isWhitespace(scalar, newlines: false) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(String.isWhitespace(scalar, newlines: true) == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }
}
