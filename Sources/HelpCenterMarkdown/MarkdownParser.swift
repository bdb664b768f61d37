import CCmarkGFM
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bridge to libcmark-gfm: the only Swift file that sees the C library.
///
/// It parses with the GFM extensions and either copies the tree into `MarkdownNode` values
/// or, in strict mode, returns exactly what libcmark-gfm's own HTML renderer prints.
/// Every C object is freed before the function returns.
public enum MarkdownParser {
    /// Parses Markdown into a Swift tree, refusing a document over `limits` with the place
    /// where it goes over (see `MarkdownLimits`).
    public static func parse(
        _ markdown: String, options: MarkdownOptions = .site, limits: MarkdownLimits = .standard
    ) throws(MarkdownLimitExceeded) -> MarkdownNode {
        try parse(markdown, options: options, limits: limits, arena: useArena)
    }

    /// `parse` with the allocator chosen: the arena, or the system allocator (as with
    /// `HELPCENTER_PARSE_ARENA=off`), so that tests see both give the same tree.
    static func parse(
        _ markdown: String, options: MarkdownOptions = .site, limits: MarkdownLimits = .standard, arena: Bool
    ) throws(MarkdownLimitExceeded) -> MarkdownNode {
        try MarkdownInputScan(limits: limits).check(markdown.utf8.span)
        let columns = SourceColumns(markdown)
        let copied: Result<MarkdownTree, MarkdownLimitExceeded> = withParsedDocument(markdown, options: options, arena: arena) { document, _ in
            // Adjacent text nodes ("[", "!NOTE", "]") are already one: `cmark_parser_finish`
            // consolidates them before the extensions' post-processing, which only splits a
            // text around the autolinks it finds.
            var copier = TreeCopier(columns: columns, maximumNesting: limits.maximumNesting)
            copier.builder.entries.reserveCapacity(256)
            copier.builder.text.reserveCapacity(markdown.utf8.count)
            return copier.copy(document)
        }
        return try MarkdownNode(tree: copied.get(), index: 0)
    }

    /// Renders Markdown to HTML with libcmark-gfm's own renderer, byte for byte what the
    /// `cmark-gfm` program prints with the same options and the GFM extensions.
    /// Only the size and table limits apply: libcmark-gfm's own renderer walks the tree
    /// without recursion, so nesting costs it nothing.
    public static func renderStrictHTML(
        _ markdown: String, options: MarkdownOptions, limits: MarkdownLimits = .standard
    ) throws(MarkdownLimitExceeded) -> String {
        try MarkdownInputScan(limits: limits).check(markdown.utf8.span)
        return withParsedDocument(markdown, options: options) { document, parser in
            guard let html = cmark_render_html(document, cmarkOptions(options), cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { free(html) }
            return String(cString: html)
        }
    }

    // MARK: - Parsing

    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Whether tree-copying parses allocate from `ParseArena`. `HELPCENTER_PARSE_ARENA=off`
    /// switches to the system allocator, so that AddressSanitizer sees each of libcmark-gfm's
    /// allocations (the fuzzers run both ways; docs/fuzzing.md).
    private static let useArena: Bool = {
        guard let value = getenv("HELPCENTER_PARSE_ARENA") else { return true }
        return String(cString: value) != "off"
    }()

    /// Whether parses may finish side by side (see `SpecialCharacters`); otherwise one
    /// `cmark_parser_finish` runs at a time.
    private static let finishesInParallel: Bool = SpecialCharacters.fillTableOnce()

    /// Whether this process's parses finish side by side (for tests and diagnostics).
    static var finishesSideBySide: Bool { finishesInParallel }
    private static let finishLock = NSLock()

    private static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafe { flags |= CMARK_OPT_UNSAFE }
        if options.validateUTF8 { flags |= CMARK_OPT_VALIDATE_UTF8 }
        return flags
    }

    /// Parses `markdown` and hands the document and parser to `body`. With `arena`, the parse
    /// allocates from the thread's `ParseArena` and nothing outlives `body`: the memory goes
    /// back at once instead of node by node. The strict renderer's output is freed with
    /// `free`, so it uses the system allocator.
    private static func withParsedDocument<Output>(
        _ markdown: String, options: MarkdownOptions, arena: Bool = false,
        _ body: (OpaquePointer, OpaquePointer) -> Output
    ) -> Output {
        precondition(extensionsRegistered)
        let flags = cmarkOptions(options)
        let inArena = arena && ParseArena.begin()
        defer { if inArena { ParseArena.end() } }
        // libcmark-gfm keeps a pointer to its allocator in the parser and every node, so the
        // allocator lives on this stack frame for the whole parse.
        var arenaAllocator = cmark_mem(
            calloc: { ParseArena.allocateZeroed($0, $1) },
            realloc: { ParseArena.reallocate($0, $1) },
            free: { ParseArena.release($0) })
        return withUnsafeMutablePointer(to: &arenaAllocator) { allocator in
            guard let parser = inArena ? cmark_parser_new_with_mem(flags, allocator) : cmark_parser_new(flags) else {
                preconditionFailure("libcmark-gfm could not allocate a parser")
            }
            defer { cmark_parser_free(parser) }
            attachExtensions(to: parser)
            var text = markdown
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            // Inline parsing happens in `cmark_parser_finish`, which adds the extensions' special
            // characters (`~`, `:`, `w`, `@`) to a table shared by the whole process and takes
            // them out again when done: two finishes at once would take them from each other,
            // unless the table is filled once for all (`SpecialCharacters`).
            let parallel = finishesInParallel
            if !parallel { finishLock.lock() }
            let finished = cmark_parser_finish(parser)
            if !parallel { finishLock.unlock() }
            guard let document = finished else {
                preconditionFailure("libcmark-gfm returned no document")
            }
            // In the arena the tree goes with the arena's blocks; walking it to free each node
            // would only call the arena's `free`, which does nothing.
            defer { if !inArena { cmark_node_free(document) } }
            return body(document, parser)
        }
    }

