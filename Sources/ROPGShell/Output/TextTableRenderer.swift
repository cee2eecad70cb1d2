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
    public static let noRowsText = "(no rows)"

    public func render(_ table: Table) -> String {
        var out = ""
        if let title = table.title {
            out += style(escapingControlCharacters(title), .bold) + "\n"
        }
        if table.columns.isEmpty {
            out += "(no columns)\n"
        } else {
            out += box(table)
        }
        for note in table.notes {
            out += escapingControlCharacters(note) + "\n"
        }
        return out
    }

    // MARK: - Layout

    /// A cell ready to draw: escaped text and its display width.
    private struct Laid {
        var text: String
        var width: Int
        var alignRight: Bool
        var sgr: SGR?
    }

    private func box(_ table: Table) -> String {
        let header = table.columns.map { column in
            lay(column.title, alignRight: column.alignment == .right, sgr: .bold)
        }
        let body = table.rows.map { table.normalized($0).map(lay) }
        let footer = table.footerRows.map { table.normalized($0).map(lay) }

        var widths = header.map(\.width)
        for row in body + footer {
            for (i, cell) in row.enumerated() where cell.width > widths[i] {
                widths[i] = cell.width
            }
        }
        widths = widths.map { min(max($0, 1), maxColumnWidth) }

        let noRows = body.isEmpty
        if noRows {
            // The "(no rows)" line spans every column; make sure it fits.
            let inner = widths.reduce(0, +) + 3 * (widths.count - 1)
            let needed = displayWidth(Self.noRowsText)
            if inner < needed, let last = widths.indices.last {
                widths[last] += needed - inner
            }
        }

        var out = rule("┌", "┬", "┐", widths, above: false, below: true)
        out += line(header, widths)
        out += rule("├", "┼", "┤", widths, above: true, below: !noRows)
        if noRows {
            let inner = widths.reduce(0, +) + 3 * (widths.count - 1)
            let text = pad(Self.noRowsText, toWidth: inner, alignRight: false)
            out += "│ " + style(text, .dim) + " │\n"
        } else {
            for row in body { out += line(row, widths) }
        }
        if !footer.isEmpty {
            out += rule("├", "┼", "┤", widths, above: !noRows, below: true)
            for row in footer { out += line(row, widths) }
        }
        let lastIsMerged = noRows && footer.isEmpty
        out += rule("└", "┴", "┘", widths, above: !lastIsMerged, below: false)
        return out
    }

    private func lay(_ cell: Cell) -> Laid {
        let sgr: SGR? =
            switch cell.emphasis {
            case .none: nil
            case .negative: .red
            case .warning: .yellow
            case .strong: .bold
            }
        return lay(cell.text, alignRight: cell.alignment == .right, sgr: sgr)
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

    private func line(_ cells: [Laid], _ widths: [Int]) -> String {
        var out = "│"
        for (cell, width) in zip(cells, widths) {
            let gap = String(repeating: " ", count: max(0, width - cell.width))
            let text = cell.sgr.map { style(cell.text, $0) } ?? cell.text
            out += " " + (cell.alignRight ? gap + text : text + gap) + " │"
        }
        return out + "\n"
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
