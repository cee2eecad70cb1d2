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
        // The parts are Strings made side by side (each checked as UTF-8 on its own core) and
        // joined in one copy: a report can be 20 MB of text (100,000 rows).
        var parts: [String] = []
        var head: [UInt8] = []
        if let title = table.title {
            head += (style(escapingControlCharacters(title), .bold) + "\n").utf8
        }
        if table.columns.isEmpty {
            head += "(no columns)\n".utf8
            parts.append(String(decoding: head, as: UTF8.self))
        } else {
            parts = box(table, head: head)
        }
        for note in table.notes {
            parts.append(escapingControlCharacters(note) + "\n")
        }
        var drawn = ""
        drawn.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { drawn += part }
        return drawn
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
    private func box(_ table: Table, head: [UInt8]) -> [String] {
        var out = head
        let columnCount = table.columns.count
        let header = table.columns.map { column in
            lay(column.title, alignRight: column.alignment == .right, sgr: .bold)
        }
        // First pass, over the body and footer rows together: each cell's width when it is drawn
        // as it is, or -1 when it must be laid out (escaped, cut; laid out here, in order), 
        // `columnCount` to a row; and the widest cell of each column. Big tables are measured in
        // pieces side by side. The cells are read in place: copying a row or a cell's text out
        // counted each holder up and down, a million times over both cores.
        let bodyCount = table.rows.count
        let measured = inPieces(bodyCount + table.footerRows.count) { _, range in
            var widths = [Int](repeating: 0, count: columnCount)
            var asIs: [Int32] = []
            var laid: [Laid] = []
            asIs.reserveCapacity(range.count * columnCount)
            for r in range {
                table.withCells(ofLine: r) { row in
                    for i in 0..<columnCount {
                        guard i < row.count else {
                            asIs.append(0)
                            continue
                        }
                        let width = row[i].textIsPrintableASCII ? row[i].text.utf8.count
                            : row[i].text.utf8.withContiguousStorageIfAvailable(simpleDisplayWidth(utf8:)) ?? nil
                        if let width, width <= maxColumnWidth {
                            asIs.append(Int32(width))
                            if width > widths[i] { widths[i] = width }
                        } else {
                            asIs.append(-1)
                            let cell = lay(row[i])
                            laid.append(cell)
                            widths[i] = max(widths[i], cell.width)
                        }
                    }
                }
            }
            return (widths: widths, asIs: asIs, laid: laid)
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

        out += rule("┌", "┬", "┐", widths, above: false, below: true).utf8
        line(header, widths, into: &out)
        out += rule("├", "┼", "┤", widths, above: true, below: !noRows).utf8
        // Second pass: the lines, drawn in the same pieces as the first pass measured, each cell's
        // bytes written in place. Box characters are three bytes each and a CJK character three
        // bytes for two columns, so a line is about this long (the writer grows past it if not).
        let lineBytes = 2 * widths.reduce(0, +) + 8 * columnCount + 4
        let footerRule = Array(rule("├", "┼", "┤", widths, above: !noRows, below: true).utf8)
        let widthsDrawn = widths
        let lines = inPieces(bodyCount + table.footerRows.count) { piece, range in
            var bytes = ByteWriter(capacity: range.count * lineBytes + footerRule.count)
            var position = 0, laidPosition = 0
            let laid = measured[piece].laid
            measured[piece].asIs.withUnsafeBufferPointer { asIs in
                widthsDrawn.withUnsafeBufferPointer { widths in
                    for r in range {
                        if r == bodyCount { bytes.write(footerRule) }
                        table.withCells(ofLine: r) { row in
                            line(row, asIs: asIs, from: &position, laid: laid, from: &laidPosition, widths, into: &bytes)
                        }
                    }
                }
            }
            return bytes.finished()
        }
        if noRows {
            let inner = widths.reduce(0, +) + 3 * (widths.count - 1)
            let text = pad(Self.noRowsText, toWidth: inner, alignRight: false)
            out += ("│ " + style(text, .dim) + " │\n").utf8
        }
        let lastIsMerged = noRows && table.footerRows.isEmpty
        return [String(decoding: out, as: UTF8.self)] + lines + [rule("└", "┴", "┘", widths, above: !lastIsMerged, below: false)]
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

    /// One row of cells, missing cells blank; `asIs` holds the widths the first pass measured and
    /// `laid` the cells it laid out.
    private func line(_ cells: UnsafeBufferPointer<Cell>, asIs: UnsafeBufferPointer<Int32>, from position: inout Int, laid: [Laid], from laidPosition: inout Int,
                      _ widths: UnsafeBufferPointer<Int>, into out: inout ByteWriter) {
        out.write(Self.bar)
        for (i, width) in widths.enumerated() {
            let measured = Int(asIs[position])
            position += 1
            out.write(byte: UInt8(ascii: " "))
            if i >= cells.count {
                out.writeSpaces(width)
            } else if measured >= 0 {
                let alignRight = cells[i].alignment == .right, gap = max(0, width - measured)
                if alignRight { out.writeSpaces(gap) }
                let sgr = color && !cells[i].text.isEmpty ? sgr(cells[i].emphasis) : nil
                if let sgr { out.writeStart(of: sgr) }
                if cells[i].text.utf8.withContiguousStorageIfAvailable({ out.write($0) }) == nil {
                    var text = cells[i].text
                    text.withUTF8 { out.write($0) }
                }
                if let sgr { out.writeEnd(of: sgr) }
                if !alignRight { out.writeSpaces(gap) }
            } else {
                let cell = laid[laidPosition]
                laidPosition += 1
                var text = cell.sgr.map { style(cell.text, $0) } ?? cell.text
                let gap = max(0, width - cell.width)
                if cell.alignRight { out.writeSpaces(gap) }
                text.withUTF8 { out.write($0) }
                if !cell.alignRight { out.writeSpaces(gap) }
            }
            out.write(Self.spaceBar)
        }
        out.write(byte: UInt8(ascii: "\n"))
    }

    private static let bar = Array("│".utf8), spaceBar = Array(" │".utf8)

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

    fileprivate enum SGR: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case yellow = "33"

        /// `style`'s bytes before the text and after it.
        var start: [UInt8] {
            switch self {
            case .bold: Self.boldStart
            case .dim: Self.dimStart
            case .red: Self.redStart
            case .yellow: Self.yellowStart
            }
        }
        private static let boldStart = starting(.bold), dimStart = starting(.dim), redStart = starting(.red), yellowStart = starting(.yellow)
        private static func starting(_ sgr: SGR) -> [UInt8] { Array(("\u{1B}[" + sgr.rawValue + "m").utf8) }
        static let end = Array("\u{1B}[0m".utf8)
    }

    private func style(_ text: String, _ sgr: SGR) -> String {
        guard color, !text.isEmpty else { return text }
        return "\u{1B}[" + sgr.rawValue + "m" + text + "\u{1B}[0m"
    }
}

/// Bytes drawn in place through a pointer (a line of a 100,000-row table is a few dozen writes,
/// each a copy with no check of who else holds the array), growing when a write would not fit.
private struct ByteWriter {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    private mutating func makeRoom(for extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        makeRoom(for: bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

    mutating func write(byte: UInt8) {
        makeRoom(for: 1)
        base[count] = byte
        count += 1
    }

    mutating func writeSpaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        makeRoom(for: spaces)
        (base + count).update(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces
    }

    mutating func writeStart(of sgr: TextTableRenderer.SGR) { write(sgr.start) }
    mutating func writeEnd(of sgr: TextTableRenderer.SGR) { write(TextTableRenderer.SGR.end) }

    /// The bytes written as a String (the writer is not used again).
    consuming func finished() -> String {
        defer { base.deallocate() }
        return String(unsafeUninitializedCapacity: count) { target in
            guard let start = target.baseAddress else { return 0 }
            start.update(from: base, count: count)
            return count
        }
    }
}
