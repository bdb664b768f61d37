import Foundation
import HelpCenterTemplates

/// An image's intrinsic size in CSS pixels, read from the file's own header.
public struct ImageDimensions: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Reads PNG, JPEG, GIF and SVG headers; nil when the format is unknown or the header is damaged.
    public static func read(_ data: Data) -> ImageDimensions? {
        let bytes = [UInt8](data.prefix(256 * 1024))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.starts(with: Array("GIF8".utf8)) { return gif(bytes) }
        return svg(String(decoding: bytes.prefix(16 * 1024), as: UTF8.self))
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int? {
        guard offset >= 0, offset + count <= bytes.count else { return nil }
        return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func png(_ bytes: [UInt8]) -> ImageDimensions? {
        // The IHDR chunk comes first: length(4) "IHDR"(4) width(4) height(4).
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8),
            let width = bigEndian(bytes, 16, 4), let height = bigEndian(bytes, 20, 4),
            width > 0, height > 0
        else { return nil }
        return ImageDimensions(width: width, height: height)
    }

    private static func gif(_ bytes: [UInt8]) -> ImageDimensions? {
        guard bytes.count >= 10 else { return nil }
        let width = Int(bytes[6]) | Int(bytes[7]) << 8
        let height = Int(bytes[8]) | Int(bytes[9]) << 8
        return width > 0 && height > 0 ? ImageDimensions(width: width, height: height) : nil
    }

    private static func jpeg(_ bytes: [UInt8]) -> ImageDimensions? {
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                offset += 2
                continue
            }
            guard let length = bigEndian(bytes, offset + 2, 2), length >= 2 else { return nil }
            // Start-of-frame markers carry the size: C0–CF except C4 (DHT), C8 (JPG) and CC (DAC).
            if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                guard let height = bigEndian(bytes, offset + 5, 2), let width = bigEndian(bytes, offset + 7, 2),
                    width > 0, height > 0
                else { return nil }
                return ImageDimensions(width: width, height: height)
            }
            offset += 2 + length
        }
        return nil
    }

    private static func svg(_ text: String) -> ImageDimensions? {
        guard let start = text.range(of: "<svg") else { return nil }
        guard let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = String(text[start.upperBound..<end])
        let width = attribute("width", in: tag).flatMap(cssPixels)
        let height = attribute("height", in: tag).flatMap(cssPixels)
        if let width, let height { return ImageDimensions(width: width, height: height) }
        guard let viewBox = attribute("viewBox", in: tag) else { return nil }
        let numbers = viewBox.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
        let ratio = numbers[3] / numbers[2]
        if let width { return ImageDimensions(width: width, height: Int((Double(width) * ratio).rounded())) }
        if let height { return ImageDimensions(width: Int((Double(height) / ratio).rounded()), height: height) }
        return ImageDimensions(width: Int(numbers[2].rounded()), height: Int(numbers[3].rounded()))
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        var search = tag[...]
        while let range = search.range(of: name) {
            let before = range.lowerBound == tag.startIndex ? " " : tag[tag.index(before: range.lowerBound)]
            var rest = tag[range.upperBound...].drop { $0 == " " }
            if before.isWhitespace, rest.first == "=" {
                rest = rest.dropFirst().drop { $0 == " " }
                guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: quote) else { return nil }
                return String(rest[rest.startIndex..<close])
            }
            search = tag[range.upperBound...]
        }
        return nil
    }

    /// `640`, `640px` or `640.5` → 641; percentages and other units are not a pixel size.
    private static func cssPixels(_ value: String) -> Int? {
        var text = value.trimmingWhitespace()
        if text.hasSuffix("px") { text.removeLast(2) }
        guard let number = Double(text), number > 0 else { return nil }
        return Int(number.rounded())
    }
}
