import ROPGText

// A table a little too wide for the terminal, its long words wrapped within their columns:
//
//     ┌─────────────────┬────────────────────────────┐
//     │ field           │ value                      │
//     ├─────────────────┼────────────────────────────┤
//     │ assumptions set │ cvr, aov, cpc, paid-share, │
//     │                 │ units-per-order            │
//
// Figures are never wrapped or cut: only columns of words give way, each down to
// `TextWrappedTable.narrowestColumn`. A table that does not fit so is shown as records instead.
enum TextWrappedTable {
    /// The narrowest a column of words is wrapped to: narrower, a phrase takes a line a word.
    static let narrowestColumn = 20
    /// Rows beyond which wrapping is not tried: a long report is read as records or whole.
    static let mostRows = 2_000

    /// `table` with its words wrapped so that, drawn, it is at most `width` columns wide; nil when
    /// it cannot be (its figures alone are too wide, or it is long).
    static func fitted(_ table: Table, width: Int) -> Table? {
        guard table.rows.count + table.footerRows.count <= mostRows, !table.columns.isEmpty else { return nil }
        let rows = table.rows.map(table.normalized) + table.footerRows.map(table.normalized)
        let columns = table.columns.indices
        // A column with words in it can wrap them (its title and its figures stay whole): down to
        // the narrowest, its title or its widest figure, whichever is widest.
        let wrappable = columns.map { column in rows.contains { $0[column].figure == nil && !$0[column].text.isEmpty } }
        var widths = columns.map { column in
            rows.reduce(displayWidth(escapingControlCharacters(table.columns[column].title))) { max($0, displayWidth(escapingControlCharacters($1[column].text))) }
        }
        let floors = columns.map { column in
            rows.reduce(max(narrowestColumn, displayWidth(escapingControlCharacters(table.columns[column].title)))) { widest, row in
                row[column].figure == nil ? widest : max(widest, displayWidth(row[column].text))
            }
        }
        let borders = 3 * table.columns.count + 1
        func drawnWidth() -> Int { widths.reduce(borders, +) }
        guard drawnWidth() > width else { return table }
        // The widest column of words gives way first, a column at a time, down to its floor.
        while drawnWidth() > width {
            guard let widest = columns.filter({ wrappable[$0] && widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { return nil }
            widths[widest] = max(floors[widest], widths[widest] - (drawnWidth() - width))
        }
        var fitted = table
        func lines(_ row: [Cell]) -> [[Cell]] {
            var pieces: [[String]] = []
            for column in columns {
                pieces.append(wrappable[column] && row[column].figure == nil ? wrapped(escapingControlCharacters(row[column].text), toWidth: widths[column]) : [""])
            }
            let height = pieces.map(\.count).max() ?? 1
            return (0..<height).map { line in
                columns.map { column in
                    guard wrappable[column], pieces[column].count > 1 else { return line == 0 ? row[column] : .empty }
                    guard line < pieces[column].count else { return .empty }
                    var cell = row[column]
                    cell.text = pieces[column][line]
                    return cell
                }
            }
        }
        fitted.rows = table.rows.map(table.normalized).flatMap(lines)
        fitted.footerRows = table.footerRows.map(table.normalized).flatMap(lines)
        return fitted
    }

    /// What the table says when its words are wrapped to fit.
    static func layoutNote(tableWidth: Int, width: Int) -> String {
        phrase("long words wrapped to fit: the table is {table} columns wide and the output {width} (format width=full shows it whole; files keep it whole)",
               ["table": String(tableWidth), "width": String(width)])
    }
}
