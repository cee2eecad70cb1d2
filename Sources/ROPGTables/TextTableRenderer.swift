import ROPGText

/// Draws a table for the terminal with Unicode light box characters, columns lined up by display
/// width (a CJK character is two columns).
///
///     利润表
///     ┌────────┬─────────┬────────┐
///     │ SKU    │ 品名    │   售价 │
///     ├────────┼─────────┼────────┤
///     │ TS-001 │ 纯棉T恤 │  79.00 │
///     ├────────┼─────────┼────────┤
///     │ 合计   │         │ 158.00 │
///     └────────┴─────────┴────────┘
///     allocation: by revenue
///
/// Control characters in any text are shown escaped (`\n`, `\u{1B}`), never raw. Colour (ANSI SGR)
/// is written only when `color` is true: header and title bold, negative red, warning yellow,
/// strong bold.
public struct TextTableRenderer: Sendable {
    public var color: Bool
    /// Cells wider than this many display columns are cut with "…".
    public var maxColumnWidth: Int

    public init(color: Bool = false, maxColumnWidth: Int = 60) {
        self.color = color
        self.maxColumnWidth = max(2, maxColumnWidth)
    }

    /// What an empty table shows under its header.
    public static var noRowsText: String { phrase("(no rows)") }

    public func render(_ table: Table) -> String {
        // The parts are byte arrays that become the String in one copy: a report can be 20 MB of
        // text (100,000 rows), and each extra copy of it costs fresh pages.
        var parts: [[UInt8]] = []
        var head: [UInt8] = []
        if let title = table.title {
            head += (style(escapingControlCharacters(title), .bold) + "\n").utf8
        }
        if table.columns.isEmpty {
            head += "(no columns)\n".utf8
            parts.append(head)
        } else {
            parts = box(table, head: head)
        }
        var notes: [UInt8] = []
        for note in table.notes {
            notes += (escapingControlCharacters(note) + "\n").utf8
        }
        parts.append(notes)
        let total = parts.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var written = 0
            for part in parts {
                part.withUnsafeBufferPointer { bytes in
                    guard let base = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + written).update(from: base, count: bytes.count)
                    written += bytes.count
                }
            }
            return written
        }
    }

    // MARK: - Layout

    /// A cell ready to draw: escaped text and its display width.
    private struct Laid {
        public var text: String
        public var width: Int
        public var alignRight: Bool
        public var sgr: SGR?
    }

    // Reports can run to 100,000 rows (`margin` over every product), so the box is drawn in two
    // passes straight from the cells: one to measure the columns, one to write the bytes. Only
    // cells that need it (wide or control characters, or too wide to fit) are escaped and laid out.

    /// The table's lines: `head`, the top and header, the body in pieces, the bottom.
    private func box(_ table: Table, head: [UInt8]) -> [[UInt8]] {
        var out = head
        let columnCount = table.columns.count
        let header = table.columns.map { column in
            lay(column.title, alignRight: column.alignment == .right, sgr: .bold)
        }
        // First pass, over the body and footer rows together: each cell's width when it is drawn
        // as it is, or -1 when it must be laid out (escaped, cut), `columnCount` to a row; and the
        // widest cell of each column. Big tables are measured in pieces side by side.
        let bodyCount = table.rows.count
        let measured = inPieces(bodyCount + table.footerRows.count) { _, range in
            var widths = [Int](repeating: 0, count: columnCount)
            var asIs: [Int32] = []
            asIs.reserveCapacity(range.count * columnCount)
            for r in range {
                let row = r < bodyCount ? table.rows[r] : table.footerRows[r - bodyCount]
                for i in 0..<columnCount {
                    guard i < row.count else {
                        asIs.append(0)
                        continue
                    }
                    let text = row[i].text
                    if let width = row[i].textIsPrintableASCII ? text.utf8.count : simpleDisplayWidth(text), width <= maxColumnWidth {
                        asIs.append(Int32(width))
                        if width > widths[i] { widths[i] = width }
                    } else {
                        asIs.append(-1)
                        widths[i] = max(widths[i], lay(row[i]).width)
                    }
                }
            }
            return (widths: widths, asIs: asIs)
        }
        var widths = header.map(\.width)
        for piece in measured {
            for i in widths.indices { widths[i] = max(widths[i], piece.widths[i]) }
        }
        widths = widths.map { min(max($0, 1), maxColumnWidth) }

        let noRows = table.rows.isEmpty
        if noRows {
            // The "(no rows)" line spans every column; make sure it fits.
            let inner = widths.reduce(0, +) + 3 * (widths.count - 1)
            let needed = displayWidth(Self.noRowsText)
            if inner < needed, let last = widths.indices.last {
                widths[last] += needed - inner
            }
        }

        // Box characters are three bytes each; a CJK character is three bytes for two columns.
        let lineBytes = 2 * widths.reduce(0, +) + 8 * columnCount + 4
        out += rule("┌", "┬", "┐", widths, above: false, below: true).utf8
        line(header, widths, into: &out)
        out += rule("├", "┼", "┤", widths, above: true, below: !noRows).utf8
        // Second pass: the lines, drawn in the same pieces as the first pass measured.
        let widthsDrawn = widths
        let lines = inPieces(bodyCount + table.footerRows.count) { piece, range in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * lineBytes)
            var position = 0
            for r in range {
                if r == bodyCount { bytes += rule("├", "┼", "┤", widthsDrawn, above: !noRows, below: true).utf8 }
                let row = r < bodyCount ? table.rows[r] : table.footerRows[r - bodyCount]
                line(row, asIs: measured[piece].asIs, from: &position, widthsDrawn, into: &bytes)
            }
            return bytes
        }
        if noRows {
            let inner = widths.reduce(0, +) + 3 * (widths.count - 1)
            let text = pad(Self.noRowsText, toWidth: inner, alignRight: false)
            out += ("│ " + style(text, .dim) + " │\n").utf8
        }
        let lastIsMerged = noRows && table.footerRows.isEmpty
        return [out] + lines + [Array(rule("└", "┴", "┘", widths, above: !lastIsMerged, below: false).utf8)]
    }

    private func sgr(_ emphasis: Emphasis) -> SGR? {
        switch emphasis {
        case .none: nil
        case .negative: .red
        case .warning: .yellow
        case .strong: .bold
        }
    }

    private func lay(_ cell: Cell) -> Laid {
        lay(cell.text, alignRight: cell.alignment == .right, sgr: sgr(cell.emphasis))
    }

    private func lay(_ raw: String, alignRight: Bool, sgr: SGR?) -> Laid {
        var text = escapingControlCharacters(raw)
        var width = displayWidth(text)
        if width > maxColumnWidth {
            text = truncate(text, toWidth: maxColumnWidth)
            width = displayWidth(text)
        }
        return Laid(text: text, width: width, alignRight: alignRight, sgr: sgr)
    }

    /// A horizontal rule. A junction joins the column separators of the rows above and below;
    /// where a row spans all columns ("(no rows)") there is no separator on that side.
    private func rule(
        _ left: String, _ cross: String, _ right: String, _ widths: [Int], above: Bool, below: Bool
    ) -> String {
        let junction =
            switch (above, below) {
            case (true, true): cross
            case (true, false): "┴"
            case (false, true): "┬"
            case (false, false): "─"
            }
        let segments = widths.map { String(repeating: "─", count: $0 + 2) }
        return left + segments.joined(separator: junction) + right + "\n"
    }

    /// One row of cells, missing cells blank; `asIs` holds the widths the first pass measured.
    private func line(_ cells: [Cell], asIs: [Int32], from position: inout Int, _ widths: [Int], into out: inout [UInt8]) {
        out += "│".utf8
        for (i, width) in widths.enumerated() {
            let measured = Int(asIs[position])
            position += 1
            if i >= cells.count {
                append("", width: 0, in: width, alignRight: false, sgr: nil, to: &out)
            } else if measured >= 0 {
                append(cells[i].text, width: measured, in: width, alignRight: cells[i].alignment == .right, sgr: sgr(cells[i].emphasis), to: &out)
            } else {
                append(lay(cells[i]), width: width, to: &out)
            }
        }
        out.append(UInt8(ascii: "\n"))
    }

    private func line(_ cells: [Laid], _ widths: [Int], into out: inout [UInt8]) {
        out += "│".utf8
        for (cell, width) in zip(cells, widths) { append(cell, width: width, to: &out) }
        out.append(UInt8(ascii: "\n"))
    }

    /// " text │", padded to `width` on the side away from its alignment.
    private func append(_ cell: Laid, width: Int, to out: inout [UInt8]) {
        append(cell.text, width: cell.width, in: width, alignRight: cell.alignRight, sgr: cell.sgr, to: &out)
    }

    private func append(_ text: String, width: Int, in columnWidth: Int, alignRight: Bool, sgr: SGR?, to out: inout [UInt8]) {
        let gap = max(0, columnWidth - width)
        out.append(UInt8(ascii: " "))
        if alignRight { Self.appendSpaces(gap, to: &out) }
        var text = sgr.map { style(text, $0) } ?? text
        text.withUTF8 { out.append(contentsOf: $0) }
        if !alignRight { Self.appendSpaces(gap, to: &out) }
        out += " │".utf8
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func appendSpaces(_ count: Int, to out: inout [UInt8]) {
        var left = count
        while left > 0 {
            let now = min(left, spaces.count)
            out.append(contentsOf: spaces[0..<now])
            left -= now
        }
    }

    // MARK: - Colour

    private enum SGR: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case yellow = "33"
    }

    private func style(_ text: String, _ sgr: SGR) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[" + sgr.rawValue + "m" + text + "\u{1B}[0m"
    }
}
