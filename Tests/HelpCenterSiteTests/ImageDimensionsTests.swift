import Foundation
import Testing

@testable import HelpCenterSite

@Suite("Image sizes")
struct ImageDimensionsTests {
    @Test func readsPNG() throws {
        let data = try SiteTestSupport.fixtureTree("content").read("guides/images/screen.png")
        #expect(ImageDimensions.read(data) == ImageDimensions(width: 12, height: 8))
    }

    @Test func readsJPEGStartOfFrame() {
        // SOI, an APP0 segment, then SOF0 with height 300 and width 400.
        let bytes: [UInt8] = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,
            0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x01, 0x90, 0x03,
        ]
        #expect(ImageDimensions.read(Data(bytes)) == ImageDimensions(width: 400, height: 300))
    }

    @Test(arguments: [
        ("<svg width=\"640\" height=\"480\" xmlns=\"http://www.w3.org/2000/svg\">", ImageDimensions(width: 640, height: 480)),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 500\">", ImageDimensions(width: 800, height: 500)),
        ("<svg width=\"400px\" viewBox=\"0 0 800 500\">", ImageDimensions(width: 400, height: 250)),
    ])
    func readsSVG(_ header: String, _ expected: ImageDimensions) {
        #expect(ImageDimensions.read(Data((header + "</svg>").utf8)) == expected)
    }

    @Test func unknownOrDamagedFilesHaveNoSize() {
        #expect(ImageDimensions.read(Data("plain text".utf8)) == nil)
        #expect(ImageDimensions.read(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])) == nil)
    }
}
