import ROPGDomain

/// Writes a table as an HTML `<table>`: the title as its caption, numbers right-aligned (class
/// `num`), losses red (class `neg`), totals in `<tfoot>`, notes as paragraphs after it. Every
/// text is escaped, so a name read from a workspace cannot inject markup; control characters
/// are shown escaped as everywhere else (`escapingControlCharacters`).
public struct HTMLTableRenderer: Sendable {
    public init() {}

    public func render(_ table: Table) -> String {
        var out = "<div class=\"table\"><table"
        if let name = table.name { out += " data-table=\"\(HTMLText.escaped(name))\"" }
        out += ">\n"
        if let title = table.title { out += "<caption>\(HTMLText.escaped(title))</caption>\n" }
        out += "<thead><tr>"
        for column in table.columns {
            out += column.alignment == .right ? "<th class=\"num\">" : "<th>"
            out += HTMLText.escaped(column.title) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows { out += line(table.normalized(row), cell: "td") }
        if table.rows.isEmpty {
            out += "<tr><td colspan=\"\(max(1, table.columns.count))\" class=\"none\">\(HTMLText.escaped(TextTableRenderer.noRowsText))</td></tr>\n"
        }
        out += "</tbody>\n"
        if !table.footerRows.isEmpty {
            out += "<tfoot>\n"
            for row in table.footerRows { out += line(table.normalized(row), cell: "td") }
            out += "</tfoot>\n"
        }
        out += "</table>\n"
        for note in table.notes { out += "<p class=\"note\">\(HTMLText.escaped(note))</p>\n" }
        return out + "</div>\n"
    }

    private func line(_ cells: [Cell], cell tag: String) -> String {
        var out = "<tr>"
        for cell in cells {
            var classes: [String] = []
            if cell.alignment == .right { classes.append("num") }
            switch cell.emphasis {
            case .negative: classes.append("neg")
            case .warning: classes.append("warn")
            case .strong: classes.append("strong")
            case .none: break
            }
            out += "<\(tag)" + (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")
            // Machines read the plain value (1234.50) beside the shown one (1,234.50).
            if cell.figure != nil { out += " data-value=\"\(HTMLText.escaped(cell.documentPlain))\"" }
            out += ">" + HTMLText.escaped(cell.text) + "</\(tag)>"
        }
        return out + "</tr>\n"
    }
}

/// Text made safe for HTML: `&`, `<`, `>` and quotes escaped, control characters shown escaped.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        let visible = escapingControlCharacters(text, keeping: .lineFeed)
        guard visible.contains(where: { "&<>\"'".contains($0) }) else { return visible }
        var out = ""
        out.reserveCapacity(visible.utf8.count + 16)
        for character in visible {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
