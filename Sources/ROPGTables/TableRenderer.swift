/// `table` written in `format`. `color` adds ANSI colour to `.text` only; the other formats
/// never contain escape codes. The result always ends with a newline.
///
/// A table with a chart is drawn as its chart in text and Markdown, `width` display columns wide
/// (80 when nil): its title's line, the bars and scale, then its notes. A text table wider than
/// `width` (when given) has its long words wrapped within their columns where that makes it fit
/// (`TextWrappedTable`), else is shown as records, one a row (`TextRecordsRenderer`), and says so.
public func render(_ table: Table, as format: OutputFormat, color: Bool, width: Int? = nil) -> String {
    if let chart = table.chart, format == .text || format == .md {
        let drawn = TextChartRenderer(width: width ?? 80, color: color && format == .text).render(chart)
        let notes = table.notes.map { escapingControlCharacters($0) + "\n" }.joined()
        return format == .md ? "```\n" + drawn + "```\n\n" + notes : drawn + notes
    }
    if format == .text, let width {
        // Fitted to the terminal: a table wider than `width` is shown as records instead.
        let full = TextTableRenderer(color: color, maxColumnWidth: 100).render(table)
        // The top rule is the first line or, under a title, the second: only those are cut off
        // (a table of 100,000 rows is 20 MB of text).
        let drawn = full.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).prefix(2).first { $0.hasPrefix("┌") }
            .map { displayWidth(String($0)) } ?? 0
        if drawn <= width { return full }
        // A little too wide: its words wrapped within their columns, if that makes it fit.
        if let wrapped = TextWrappedTable.fitted(table, width: width) {
            var noted = wrapped
            noted.notes.append(TextWrappedTable.layoutNote(tableWidth: drawn, width: width))
            return TextTableRenderer(color: color, maxColumnWidth: 100).render(noted)
        }
        return TextRecordsRenderer(width: width, color: color).render(table, tableWidth: drawn)
    }
    switch format {
    // Wide enough for the working of a cost line in `why` and `costs by=entry`.
    case .text: return TextTableRenderer(color: color, maxColumnWidth: 100).render(table)
    case .md: return MarkdownTableRenderer().render(table)
    case .csv: return CSVTableRenderer().render(table)
    case .json: return JSONTableRenderer().render(table)
    }
}
