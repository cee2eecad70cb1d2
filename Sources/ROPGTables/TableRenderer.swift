/// `table` written in `format`. `color` adds ANSI colour to `.text` only; the other formats
/// never contain escape codes. The result always ends with a newline.
public func render(_ table: Table, as format: OutputFormat, color: Bool) -> String {
    switch format {
    // Wide enough for the working of a cost line in `why` and `costs by=entry`.
    case .text: TextTableRenderer(color: color, maxColumnWidth: 100).render(table)
    case .md: MarkdownTableRenderer().render(table)
    case .csv: CSVTableRenderer().render(table)
    case .json: JSONTableRenderer().render(table)
    }
}