    /// Attaches the GFM extensions every parse here uses (`MarkdownOptions.gfmExtensions`).
    static func attachExtensions(to parser: OpaquePointer) {
        for name in MarkdownOptions.gfmExtensions {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
    }

    // MARK: - Copying the tree

    /// Copies libcmark-gfm's tree into a `MarkdownTree` without recursion (a document may
    /// nest tens of thousands of levels before the limit refuses it), in the order the tree
    /// stores nodes: a node's children side by side, then each child's subtree in turn.
    private struct TreeCopier {
        let columns: SourceColumns
        let maximumNesting: Int
        var builder = MarkdownTree.Builder()
        /// Each line's start, made when a later line of a block in a list item or a quote needs it.
        var lineStarts: [Int]?

        mutating func copy(_ document: OpaquePointer) -> Result<MarkdownTree, MarkdownLimitExceeded> {
            append(document, block: nil)
            // Nodes whose children are still to be copied: (node, its entry, its depth, where
            // the block its inlines are in starts).
            var pending: [(node: OpaquePointer, entry: Int, depth: Int, block: BlockStart?)] = [(document, 0, 0, nil)]
            while let (node, entry, depth, outer) = pending.popLast() {
                guard let first = cmark_node_first_child(node) else { continue }
                // The block whose text the children are: the node, or the block around it.
                let block = Self.isInline(node) ? outer : BlockStart(node)
                if depth + 1 > maximumNesting {
                    let (line, column) = position(of: first)
                    return .failure(
                        MarkdownLimitExceeded(
                            "the Markdown nests more than \(maximumNesting) levels deep here (block quotes, lists, emphasis and links inside one another); flatten it",
                            line: line, column: column))
                }
                let start = builder.entries.count
                var child: OpaquePointer? = first
                while let current = child {
                    append(current, block: block)
                    child = cmark_node_next(current)
                }
                let count = builder.entries.count - start
                builder.entries[entry].childStart = start
                builder.entries[entry].childCount = count
                // Last child first onto the stack, so the first child's subtree is copied next.
                var offset = count - 1
                child = cmark_node_last_child(node)
                while let current = child {
                    pending.append((current, start + offset, depth + 1, block))
                    offset -= 1
                    child = cmark_node_previous(current)
                }
            }
            return .success(builder.finish())
        }

        /// Whether libcmark-gfm's node is an inline (text, emphasis, link…: the type's high bits).
        static func isInline(_ node: OpaquePointer) -> Bool {
            cmark_node_get_type(node).rawValue & 0xC000 == 0xC000
        }

        /// Where a block whose inlines are copied starts (read once for all its inlines).
        struct BlockStart {
            var line: Int
            var column: Int
            init(_ node: OpaquePointer) {
                line = Int(cmark_node_get_start_line(node))
                column = Int(cmark_node_get_start_column(node))
            }
        }

        /// The node's line and column; `block` is where the block an inline is in starts (see
        /// `SourceColumns.inlineByteColumn`). Only the later lines of a block inside a list item
        /// or a quote are read again: a top-level paragraph's line that is indented (rare in
        /// Markdown) keeps libcmark-gfm's column, short by its indentation, so that the line
        /// table is made only for documents that have such blocks (every inline of every
        /// article passes through here: 0.8 % of the 10,000-article build when every block's
        /// later lines were read).
        mutating func position(of node: OpaquePointer, block: BlockStart? = nil) -> (line: Int, column: Int) {
            let line = Int(cmark_node_get_start_line(node))
            var byteColumn = Int(cmark_node_get_start_column(node))
            if let block, block.column > 1, line > block.line, Self.isInline(node) {
                // The line table is made once, for the first such line of the document.
                let starts = lineStarts ?? columns.allLineStarts()
                lineStarts = starts
                if line <= starts.count {
                    byteColumn = columns.inlineByteColumn(lineStart: starts[line - 1], byteColumn: byteColumn, blockColumn: block.column)
                }
            }
            return (line, columns.column(line: line, byteColumn: byteColumn))
        }

        /// Appends one node; a text, code span or inline HTML keeps its text as bytes.
        mutating func append(_ node: OpaquePointer, block: BlockStart?) {
            let (line, column) = position(of: node, block: block)
            let literal: MarkdownLiteral?
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: literal = .text
            case CMARK_NODE_CODE: literal = .code
            case CMARK_NODE_HTML_INLINE: literal = .htmlInline
            default: literal = nil
            }
            guard let literal else {
                builder.entries.append(MarkdownTree.Entry(kind: MarkdownParser.kind(of: node), line: line, column: column))
                return
            }
            let pointer = cmark_node_get_literal(node)
            let bytes = pointer.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }
            builder.append(literal, bytes: UnsafeBufferPointer(start: bytes, count: pointer.map { strlen($0) } ?? 0), line: line, column: column)
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// The node types the GFM extensions register at run time, learnt once from a sample
    /// document (their values depend on the order of registration).
    private struct ExtensionTypes {
        var table: UInt32 = 0
        var tableRow: UInt32 = 0
        var tableCell: UInt32 = 0
        var strikethrough: UInt32 = 0
    }

    private static let extensionTypes: ExtensionTypes = withParsedDocument("| a |\n| - |\n| b |\n\n~~c~~\n", options: .site) { document, _ in
        var types = ExtensionTypes()
        guard let iterator = cmark_iter_new(document) else { return types }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node).rawValue
            switch string(cmark_node_get_type_string(node)) {
            case "table": types.table = type
            case "table_row", "table_header": types.tableRow = type
            case "table_cell": types.tableCell = type
            case "strikethrough": types.strikethrough = type
            default: break
            }
        }
        return types
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNodeKind {
        let type = cmark_node_get_type(node)
        let literal = { string(cmark_node_get_literal(node)) }
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            // Task-list items are items with the tasklist extension attached.
            guard cmark_node_get_syntax_extension(node) != nil else { return .item(task: nil) }
            return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal())
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal())
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text(literal())
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal())
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal())
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(number: literal())
        default:
            break
        }
        let types = extensionTypes
        switch type.rawValue {
        case types.table: return .table(alignments: tableAlignments(node))
        case types.tableRow: return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        case types.tableCell: return .tableCell
        case types.strikethrough: return .strikethrough
        default:
            // Custom nodes never come out of the parser; keep their children as a paragraph-less group.
            return .paragraph
        }
    }

    private static func tableAlignments(_ node: OpaquePointer) -> [MarkdownTableAlignment] {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        guard columns > 0, let raw = cmark_gfm_extensions_get_table_alignments(node) else { return [] }
        return (0..<columns).map { index in
            switch UInt8(raw[index]) {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
    }
}

/// libcmark-gfm keeps the characters that start an extension's inline syntax (`~` for
/// strikethrough, `:` and `w` for autolinks) in one table for the whole process:
/// `cmark_parser_finish` calls `cmark_manage_extensions_special_characters` to add them before
/// it parses inlines and again to take them out afterwards, so two parses on two threads take
/// them from each other and one loses its strikethrough or autolinks (upstream: github/cmark-gfm
/// pull request 176).
///
/// The library calls that function through its procedure linkage table, so the definition
/// below, exported by this program, is the one it reaches (ELF symbol interposition). It does
/// nothing: the table is filled once, by the library's own function (found with `dlsym`), for
/// a parser with every extension this program uses, and stays filled. Every parse here
/// attaches those same extensions, so each sees the table it would have filled itself, and
/// finishes run side by side without a lock. A character in the table only makes the inline
/// parser stop and ask the extensions. If the library does not reach this definition (another
/// build of it), `fillTableOnce` sees so and parses keep finishing one at a time.
enum SpecialCharacters {
    /// Set while `fillTableOnce` checks that the library reaches the replacement; only then
    /// does the replacement set `replacementReached`.
    static let probing = Atomic(false)
    static let replacementReached = Atomic(false)

    /// Fills the table; true when parses may now finish in parallel.
    static func fillTableOnce() -> Bool {
        typealias Manage = @convention(c) (OpaquePointer?, Int32) -> Void
        guard let next = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "cmark_manage_extensions_special_characters") else {
            return false
        }
        let libraryManage = unsafeBitCast(next, to: Manage.self)
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_parser_free(parser) }
        MarkdownParser.attachExtensions(to: parser)
        probing.store(true, ordering: .sequentiallyConsistent)
        cmark_parser_feed(parser, "~~a~~\n", 6)
        let document = cmark_parser_finish(parser)
        probing.store(false, ordering: .sequentiallyConsistent)
        if let document { cmark_node_free(document) }
        guard replacementReached.load(ordering: .sequentiallyConsistent) else { return false }
        libraryManage(parser, 1)
        return true
    }
}

@_cdecl("cmark_manage_extensions_special_characters")
public func helpCenterManageExtensionsSpecialCharacters(_ parser: OpaquePointer?, _ add: Int32) {
    if SpecialCharacters.probing.load(ordering: .relaxed) {
        SpecialCharacters.replacementReached.store(true, ordering: .sequentiallyConsistent)
    }
}
