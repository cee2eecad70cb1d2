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
/// Each record is headed by its row's first cell; its other cells follow one a line, labelled by
/// their column titles and cut with "…" to fit `width` (a figure is never cut: its label gives way). The table's notes follow, then a line that
/// says the layout changed and how to see the whole table.
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
        // The labels leave room for the widest figure: a figure is never cut.
        let widestFigure = rows.lazy.flatMap { $0.dropFirst() }.filter { $0.figure != nil }.map { displayWidth(escapingControlCharacters($0.text)) }.max() ?? 0
        let labelWidth = max(1, min(titles.dropFirst().map(displayWidth).max() ?? 0, width / 2, width - 3 - widestFigure))
        let valueWidth = max(4, width - labelWidth - 3)
        for row in rows {
            let name = truncate(escapingControlCharacters(row.first?.text ?? ""), toWidth: width - 6)
            let head = "─[ " + name + " ]"
            out += bold(head + String(repeating: "─", count: max(0, min(width, 40) - displayWidth(head)))) + "\n"
            for (index, cell) in row.enumerated().dropFirst() {
                let text = escapingControlCharacters(cell.text)
                // A figure is never cut (a cut figure reads as another number): its label gives
                // way, and past that it runs over the width. Words are cut with "…".
                let shownWidth = displayWidth(text)
                if cell.figure != nil, shownWidth > valueWidth {
                    let room = max(1, width - 3 - shownWidth)
                    out += pad(truncate(titles[index], toWidth: room), toWidth: room, alignRight: false) + " │ " + text + "\n"
                    continue
                }
                let label = pad(truncate(titles[index], toWidth: labelWidth), toWidth: labelWidth, alignRight: false)
                out += label + " │ " + truncate(text, toWidth: valueWidth) + "\n"
            }
        }
        if table.rows.isEmpty { out += TextTableRenderer.noRowsText + "\n" }
        for note in table.notes { out += escapingControlCharacters(note) + "\n" }
        out += Self.layoutNote(tableWidth: tableWidth, width: width) + "\n"
        return out
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
}
