import HelpCenterDiagnostics

/// Reads the simple front matter most articles have (`key: value` lines with plain or simply
/// quoted scalars and `[a, b]` lists) without going through a YAML parser, which is several
/// times slower on a 10,000-article site. Anything outside that subset returns nil and is
/// parsed by Yams, so the result is always what a YAML parser gives.
///
/// Works on the UTF-8 bytes: every character that decides anything here is ASCII, and columns
/// count Unicode scalars (bytes that do not continue a multi-byte scalar), as Yams does.
enum SimpleYAMLReader {
    static func read(_ yaml: String, path: String, firstLine: Int) -> YAMLValue? {
        read(Text(bytes: Array(yaml.utf8)), path: path, firstLine: firstLine)
    }

    /// A span of the YAML text: `[start, end)` byte offsets.
    private struct Text {
        let bytes: [UInt8]

        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[start..<end], as: UTF8.self)
        }

        /// How many Unicode scalars `[start, end)` holds.
        func scalarCount(_ start: Int, _ end: Int) -> Int {
            var count = 0
            for index in start..<end where bytes[index] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        func firstIndex(of byte: UInt8, _ start: Int, _ end: Int) -> Int? {
            var index = start
            while index < end {
                if bytes[index] == byte { return index }
                index += 1
            }
            return nil
        }

        /// Whether `[start, end)` has `first` immediately followed by `second`.
        func containsPair(_ first: UInt8, _ second: UInt8, _ start: Int, _ end: Int) -> Bool {
            guard end - start >= 2 else { return false }
            for index in start..<(end - 1) where bytes[index] == first && bytes[index + 1] == second { return true }
            return false
        }
    }

    private static let space = UInt8(ascii: " ")

    private static func read(_ text: Text, path: String, firstLine: Int) -> YAMLValue? {
        let bytes = text.bytes
        // Carriage returns, tabs and other control characters are left to Yams.
        guard !bytes.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }) else { return nil }
        var entries: [YAMLEntry] = []
        var lineNumber = firstLine - 1
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = text.firstIndex(of: 0x0A, lineStart, bytes.count) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            if bytes[lineStart..<lineEnd].allSatisfy({ $0 == space }) { continue }
            guard isKeyStart(bytes[lineStart]), let colon = text.firstIndex(of: UInt8(ascii: ":"), lineStart, lineEnd) else { return nil }
            guard bytes[lineStart..<colon].allSatisfy(isKeyCharacter) else { return nil }
            var valueStart = colon + 1
            if valueStart < lineEnd {
                guard bytes[valueStart] == space else { return nil }
                while valueStart < lineEnd && bytes[valueStart] == space { valueStart += 1 }
            }
            var valueEnd = lineEnd
            while valueEnd > valueStart && bytes[valueEnd - 1] == space { valueEnd -= 1 }
            let valueColumn = text.scalarCount(lineStart, valueStart) + 1
            let key = YAMLValue.scalar(text.string(lineStart, colon), plain: true, at: SourceLocation(path: path, line: lineNumber, column: 1))
            let location = SourceLocation(path: path, line: lineNumber, column: valueColumn)
            guard let value = parseValue(text, valueStart, valueEnd, at: location) else { return nil }
            entries.append(YAMLEntry(key: key, value: value))
        }
        guard !entries.isEmpty else { return nil }
        return .mapping(entries, at: entries[0].key.location)
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    private static func parseValue(_ text: Text, _ start: Int, _ end: Int, at location: SourceLocation) -> YAMLValue? {
        let bytes = text.bytes
        guard start < end else { return .scalar("", plain: true, at: location) }
        guard bytes[start] == UInt8(ascii: "[") else { return parseScalar(text, start, end, at: location, inFlow: false) }
        guard end - start >= 2, bytes[end - 1] == UInt8(ascii: "]") else { return nil }
        let innerStart = start + 1
        let innerEnd = end - 1
        if bytes[innerStart..<innerEnd].allSatisfy({ $0 == space }) { return .sequence([], at: location) }
        var items: [YAMLValue] = []
        var column = location.column + 1
        var partStart = innerStart
        while partStart <= innerEnd {
            let partEnd = text.firstIndex(of: UInt8(ascii: ","), partStart, innerEnd) ?? innerEnd
            var itemStart = partStart
            while itemStart < partEnd && bytes[itemStart] == space { itemStart += 1 }
            var itemEnd = partEnd
            while itemEnd > itemStart && bytes[itemEnd - 1] == space { itemEnd -= 1 }
            let itemLocation = SourceLocation(path: location.path, line: location.line, column: column + (itemStart - partStart))
            guard itemStart < itemEnd, let item = parseScalar(text, itemStart, itemEnd, at: itemLocation, inFlow: true) else { return nil }
            items.append(item)
            column += text.scalarCount(partStart, partEnd) + 1
            partStart = partEnd + 1
        }
        return .sequence(items, at: location)
    }

    /// Bytes that may not start a plain scalar.
    private static let indicators: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for character in "-?:,[]{}#&*!|>%@`'\"".utf8 { table[Int(character)] = true }
        return table
    }()

    private static func parseScalar(_ text: Text, _ start: Int, _ end: Int, at location: SourceLocation, inFlow: Bool) -> YAMLValue? {
        let bytes = text.bytes
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard end - start >= 2, bytes[end - 1] == first else { return nil }
            let inner = bytes[(start + 1)..<(end - 1)]
            guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return .scalar(text.string(start + 1, end - 1), plain: false, at: location)
        }
        guard first >= 0x80 || !indicators[Int(first)] else { return nil }
        guard !text.containsPair(UInt8(ascii: ":"), space, start, end), !text.containsPair(space, UInt8(ascii: "#"), start, end),
            bytes[end - 1] != UInt8(ascii: ":")
        else { return nil }
        if inFlow
            && bytes[start..<end].contains(where: {
                $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: ",")
            })
        {
            return nil
        }
        return .scalar(text.string(start, end), plain: true, at: location)
    }
}
