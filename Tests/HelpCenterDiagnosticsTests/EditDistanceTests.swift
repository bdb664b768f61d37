import HelpCenterDiagnostics
import Testing

@Suite("Edit distance")
struct EditDistanceTests {
    @Test(
        "insertions, deletions and substitutions, each counting one",
        arguments: [
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("title", "title", 0), ("titel", "title", 2), ("updatd", "updated", 1),
            ("kitten", "sitting", 3), ("one-methd", "one-method", 1), ("backup-requird", "backup-required", 1), ("flaw", "lawn", 2),
        ])
    func distance(_ a: String, _ b: String, _ expected: Int) {
        #expect(EditDistance.between(Array(a), Array(b)) == expected)
        #expect(EditDistance.between(Array(b), Array(a)) == expected)
        #expect(EditDistance.between(Array(a.utf8), Array(b.utf8)) == expected)
    }

    @Test("characters and bytes differ for letters outside ASCII")
    func elements() {
        #expect(EditDistance.between(Array("tïtle"), Array("title")) == 1)
        #expect(EditDistance.between(Array("tïtle".utf8), Array("title".utf8)) == 2)
    }

    @Test(
        "with a limit: exact up to it, and above it once it must be exceeded",
        arguments: [
            ("kitten", "sitting", 3, 3), ("kitten", "sitting", 2, 3), ("abcdef", "uvwxyz", 1, 2), ("abc", "abd", 5, 1),
        ])
    func limited(_ a: String, _ b: String, _ limit: Int, _ expected: Int) {
        let distance = EditDistance.between(Array(a.utf8), Array(b.utf8), limit: limit)
        #expect(distance == expected)
        #expect((distance <= limit) == (EditDistance.between(Array(a), Array(b)) <= limit))
    }
}
