import HelpCenterDiagnostics

/// Reads the simple front matter most articles have (`key: value` lines with plain or simply
/// quoted scalars and `[a, b]` lists) without going through a YAML parser, which is several
/// times slower on a 10,000-article site. Anything outside that subset returns nil and is
/// parsed by Yams, so the result is always what a YAML parser gives.
enum SimpleYAMLReader {
    static func read(_ yaml: String, path: String, firstLine: Int) -> YAMLValue? {
        var entries: [YAMLEntry] = []
        var lineNumber = firstLine - 1
        for rawLine in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " }) { continue }
            guard line.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 >= 0x80 }) else { return nil }
            guard let first = line.utf8.first, isKeyStart(first) else { return nil }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[line.startIndex..<colon]
            guard key.utf8.allSatisfy(isKeyCharacter) else { return nil }
            var valueStart = line.index(after: colon)
            if valueStart < line.endIndex {
                guard line[valueStart] == " " else { return nil }
                while valueStart < line.endIndex && line[valueStart] == " " { valueStart = line.index(after: valueStart) }
            }
            var value = line[valueStart...]
            while value.last == " " { value = value.dropLast() }
            let valueColumn = line.unicodeScalars.distance(from: line.startIndex, to: valueStart) + 1
            let keyValue = YAMLValue.scalar(String(key), plain: true, at: SourceLocation(path: path, line: lineNumber, column: 1))
            let location = SourceLocation(path: path, line: lineNumber, column: valueColumn)
            guard let parsed = parseValue(value, at: location) else { return nil }
            entries.append(YAMLEntry(key: keyValue, value: parsed))
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

    private static func parseValue(_ value: Substring, at location: SourceLocation) -> YAMLValue? {
        guard let first = value.first else { return .scalar("", plain: true, at: location) }
        if first == "[" {
            guard value.last == "]" else { return nil }
            let inner = value.dropFirst().dropLast()
            if inner.allSatisfy({ $0 == " " }) { return .sequence([], at: location) }
            var items: [YAMLValue] = []
            var column = location.column + 1
            for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
                let leading = part.prefix { $0 == " " }.count
                var item = part.dropFirst(leading)
                while item.last == " " { item = item.dropLast() }
                guard !item.isEmpty, let scalar = parseScalar(item, at: SourceLocation(path: location.path, line: location.line, column: column + leading), inFlow: true) else { return nil }
                items.append(scalar)
                column += part.unicodeScalars.count + 1
            }
            return .sequence(items, at: location)
        }
        return parseScalar(value, at: location, inFlow: false)
    }

    private static func parseScalar(_ text: Substring, at location: SourceLocation, inFlow: Bool) -> YAMLValue? {
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" {
            guard text.count >= 2, text.last == first else { return nil }
            let inner = text.dropFirst().dropLast()
            guard !inner.contains(first), !inner.contains("\\") else { return nil }
            return .scalar(String(inner), plain: false, at: location)
        }
        let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "%", "@", "`", "'", "\""]
        guard !indicators.contains(first) else { return nil }
        guard !text.contains(": "), !text.contains(" #"), text.last != ":", !text.contains("\t") else { return nil }
        if inFlow && text.contains(where: { "[]{},".contains($0) }) { return nil }
        return .scalar(String(text), plain: true, at: location)
    }
}
