import HelpCenterTemplates

/// Draws the policy's state diagram as SVG at build time: states on a grid (backup method
/// across, 2FA down), an arrow for each pair of states an action moves between, labelled with
/// the actions. Deterministic, with a title and description for screen readers.
enum StateDiagramSVG {
    static let boxWidth = 190, boxHeight = 56, columnGap = 110, rowGap = 150, margin = 40

    static func render(_ diagram: SitePolicy.StateDiagram) -> String {
        let columns = (diagram.states.map(\.column).max() ?? 0) + 1
        let rows = (diagram.states.map(\.row).max() ?? 0) + 1
        let width = margin * 2 + columns * boxWidth + (columns - 1) * columnGap
        let height = margin * 2 + rows * boxHeight + (rows - 1) * rowGap
        var svg =
            "<svg class=\"state-diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"state-diagram-title state-diagram-desc\">\n"
        svg += "<title id=\"state-diagram-title\">Backup-method states and the actions between them</title>\n<desc id=\"state-diagram-desc\">"
        svg += HTMLEscaping.escape(describe(diagram))
        svg +=
            "</desc>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"currentColor\"/></marker></defs>\n"
        var positions: [String: (x: Int, y: Int)] = [:]
        for state in diagram.states {
            positions[state.id] = (margin + state.column * (boxWidth + columnGap), margin + state.row * (boxHeight + rowGap))
        }
        // One arrow per ordered pair of states, labelled with every action that takes it.
        var labels: [String: [String]] = [:]
        var order: [String] = []
        for transition in diagram.transitions where transition.from != transition.to {
            let key = transition.from + "\u{1}" + transition.to
            if labels[key] == nil { order.append(key) }
            if !(labels[key] ?? []).contains(transition.label) { labels[key, default: []].append(transition.label) }
        }
        for key in order {
            let parts = key.split(separator: "\u{1}").map(String.init)
            guard parts.count == 2, let from = positions[parts[0]], let to = positions[parts[1]] else { continue }
            let reverseExists = labels[parts[1] + "\u{1}" + parts[0]] != nil
            svg += arrow(from: from, to: to, offset: reverseExists ? 9 : 0, label: labels[key]?.joined(separator: ", ") ?? "")
        }
        for state in diagram.states {
            guard let position = positions[state.id] else { continue }
            svg +=
                "<g class=\"state\"><rect x=\"\(position.x)\" y=\"\(position.y)\" width=\"\(boxWidth)\" height=\"\(boxHeight)\" rx=\"10\" fill=\"var(--surface, #f5f7fa)\" stroke=\"currentColor\" stroke-width=\"1.5\"/>"
            let lines = state.label.split(separator: "\n").map(String.init)
            for (index, line) in lines.enumerated() {
                let y = position.y + boxHeight / 2 + (index * 2 - (lines.count - 1)) * 9 + 5
                svg +=
                    "<text x=\"\(position.x + boxWidth / 2)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"14\" fill=\"currentColor\">\(HTMLEscaping.escape(line))</text>"
            }
            svg += "</g>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    private static func arrow(from: (x: Int, y: Int), to: (x: Int, y: Int), offset: Int, label: String) -> String {
        let start = (x: Double(from.x + boxWidth / 2), y: Double(from.y + boxHeight / 2))
        let end = (x: Double(to.x + boxWidth / 2), y: Double(to.y + boxHeight / 2))
        let dx = end.x - start.x
        let dy = end.y - start.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1)
        // Shift parallel arrows apart, and stop at the boxes' edges.
        let normal = (x: -dy / length * Double(offset), y: dx / length * Double(offset))
        func edge(_ point: (x: Double, y: Double), towards direction: (x: Double, y: Double)) -> (x: Double, y: Double) {
            let scaleX = direction.x == 0 ? Double.infinity : Double(boxWidth / 2 + 4) / abs(direction.x)
            let scaleY = direction.y == 0 ? Double.infinity : Double(boxHeight / 2 + 4) / abs(direction.y)
            let scale = min(scaleX, scaleY)
            return (point.x + direction.x * scale, point.y + direction.y * scale)
        }
        let unit = (x: dx / length, y: dy / length)
        let a = edge((start.x + normal.x, start.y + normal.y), towards: unit)
        let b = edge((end.x + normal.x, end.y + normal.y), towards: (-unit.x, -unit.y))
        // Labels sit beside their arrow: left or right of a vertical one, above or below a horizontal one.
        let vertical = abs(dx) < abs(dy)
        let side: Double = offset == 0 ? -1 : (vertical ? (normal.x < 0 ? -1 : 1) : (normal.y < 0 ? -1 : 1))
        var middle = (x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        let anchor: String
        if vertical {
            middle.x += side * 8
            middle.y += 4
            anchor = side < 0 ? "end" : "start"
        } else {
            middle.y += side < 0 ? -8 : 16
            anchor = "middle"
        }
        func number(_ value: Double) -> String { String(Int(value.rounded())) }
        var svg =
            "<g class=\"transition\"><line x1=\"\(number(a.x))\" y1=\"\(number(a.y))\" x2=\"\(number(b.x))\" y2=\"\(number(b.y))\" stroke=\"currentColor\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>"
        svg +=
            "<text x=\"\(number(middle.x))\" y=\"\(number(middle.y))\" text-anchor=\"\(anchor)\" font-size=\"12\" fill=\"currentColor\">\(HTMLEscaping.escape(label))</text></g>\n"
        return svg
    }

    /// The diagram in words, for screen readers and for text search.
    static func describe(_ diagram: SitePolicy.StateDiagram) -> String {
        let names = Dictionary(diagram.states.map { ($0.id, $0.label.replacingOccurrences(of: "\n", with: ", ")) }, uniquingKeysWith: { first, _ in first })
        var sentences: [String] = []
        for transition in diagram.transitions where transition.from != transition.to {
            sentences.append("\(transition.label) moves from \(names[transition.from] ?? transition.from) to \(names[transition.to] ?? transition.to).")
        }
        var seen = Set<String>()
        return sentences.filter { seen.insert($0).inserted }.joined(separator: " ")
    }
}
