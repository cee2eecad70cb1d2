import CXLSXWriter
import Foundation
import ROPGDomain
import ROPGTables
import ROPGText

// Excel workbooks through libxlsxwriter. A workbook holds the same tables the terminal shows:
// every figure a real number, written as the table shows it (money to the cent, a rate to the
// places shown), with a number format (money #,##0.00, rates 0.00%, counts #,##0), so that the
// workbook's figures are the text report's to the cent. Each sheet has its header row frozen and
// bold, its total rows bold, column widths from the display width (a CJK character counts 2),
// the notes below the table, and a native chart beside a table that carries one (`Table.chart`).

/// Why a workbook could not be made.
public struct WorkbookError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// One sheet: its name and the tables on it, one under another (the first one's header frozen).
public struct WorkbookSheet: Sendable {
    public var name: String
    public var tables: [Table]

    public init(name: String, tables: [Table]) {
        self.name = name
        self.tables = tables
    }
}

public enum Workbook {
    /// The number formats, one place for each kind of figure.
    public static let moneyFormat = "#,##0.00"
    public static let countFormat = "#,##0"
    public static let decimalFormat = "0.00"
    public static let dateFormat = "yyyy-mm-dd"
    /// "0.00%" for a rate shown with two places, "0.0%" with one, "0%" with none.
    public static func rateFormat(places: Int) -> String {
        places > 0 ? "0." + String(repeating: "0", count: places) + "%" : "0%"
    }

    /// The widest a column is made, in Excel's character widths.
    static let widestColumn = 60.0

    /// What a sheet holds at most (Excel's limits): a table past them is refused, not cut.
    public static let maximumColumns = 16_384
    public static let maximumRows = 1_048_576
    /// The most points a chart's series is given: Excel 2007's limit, and below the point
    /// count libxlsxwriter can write (16 bits). A table with more rows gets no chart, and a note.
    public static let maximumChartPoints = 32_000

    /// Each sheet checked against what a sheet holds, before anything is written: a grid of
    /// 100,000 products as columns would be cut off at the 16,384th (its totals lost).
    static func checkFits(_ sheets: [WorkbookSheet], named names: [String]) throws(WorkbookError) {
        for (sheet, name) in zip(sheets, names) {
            var rows = 0
            for table in sheet.tables {
                if table.columns.count > maximumColumns {
                    throw WorkbookError(phrase("the table {table} has {count} columns, more than the {most} a sheet can hold: show fewer (top=N), or put them in rows (by=product,month)",
                                               ["table": table.title ?? name, "count": ExactDecimal(table.columns.count).countText, "most": ExactDecimal(maximumColumns).countText]))
                }
                rows += (table.title == nil ? 0 : 1) + 1 + table.rows.count + table.footerRows.count + (table.notes.isEmpty && table.chart == nil ? 0 : table.notes.count + 2) + 2
            }
            if rows > maximumRows {
                throw WorkbookError(phrase("the sheet {sheet} needs {count} rows, more than the {most} a sheet can hold: show fewer rows (a shorter period, or top=N)",
                                           ["sheet": name, "count": ExactDecimal(rows).countText, "most": ExactDecimal(maximumRows).countText]))
            }
        }
    }

    /// The workbook's bytes. libxlsxwriter writes to a file, so it writes to a private temporary
    /// file that is read back and removed; the caller puts the bytes in place atomically.
    public static func bytes(_ sheets: [WorkbookSheet]) throws(WorkbookError) -> [UInt8] {
        guard !sheets.isEmpty else { throw WorkbookError(phrase("a workbook needs at least one sheet")) }
        let names = sheetNames(sheets.map(\.name))
        try checkFits(sheets, named: names)
        let folder = FileManager.default.temporaryDirectory.path
        let temporary = folder + "/ropg-workbook-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xlsx"
        defer { unlink(temporary) }
        guard let workbook = workbook_new(temporary) else { throw WorkbookError(phrase("cannot start a workbook in {folder}", ["folder": folder])) }
        var formats = Formats(workbook: workbook)
        for (sheet, name) in zip(sheets, names) {
            guard let worksheet = workbook_add_worksheet(workbook, name) else {
                workbook_close(workbook)
                throw WorkbookError(phrase("cannot add the sheet {sheet} to the workbook", ["sheet": name]))
            }
            write(sheet.tables, to: worksheet, named: name, workbook: workbook, formats: &formats)
        }
        let closed = workbook_close(workbook)
        guard closed == LXW_NO_ERROR else {
            throw WorkbookError(phrase("cannot write the workbook: {value}", ["value": String(cString: lxw_strerror(closed))]))
        }
        guard let data = FileManager.default.contents(atPath: temporary) else { throw WorkbookError(phrase("cannot read back the workbook written to {path}", ["path": temporary])) }
        return [UInt8](data)
    }

