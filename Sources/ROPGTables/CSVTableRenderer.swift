/// Writes a table as RFC 4180 CSV: a header row of column titles, then the rows, then the footer
/// rows, each field the cell's `plain` value, lines ended with CRLF. Titles and notes are not
/// data and stay out (the session shows notes on standard error).
///
/// A field is quoted when it holds `,`, `"`, CR or LF, with `"` doubled inside. Tabs, CR and LF
/// are data and written as they are. Other control characters (ESC, BEL, DEL, C1…) are shown
/// escaped (`\u{1B}`) by `escapingControlCharacters`, as in the text renderer, since CSV is often
/// printed to a terminal; set `keepsControlCharacters` to write them raw.
///
/// Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a field that starts with `=`,
/// `+`, `-` or `@` (or tab or CR, which some strip first) as a formula, so a product named
/// `=HYPERLINK(…)` would run when the file is opened in Excel. Such a text field is written with
/// a `'` in front and in double quotes (`"'=HYPERLINK(…)"`), which spreadsheets show as the text.
/// Whether a field is guarded depends on the cell's kind, not on its text: money, rates, counts
/// and decimals stay plain numbers, `-12.50` included, so a reader still sums them.
public struct CSVTableRenderer: Sendable {
    /// The UTF-8 byte order mark. A file writer puts it at the start of a `.csv` file so that
    /// Excel reads Chinese text as UTF-8; `render` does not include it.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Write ESC, BEL and the other control characters raw instead of escaped.
    public var keepsControlCharacters: Bool

    public init(keepsControlCharacters: Bool = false) {
        self.keepsControlCharacters = keepsControlCharacters
    }

    public func render(_ table: Table) -> String {
        render(table, marked: false)
    }

    /// The tables of one command (docs/OUTPUT.md). One table is plain CSV, exactly as
    /// `render(_:)` writes it. Several are each preceded by a line `# table: NAME` and separated by
    /// a blank line:
    ///
    ///     # table: breakeven
    ///     field,value
    ///     …
    ///
    ///     # table: breakeven_mix
    ///     SKU,name,share,margin,revenue,units
    ///     …
    ///
    /// so that a reader splits the stream at the `# table: ` lines. No data line can be taken for
    /// either: a first field starting with `#`, or a row that is one empty field, is quoted.
    public func render(_ tables: [Table]) -> String {
        guard tables.count > 1 else { return tables.first.map { render($0, marked: false) } ?? "" }
        return tables.enumerated().map { position, table in section(table, first: position == 0) }.joined()
    }

    /// One table of several as `render(_ tables:)` writes it: the blank line before it (unless it
    /// comes first), its `# table: NAME` line and its CSV.
    public func section(_ table: Table, first: Bool) -> String {
        (first ? "" : "\r\n") + "# table: " + escapingControlCharacters(table.name ?? "table") + "\r\n" + render(table, marked: true)
    }

    private func render(_ table: Table, marked: Bool) -> String {
        // Titles are words: guarded like text cells.
        var out = line(table.columns.map { Self.guardingFormula($0.title) }, marked: marked)
        for row in table.rows + table.footerRows {
            out += line(table.normalized(row).map { Self.guardingFormula($0) }, marked: marked)
        }
        return out
    }

    /// A field ready to write, and whether it must be in quotes whatever it holds.
    private typealias Field = (text: String, quoted: Bool)

    /// A cell's `plain` value; a figure is written as it is, other text guarded against formulas.
    static func guardingFormula(_ cell: Cell) -> (text: String, quoted: Bool) {
        switch cell.kind {
        case .money, .rate, .count, .decimal, .empty:
            // Numbers a spreadsheet must read as numbers (a loss of -12.50 among them); an empty
            // cell holds nothing to run.
            return (cell.plain, false)
        case .text, .date, .bool:
            return guardingFormula(cell.plain)
        }
    }

    /// Text with `'` in front, to be written in quotes, when a spreadsheet would run it as a formula.
    static func guardingFormula(_ text: String) -> (text: String, quoted: Bool) {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return (text, false) }
        return ("'" + text, true)
    }

    /// What makes a spreadsheet read a field as a formula (OWASP's list).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private func line(_ fields: [Field], marked: Bool) -> String {
        var fields = fields.map { field in
            Self.field(keepsControlCharacters ? field.text : Self.safe(field.text), quoted: field.quoted)
        }
        // Between `# table:` lines, a line starting with # or a blank line is never data.
        if marked, let first = fields.first, first.hasPrefix("#") || (fields.count == 1 && first.isEmpty) {
            // `field` left it unquoted, so it holds no quote to double.
            fields[0] = "\"" + first + "\""
        }
        return fields.joined(separator: ",") + "\r\n"
    }

    /// `value` with control characters other than tab, CR and LF shown escaped.
    public static func safe(_ value: String) -> String {
        escapingControlCharacters(value, keeping: [.tab, .carriageReturn, .lineFeed])
    }

    /// One field, quoted if it needs to be (or if `quoted`).
    public static func field(_ value: String, quoted: Bool = false) -> String {
        let needsQuotes = quoted || value.unicodeScalars.contains {
            $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n"
        }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }
}
