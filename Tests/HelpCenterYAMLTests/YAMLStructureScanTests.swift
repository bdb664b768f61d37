import HelpCenterYAML
import Testing

/// The pre-parse scan refuses only hostile structure, never ordinary scenario YAML.
@Suite("YAML structure scan")
struct YAMLStructureScanTests {
    let scan = YAMLStructureScan(maximumNesting: 8)

    @Test(
        "ordinary YAML passes",
        arguments: [
            "scenarios:\n  - name: \"brackets [in {quotes}]: fine\"\n",
            "name: 'it''s [fine]'\n",
            "name: plain text [with brackets\n",
            "# a comment with [[[[[[[[[[ and ? and *alias:\nkey: value\n",
            "text: |\n  [[[[[[[[[[[[\n  ? x\n  *a : b\nnext: 1\n",
            "a: &x {b: 1}\nc: *x\nd: [*x, *x]\n",
            "{a: [1, 2], b: {c: d}}\n",
            "a: \"multi\n  line [ string\"\nb: 1\n",
            "url: http://example.com:80/x\n",
            "list:\n- a\n- b\n",
        ])
    func passes(text: String) throws {
        try scan.check(text)
    }

    @Test(
        "hostile structure is refused with its position",
        arguments: [
            ("[[[[[[[[[1]]]]]]]]]\n", 1, 8, "nests more than 8 levels"),
            ("- - - - - - - - - x\n", 1, 1, "nests more than 8 levels"),
            ("a:\n  ? complex\n  : value\n", 2, 3, "explicit mapping key"),
            ("a: &x [1]\n*x : 2\n", 2, 1, "an alias is used as a mapping key"),
            ("[a, b]: c\n", 1, 6, "a list or map is used as a mapping key"),
            ("{x: {[1]: 2}}\n", 1, 8, "a list or map is used as a mapping key"),
            // Found by fuzzing: inside a flow collection `?` needs no blank after it, and an
            // alias name ends at the first character that is not a letter, digit, `-` or `_`.
            ("a: &a [x]\nb: [*a, ?*a, *a]\n", 2, 9, "explicit mapping key"),
            ("a: &a [x]\nb: [*a:x]\n", 2, 5, "an alias is used as a mapping key"),
            ("a: &a [x]\nb: {*a : x}\n", 2, 5, "an alias is used as a mapping key"),
        ])
    func refused(text: String, line: Int, column: Int, message: String) {
        #expect {
            try scan.check(text)
        } throws: { error in
            guard let problem = error as? YAMLInputProblem else { return false }
            return problem.line == line && problem.column == column && problem.message.contains(message)
        }
    }
}