    /// Sheet names Excel accepts, in order: the characters [ ] : * ? / \ become "_", a name is at
    /// most 31 UTF-16 units and does not start or end with an apostrophe, an empty one is "Sheet",
    /// and a name met again (Excel compares them without case) gets " 2", " 3".
    public static func sheetNames(_ wanted: [String]) -> [String] {
        var taken = Set<String>()
        return wanted.map { name in
            var clean = String(name.map { "[]:*?/\\".contains($0) || $0.isNewline ? "_" : $0 })
            while clean.hasPrefix("'") { clean.removeFirst() }
            while clean.hasSuffix("'") { clean.removeLast() }
            clean = clean.trimmingCharacters(in: .whitespaces)
            if clean.isEmpty || clean.lowercased() == "history" { clean = clean.isEmpty ? "Sheet" : clean + "_" }
            clean = fitted(clean, units: 31)
            var candidate = clean
            var number = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " \(number)"
                candidate = fitted(clean, units: 31 - suffix.count) + suffix
                number += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// The longest start of `name` of at most `units` UTF-16 code units, cut between characters:
    /// Excel counts a sheet name's 31 in UTF-16 (an emoji is two), libxlsxwriter in code points
    /// (a flag is two), and a cut inside a character would leave half of it.
    static func fitted(_ name: String, units: Int) -> String {
        var kept = ""
        var used = 0
        for character in name {
            let width = character.utf16.count
            if used + width > units { break }
            kept.append(character)
            used += width
        }
        return kept
    }

    /// libxlsxwriter's formats, made once per number format and weight.
    struct Formats {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        var made: [String: UnsafeMutablePointer<lxw_format>] = [:]

        init(workbook: UnsafeMutablePointer<lxw_workbook>) { self.workbook = workbook }

        mutating func format(_ number: String?, bold: Bool) -> UnsafeMutablePointer<lxw_format>? {
            if number == nil && !bold { return nil }
            let key = (number ?? "") + (bold ? "|bold" : "")
            if let format = made[key] { return format }
            guard let format = workbook_add_format(workbook) else { return nil }
            if let number { format_set_num_format(format, number) }
            if bold { format_set_bold(format) }
            made[key] = format
            return format
        }
    }

    /// Why a table's chart is left out of its sheet ("no chart: 100,001 rows are more than the
    /// 32,000 points a chart takes"), or nil when it has none or it fits: said under the table in
    /// the sheet and by the command that wrote it.
    public static func chartLeftOut(_ table: Table) -> String? {
        guard table.chart != nil, table.rows.count > maximumChartPoints else { return nil }
        return phrase("no chart: {count} rows are more than the {most} points a chart takes",
                      ["count": ExactDecimal(table.rows.count).countText, "most": ExactDecimal(maximumChartPoints).countText])
    }

    /// The tables one under another: title, header, rows, totals, a blank row, notes; then two
    /// blank rows before the next table.
    static func write(_ tables: [Table], to sheet: UnsafeMutablePointer<lxw_worksheet>, named name: String,
                      workbook: UnsafeMutablePointer<lxw_workbook>, formats: inout Formats) {
        var row: UInt32 = 0
        var widths: [Int] = []
        func widen(_ column: Int, _ text: String) {
            while widths.count <= column { widths.append(0) }
            widths[column] = max(widths[column], displayWidth(text))
        }
        for (position, table) in tables.enumerated() {
            if let title = table.title {
                worksheet_write_string(sheet, row, 0, escapingControlCharacters(title), formats.format(nil, bold: true))
                row += 1
            }
            let header = row
            for (column, heading) in table.columns.enumerated() {
                worksheet_write_string(sheet, row, UInt16(column), escapingControlCharacters(heading.title), formats.format(nil, bold: true))
                widen(column, heading.title)
            }
            if position == 0 { worksheet_freeze_panes(sheet, row + 1, 0) }
            row += 1
            let firstBody = row
            for cells in table.rows {
                write(table.normalized(cells), row: row, to: sheet, bold: false, formats: &formats, widen: widen)
                row += 1
            }
            let lastBody = row
            for cells in table.footerRows {
                write(table.normalized(cells), row: row, to: sheet, bold: true, formats: &formats, widen: widen)
                row += 1
            }
            var notes = table.notes
            if let leftOut = chartLeftOut(table) {
                notes.append(leftOut)
            } else if let chart = table.chart, lastBody > firstBody {
                insert(chart, of: table, sheet: sheet, named: name, workbook: workbook, header: header, rows: firstBody..<lastBody)
            }
            if !notes.isEmpty {
                row += 1
                for note in notes {
                    worksheet_write_string(sheet, row, 0, escapingControlCharacters(note), nil)
                    row += 1
                }
            }
            row += 2
        }
        for (column, width) in widths.enumerated() {
            worksheet_set_column(sheet, UInt16(column), UInt16(column), min(widestColumn, Double(max(width, 6) + 2)), nil)
        }
    }

    /// One row of cells: figures as numbers with their format, words as strings.
    static func write(_ cells: [Cell], row: UInt32, to sheet: UnsafeMutablePointer<lxw_worksheet>, bold: Bool,
                      formats: inout Formats, widen: (Int, String) -> Void) {
        for (index, cell) in cells.enumerated() {
            let column = UInt16(index)
            widen(index, cell.text)
            if let figure = cell.figure, let number = Double(figure.plain) {
                let format: String
                switch figure {
                case .money: format = moneyFormat
                case .rate(_, let places): format = rateFormat(places: places)
                case .count: format = cell.kind == .count ? countFormat : decimalFormat
                }
                worksheet_write_number(sheet, row, column, number, formats.format(format, bold: bold))
                continue
            }
            switch cell.kind {
            case .empty:
                if bold { worksheet_write_blank(sheet, row, column, formats.format(nil, bold: true)) }
            case .decimal, .money, .count, .rate:
                if let number = Double(cell.plain) {
                    worksheet_write_number(sheet, row, column, number, formats.format(cell.kind == .count ? countFormat : nil, bold: bold))
                } else {
                    worksheet_write_string(sheet, row, column, escapingControlCharacters(cell.text), formats.format(nil, bold: bold))
                }
            case .date:
                let parts = cell.plain.split(separator: "-").compactMap { Int($0) }
                if parts.count == 3 {
                    var date = lxw_datetime(year: Int32(parts[0]), month: Int32(parts[1]), day: Int32(parts[2]), hour: 0, min: 0, sec: 0)
                    worksheet_write_datetime(sheet, row, column, &date, formats.format(dateFormat, bold: bold))
                } else {
                    worksheet_write_string(sheet, row, column, escapingControlCharacters(cell.text), formats.format(nil, bold: bold))
                }
            case .text, .bool:
                worksheet_write_string(sheet, row, column, escapingControlCharacters(cell.text), formats.format(nil, bold: bold))
            }
        }
    }

    /// A native chart beside the table: columns for `.bars`, lines for `.lines`, one series per
    /// charted column, the categories from the table's first column.
    static func insert(_ chart: Chart, of table: Table, sheet: UnsafeMutablePointer<lxw_worksheet>, named name: String,
                       workbook: UnsafeMutablePointer<lxw_workbook>, header: UInt32, rows: Range<UInt32>) {
        let type = chart.style == .lines ? LXW_CHART_LINE : LXW_CHART_COLUMN
        guard let native = workbook_add_chart(workbook, UInt8(type.rawValue)) else { return }
        chart_title_set_name(native, chart.title)
        for series in chart.series {
            guard let column = table.columns.firstIndex(where: { $0.key == series.key }) else { continue }
            guard let added = chart_add_series(native, nil, nil) else { continue }
            chart_series_set_categories(added, name, rows.lowerBound, 0, rows.upperBound - 1, 0)
            chart_series_set_values(added, name, rows.lowerBound, UInt16(column), rows.upperBound - 1, UInt16(column))
            chart_series_set_name(added, series.name)
        }
        if chart.series.count == 1 { chart_legend_set_position(native, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        worksheet_insert_chart(sheet, header, UInt16(table.columns.count + 1), native)
    }
}
