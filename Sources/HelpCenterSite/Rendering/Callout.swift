import Foundation
import HelpCenterTemplates

/// A GitHub alert (`> [!NOTE]` …) rendered as a labelled aside with an icon.
public enum CalloutKind: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution

    /// Reads the marker on an alert's first line (`[!NOTE]`, case-insensitive).
    public init?(marker: String) {
        let trimmed = marker.trimmingWhitespace()
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]") else { return nil }
        self.init(rawValue: String(trimmed.dropFirst(2).dropLast()).lowercased())
    }

    /// The label shown and announced.
    public var label: String {
        switch self {
        case .note: "Note"
        case .tip: "Tip"
        case .important: "Important"
        case .warning: "Warning"
        case .caution: "Caution"
        }
    }

    /// An inline SVG icon drawn for the project (decorative: the label carries the meaning).
    public var icon: String {
        let shapes: String
        switch self {
        case .note:
            shapes =
                "<circle cx=\"8\" cy=\"8\" r=\"6.75\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/><rect x=\"7.25\" y=\"7\" width=\"1.5\" height=\"4.5\" rx=\".75\"/><circle cx=\"8\" cy=\"4.75\" r=\"1\"/>"
        case .tip:
            shapes =
                "<path d=\"M8 1.25a4.75 4.75 0 0 0-2.75 8.62V11h5.5V9.87A4.75 4.75 0 0 0 8 1.25Z\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><rect x=\"5.5\" y=\"12.25\" width=\"5\" height=\"1.5\" rx=\".75\"/><rect x=\"6.5\" y=\"14.5\" width=\"3\" height=\"1.25\" rx=\".6\"/>"
        case .important:
            shapes =
                "<path d=\"M2 1.75h12c.41 0 .75.34.75.75v8.5c0 .41-.34.75-.75.75H8.5L5 14.5v-2.75H2a.75.75 0 0 1-.75-.75V2.5c0-.41.34-.75.75-.75Z\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><rect x=\"7.25\" y=\"3.75\" width=\"1.5\" height=\"4\" rx=\".75\"/><circle cx=\"8\" cy=\"9.5\" r=\"1\"/>"
        case .warning:
            shapes =
                "<path d=\"M8 1.5 15 14.25H1Z\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><rect x=\"7.25\" y=\"6\" width=\"1.5\" height=\"4\" rx=\".75\"/><circle cx=\"8\" cy=\"11.75\" r=\"1\"/>"
        case .caution:
            shapes =
                "<path d=\"M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1Z\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><rect x=\"7.25\" y=\"4.25\" width=\"1.5\" height=\"4.5\" rx=\".75\"/><circle cx=\"8\" cy=\"11\" r=\"1\"/>"
        }
        return
            "<svg class=\"callout-icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" fill=\"currentColor\" aria-hidden=\"true\" focusable=\"false\">\(shapes)</svg>"
    }
}
