import HelpCenterTemplates

/// Draws the state diagram as SVG at build time from its ``StateDiagramLayout``: a box per
/// state, an arrow per pair of states an action moves between, labelled in words.
/// Deterministic, with a title and description for screen readers; colours follow the page
/// (`currentColor`, the page's surface colour), so it reads in light and dark.
public enum StateDiagramSVG {
    public static func render(_ diagram: SitePolicy.StateDiagram) -> String {
        let layout = StateDiagramLayout(diagram)
        let width = number(layout.width)
        let height = number(layout.height)
        var svg =
            "<svg class=\"state-diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"state-diagram-title state-diagram-desc\">\n"
        svg += "<title id=\"state-diagram-title\">Backup-method states and the actions between them</title>\n<desc id=\"state-diagram-desc\">"
        svg += HTMLEscaping.escape(describe(diagram))
        svg +=
            "</desc>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"currentColor\"/></marker></defs>\n"
        for arrow in layout.arrows {
            let points = arrow.points
            let path =
                points.count == 4
                ? "M\(number(points[0].x)) \(number(points[0].y))C\(number(points[1].x)) \(number(points[1].y)) \(number(points[2].x)) \(number(points[2].y)) \(number(points[3].x)) \(number(points[3].y))"
                : "M\(number(points[0].x)) \(number(points[0].y))L\(number(points[1].x)) \(number(points[1].y))"
            svg += "<g class=\"transition\"><path d=\"\(path)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>"
            svg += text(arrow.label.lines, x: arrow.label.origin.x, y: arrow.label.origin.y, anchor: arrow.label.anchor, size: StateDiagramLayout.labelFontSize)
            svg += "</g>\n"
        }
        for box in layout.boxes {
            let rect = box.rect
            svg +=
                "<g class=\"state\"><rect x=\"\(number(rect.x))\" y=\"\(number(rect.y))\" width=\"\(number(rect.width))\" height=\"\(number(rect.height))\" rx=\"10\" fill=\"var(--surface, #f5f7fa)\" stroke=\"currentColor\" stroke-width=\"1.5\"/>"
            let firstBaseline = rect.y + rect.height / 2 - Double(box.lines.count - 1) * 10 + 5
            svg += text(box.lines, x: rect.x + rect.width / 2, y: firstBaseline, anchor: "middle", size: StateDiagramLayout.stateFontSize, lineHeight: 20)
            svg += "</g>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    private static func text(_ lines: [String], x: Double, y: Double, anchor: String, size: Double, lineHeight: Double = StateDiagramLayout.lineHeight)
        -> String
    {
        var svg = "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(number(size))\" fill=\"currentColor\">"
        for (index, line) in lines.enumerated() {
            if index == 0 {
                svg += "<tspan x=\"\(number(x))\">\(HTMLEscaping.escape(line))</tspan>"
            } else {
                svg += "<tspan x=\"\(number(x))\" dy=\"\(number(lineHeight))\">\(HTMLEscaping.escape(line))</tspan>"
            }
        }
        return svg + "</text>"
    }

    private static func number(_ value: Double) -> String { String(Int(value.rounded())) }

    /// Each arrow in words: the action, and the states it leads from and to (state labels
    /// on one line: "2FA on, No backup method").
    public static func changes(_ diagram: SitePolicy.StateDiagram) -> [(action: String, from: String, to: String)] {
        let names = Dictionary(
            diagram.states.map { ($0.id, $0.label.split(separator: "\n").joined(separator: ", ")) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        return diagram.transitions.compactMap { transition in
            guard transition.from != transition.to else { return nil }
            let change = (action: transition.label, from: names[transition.from] ?? transition.from, to: names[transition.to] ?? transition.to)
            return seen.insert("\(change.action)\u{1}\(change.from)\u{1}\(change.to)").inserted ? change : nil
        }
    }

    /// The diagram in words, for screen readers and for text search.
    public static func describe(_ diagram: SitePolicy.StateDiagram) -> String {
        changes(diagram).map { "\($0.action): from \($0.from) to \($0.to)." }.joined(separator: " ")
    }
}
