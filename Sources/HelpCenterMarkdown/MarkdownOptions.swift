/// How Markdown is parsed and, in strict mode, rendered.
public struct MarkdownOptions: Sendable, Equatable {
    /// Curly quotes, dashes and ellipses (`--smart` in cmark-gfm). Used in site mode.
    public var smartPunctuation: Bool
    /// Render raw HTML and unsafe URLs as they are (strict mode only, like `cmark-gfm --unsafe`).
    public var unsafe: Bool
    /// Replace invalid UTF-8 with U+FFFD instead of trusting the input.
    public var validateUTF8: Bool

    public init(smartPunctuation: Bool = false, unsafe: Bool = false, validateUTF8: Bool = true) {
        self.smartPunctuation = smartPunctuation
        self.unsafe = unsafe
        self.validateUTF8 = validateUTF8
    }

    /// The options the generator uses for help articles. The text comes from a Swift string,
    /// which is valid UTF-8 by construction, so libcmark-gfm need not check it again.
    public static let site = MarkdownOptions(smartPunctuation: true, validateUTF8: false)

    /// The GFM extensions enabled for every parse, as named by libcmark-gfm
    /// (footnotes are a parser option in this version of the library, enabled too).
    public static let gfmExtensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
}
