/// Where the state diagram's boxes, arrows and labels go, computed before any SVG is written
/// so that tests can check the drawing's geometry: no arrow runs through a box, and no label
/// overlaps a box or another label.
///
/// States sit on a grid (2FA off and on across, the backup methods down). Arrows between
/// neighbouring cells are straight, a pair of opposite arrows drawn side by side; an arrow
/// that would skip a cell of its column curves round the outside of the grid instead of
/// crossing the box in between. Labels are wrapped to a few words a line.
struct StateDiagramLayout: Sendable {
    struct Rect: Sendable, Equatable {
        var x, y, width, height: Double

        func contains(_ point: Point) -> Bool {
            point.x > x && point.x < x + width && point.y > y && point.y < y + height
        }

        func intersects(_ other: Rect) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    struct Point: Sendable, Equatable {
        var x, y: Double
    }

    struct Box: Sendable {
        var id: String
        var rect: Rect
        var lines: [String]
    }

    struct Label: Sendable {
        var lines: [String]
        /// The first line's baseline start (or end, or middle, by `anchor`).
        var origin: Point
        var anchor: String
        /// The space the text takes, estimated from its length.
        var bounds: Rect
    }

    struct Arrow: Sendable {
        var from: String
        var to: String
        /// A straight line (two points) or a cubic Bézier curve (four).
        var points: [Point]
        var label: Label

        /// Points along the arrow, for geometry checks.
        func samples(_ count: Int = 40) -> [Point] {
            guard points.count == 4 else {
                return (0...count).map { step in
                    let t = Double(step) / Double(count)
                    return Point(x: points[0].x + (points[1].x - points[0].x) * t, y: points[0].y + (points[1].y - points[0].y) * t)
                }
            }
            return (0...count).map { step in
                let t = Double(step) / Double(count)
                let u = 1 - t
                let a = u * u * u
                let b = 3 * u * u * t
                let c = 3 * u * t * t
                let d = t * t * t
                return Point(
                    x: a * points[0].x + b * points[1].x + c * points[2].x + d * points[3].x,
                    y: a * points[0].y + b * points[1].y + c * points[2].y + d * points[3].y)
            }
        }
    }

    static let boxWidth = 200.0, boxHeight = 60.0, columnGap = 220.0, rowGap = 110.0, margin = 40.0
    /// Room on the right for arrows that go round the grid, and their labels.
    static let outerRoom = 260.0
    static let stateFontSize = 15.0, labelFontSize = 13.0, lineHeight = 16.0
    /// Estimated width of a character of the labels' font (a sans-serif at 13 px).
    static let characterWidth = 7.2
    /// Estimated width of a character of the states' font (15 px), and the room kept on each
    /// side of a state's name inside its box.
    static let stateCharacterWidth = 8.6, boxPadding = 12.0
    static let wrapAt = 16
    static let pairOffset = 10.0, gapToBox = 4.0

    var width: Double
    var height: Double
    var boxes: [Box]
    var arrows: [Arrow]

    init(_ diagram: SitePolicy.StateDiagram) {
        let columns = (diagram.states.map(\.column).max() ?? 0) + 1
        let rows = (diagram.states.map(\.row).max() ?? 0) + 1
        let outer = diagram.transitions.contains { Self.skipsACell($0, in: diagram) } ? Self.outerRoom : 0
        // Boxes widen for a language whose state names are longer ("Aucune méthode de
        // secours" ran past a 200 px box), all by the same amount; never narrower than 200.
        let longest = diagram.states.flatMap { $0.label.split(separator: "\n") }.map(\.count).max() ?? 0
        let boxWidth = max(Self.boxWidth, (Double(longest) * Self.stateCharacterWidth + 2 * Self.boxPadding).rounded(.up))
        width = Self.margin * 2 + Double(columns) * boxWidth + Double(columns - 1) * Self.columnGap + outer
        height = Self.margin * 2 + Double(rows) * Self.boxHeight + Double(rows - 1) * Self.rowGap
        var cells: [String: (column: Int, row: Int)] = [:]
        boxes = diagram.states.map { state in
            cells[state.id] = (state.column, state.row)
            let rect = Rect(
                x: Self.margin + Double(state.column) * (boxWidth + Self.columnGap),
                y: Self.margin + Double(state.row) * (Self.boxHeight + Self.rowGap), width: boxWidth, height: Self.boxHeight)
            return Box(id: state.id, rect: rect, lines: state.label.split(separator: "\n").map(String.init))
        }
        // One arrow per ordered pair of states, labelled with every action that takes it.
        var labels: [String: [String]] = [:]
        var order: [(String, String)] = []
        for transition in diagram.transitions where transition.from != transition.to {
            let key = transition.from + "\u{1}" + transition.to
            if labels[key] == nil { order.append((transition.from, transition.to)) }
            if !(labels[key] ?? []).contains(transition.label) { labels[key, default: []].append(transition.label) }
        }
        let rights = Dictionary(boxes.map { ($0.id, $0.rect) }, uniquingKeysWith: { first, _ in first })
        arrows = order.compactMap { from, to in
            guard let a = cells[from], let b = cells[to], let start = rights[from], let end = rights[to] else { return nil }
            let paired = labels[to + "\u{1}" + from] != nil
            let text = labels[from + "\u{1}" + to]?.joined(separator: ", ") ?? ""
            return Self.arrow(from: (from, a, start), to: (to, b, end), paired: paired, text: text)
        }
    }

