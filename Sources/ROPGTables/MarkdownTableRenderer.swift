/// Writes a table as a GitHub-flavoured Markdown table, padded by display width so the source
/// lines up too.
///
///     **利润表**
///
///     | SKU      | 品名    |       售价 |
///     | -------- | ------- | ---------: |
///     | TS-001   | 纯棉T恤 |      79.00 |
///     | **合计** |         | **158.00** |
///
///     allocation: by revenue
///
/// `|` in cells is written `\|`, a line break `<br>`, and other control characters are escaped
/// visibly as in the text renderer. Footer rows and `.strong` cells are bold. The title is a bold
/// line above; each note is a paragraph below.
public struct MarkdownTableRenderer: Sendable {
    /// Padding stops at this display width; longer cells are written whole and stick out.
    public var maxPaddedWidth: Int

    public init(maxPaddedWidth: Int = 60) {
        self.maxPaddedWidth = maxPaddedWidth
    }

    public func render(_ table: Table) -> String {
        var blocks: [String] = []
        if let title = table.title {
            blocks.append(bold(inline(title)) + "\n")
        }
        if table.columns.isEmpty {
            blocks.append("(no columns)\n")
        } else {
            blocks.append(grid(table))
            if table.rows.isEmpty {
                blocks.append(TextTableRenderer.noRowsText + "\n")
            }
        }
        for note in table.notes {
            blocks.append(inline(note) + "\n")
        }
        return blocks.joined(separator: "\n")
    }

    private func grid(_ table: Table) -> String {
        let header = table.columns.map { cellText($0.title) }
        let body = table.rows.map { row in
            table.normalized(row).map { cell in
                cell.emphasis == .strong ? bold(cellText(cell.text)) : cellText(cell.text)
            }
        }
        let footer = table.footerRows.map { row in
            table.normalized(row).map { bold(cellText($0.text)) }
        }
        let rightAligned = table.columns.map { $0.alignment == .right }

        var widths = header.map { max(3, displayWidth($0)) }
        for row in body + footer {
            for (i, text) in row.enumerated() {
                widths[i] = max(widths[i], min(displayWidth(text), maxPaddedWidth))
            }
        }

        func line(_ cells: [String]) -> String {
            var out = "|"
            for (i, text) in cells.enumerated() {
                out += " " + pad(text, toWidth: widths[i], alignRight: rightAligned[i]) + " |"
            }
            return out + "\n"
        }

        var out = line(header)
        out += "|"
        for (i, width) in widths.enumerated() {
            let dashes =
                rightAligned[i]
                ? String(repeating: "-", count: width - 1) + ":"
                : String(repeating: "-", count: width)
            out += " " + dashes + " |"
        }
        out += "\n"
        for row in body + footer { out += line(row) }
        return out
    }

    /// Text for a table cell: line breaks as `<br>`, pipes escaped, no raw control characters.
    private func cellText(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "|" || needsVisibleEscape($0) }) else {
            return s
        }
        var out = ""
        var afterCR = false
        for scalar in s.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue  // CRLF is one break
            case "\r", "\n": out += "<br>"
            case "|": out += "\\|"
            default: out += escapingControlCharacters(String(scalar))
            }
        }
        return out
    }

    /// Text outside the table: no raw control characters.
    private func inline(_ s: String) -> String {
        escapingControlCharacters(s)
    }

    private func bold(_ s: String) -> String {
        s.isEmpty ? s : "**" + s + "**"
    }
}
