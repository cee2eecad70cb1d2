import ROPGText
/// A table too wide for the terminal, drawn as one record per row, as psql's `\x auto` does:
///
///     profit and loss 2026
///     ─[ 2026-01 ]──────────────────
///     GMV          │ 892,561.98
///     net revenue  │ 892,561.98
///     ─[ total 2026 ]───────────────
///     …
///
/// Each record is headed by what names its row (`rowKey`, else its first cell); its other cells
/// follow one a line, labelled by their column titles. Words wrap to fit `width`; a figure is
/// never cut: its label gives way, or it takes the next line. The table's notes follow, then a
/// line that says the layout changed and how to see the whole table.
public struct TextRecordsRenderer: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int, color: Bool = false) {
        self.width = max(20, width)
        self.color = color
    }

    /// What the table says when it is shown as records.
    public static func layoutNote(tableWidth: Int, width: Int) -> String {
        phrase("shown as records, one a row: the table is {table} columns wide and the output {width} (format width=full shows it whole; files keep it whole)",
               ["table": String(tableWidth), "width": String(width)])
    }

    public func render(_ table: Table, tableWidth: Int) -> String {
        var out = ""
        if let title = table.title { out += bold(escapingControlCharacters(title)) + "\n" }
        let titles = table.columns.map { escapingControlCharacters($0.title) }
        let rows = table.rows.map(table.normalized) + table.footerRows.map(table.normalized)
        // The labels leave room for the widest figure, down to a few columns of label: a figure
        // wider still is the one that gives way (below).
        let widestTitle = titles.dropFirst().map(displayWidth).max() ?? 0
        let widestFigure = rows.lazy.flatMap { $0.dropFirst() }.filter { $0.figure != nil }.map { displayWidth(escapingControlCharacters($0.text)) }.max() ?? 0
        let labelWidth = max(1, min(widestTitle, 6), min(widestTitle, width / 2, width - 3 - widestFigure))
        let valueWidth = max(4, width - labelWidth - 3)
        let blankLabel = String(repeating: " ", count: labelWidth)
        let naming = table.rowKey.compactMap { key in table.columns.firstIndex { $0.key == key } }
        for row in rows {
            // Headed by what names the row (an entry's ID and name), or its first words.
            let names = (naming.isEmpty ? [0] : naming).map { row[$0].text }.filter { !$0.isEmpty }
            let heading = names.isEmpty ? row.first { !$0.text.isEmpty && $0.figure == nil }?.text ?? "" : names.joined(separator: " ")
            let name = truncate(escapingControlCharacters(heading), toWidth: width - 6)
            let head = "─[ " + name + " ]"
            out += bold(head + String(repeating: "─", count: max(0, min(width, 40) - displayWidth(head)))) + "\n"
            for (index, cell) in row.enumerated().dropFirst() {
                let text = escapingControlCharacters(cell.text)
                let shownWidth = displayWidth(text)
                if cell.figure != nil {
                    // A figure is never cut (a cut figure reads as another number): its label
                    // gives way, and where too little of the label would be left, the figure
                    // takes the line under it.
                    if shownWidth <= valueWidth {
                        out += pad(truncate(titles[index], toWidth: labelWidth), toWidth: labelWidth, alignRight: false) + " │ " + text + "\n"
                    } else if width - 3 - shownWidth >= min(4, displayWidth(titles[index])) {
                        let room = width - 3 - shownWidth
                        out += pad(truncate(titles[index], toWidth: room), toWidth: room, alignRight: false) + " │ " + text + "\n"
                    } else {
                        out += pad(truncate(titles[index], toWidth: labelWidth), toWidth: labelWidth, alignRight: false) + " │\n  " + text + "\n"
                    }
                    continue
                }
                // Words wrap onto the lines under their label.
                for (line, part) in wrapped(text, toWidth: valueWidth).enumerated() {
                    let label = line == 0 ? pad(truncate(titles[index], toWidth: labelWidth), toWidth: labelWidth, alignRight: false) : blankLabel
                    out += label + (part.isEmpty ? " │" : " │ " + part) + "\n"
                }
            }
        }
        if table.rows.isEmpty { out += TextTableRenderer.noRowsText + "\n" }
        for note in table.notes { out += escapingControlCharacters(note) + "\n" }
        out += Self.layoutNote(tableWidth: tableWidth, width: width) + "\n"
        return out
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
}