    static func skipsACell(_ transition: SitePolicy.StateDiagram.Transition, in diagram: SitePolicy.StateDiagram) -> Bool {
        guard let a = diagram.states.first(where: { $0.id == transition.from }), let b = diagram.states.first(where: { $0.id == transition.to })
        else { return false }
        return a.column == b.column && abs(a.row - b.row) > 1
    }

    private static func arrow(
        from: (id: String, cell: (column: Int, row: Int), rect: Rect), to: (id: String, cell: (column: Int, row: Int), rect: Rect),
        paired: Bool, text: String
    ) -> Arrow {
        let lines = wrap(text)
        let a = from.rect
        let b = to.rect
        // Each of a pair keeps to its own side: the one going right or down is offset one
        // way, the one going back the other way.
        let forward = (to.cell.column, to.cell.row) > (from.cell.column, from.cell.row)
        let offset = paired ? (forward ? -pairOffset : pairOffset) : 0
        if from.cell.row == to.cell.row {
            // Across: from the side of one box to the side of the next.
            let y = a.y + boxHeight / 2 + offset
            let (x1, x2) = to.cell.column > from.cell.column ? (a.x + a.width + gapToBox, b.x - gapToBox) : (a.x - gapToBox, b.x + b.width + gapToBox)
            let middle = (x1 + x2) / 2
            // Above the arrow (its last line just above), or below it.
            let above = offset <= 0
            let firstBaseline = above ? y - 6 - Double(lines.count - 1) * lineHeight : y + 6 + labelFontSize
            return Arrow(
                from: from.id, to: to.id, points: [Point(x: x1, y: y), Point(x: x2, y: y)],
                label: label(lines, at: Point(x: middle, y: firstBaseline), anchor: "middle"))
        }
        if from.cell.column == to.cell.column && abs(from.cell.row - to.cell.row) == 1 {
            // Down or up: from the bottom of one box to the top of the next.
            let x = a.x + a.width / 2 - offset
            let (y1, y2) = to.cell.row > from.cell.row ? (a.y + boxHeight + gapToBox, b.y - gapToBox) : (a.y - gapToBox, b.y + boxHeight + gapToBox)
            let leftSide = x <= a.x + a.width / 2 && offset != 0 || offset == 0
            let top = (y1 + y2) / 2 - Double(lines.count) * lineHeight / 2 + labelFontSize - 2
            return Arrow(
                from: from.id, to: to.id, points: [Point(x: x, y: y1), Point(x: x, y: y2)],
                label: label(lines, at: Point(x: leftSide ? x - 8 : x + 8, y: top), anchor: leftSide ? "end" : "start"))
        }
        if from.cell.column == to.cell.column {
            // Skipping a box of the column: round the grid's right-hand side.
            let x = a.x + a.width + gapToBox
            let y1 = a.y + boxHeight / 2
            let y2 = b.y + boxHeight / 2
            let bulge = x + 130
            let middle = (y1 + y2) / 2
            let top = middle - Double(lines.count) * lineHeight / 2 + labelFontSize - 2
            return Arrow(
                from: from.id, to: to.id, points: [Point(x: x, y: y1), Point(x: bulge, y: y1), Point(x: bulge, y: y2), Point(x: x, y: y2)],
                label: label(lines, at: Point(x: x + 0.75 * 130 + 10, y: top), anchor: "start"))
        }
        // Anything else (no such arrow in the backup policy's diagram): centre to centre.
        let start = Point(x: a.x + a.width / 2, y: a.y + boxHeight / 2)
        let end = Point(x: b.x + b.width / 2, y: b.y + boxHeight / 2)
        return Arrow(
            from: from.id, to: to.id, points: [start, end],
            label: label(lines, at: Point(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 - 6), anchor: "middle"))
    }

    private static func label(_ lines: [String], at origin: Point, anchor: String) -> Label {
        let width = Double(lines.map(\.count).max() ?? 0) * characterWidth
        let x =
            switch anchor {
            case "end": origin.x - width
            case "middle": origin.x - width / 2
            default: origin.x
            }
        let bounds = Rect(x: x, y: origin.y - labelFontSize, width: width, height: Double(lines.count - 1) * lineHeight + labelFontSize + 3)
        return Label(lines: lines, origin: origin, anchor: anchor, bounds: bounds)
    }

    /// A label in lines of about `wrapAt` characters, broken between words.
    static func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > wrapAt {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}
