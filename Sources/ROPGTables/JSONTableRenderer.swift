/// One command's output as machines read it: its tables by name, and what it said.
public struct OutputDocument: Sendable {
    /// The command as typed ("pnl 2026-03"); nil when not known.
    public var command: String?
    /// The tables in the order printed; their names are unique (`Session.named` sees to it).
    public var tables: [Table]
    /// What the command said besides its tables ("changed product TS-001: …").
    public var messages: [String]

    public init(command: String? = nil, tables: [Table], messages: [String] = []) {
        self.command = command
        self.tables = tables
        self.messages = messages
    }
}

/// Writes a command's output as ONE JSON object (docs/OUTPUT.md), so that `json.loads` of
/// standard output works however many tables a command prints:
///
///     {
///       "command": "breakeven TS-001",
///       "tables": {
///         "breakeven": {
///           "title": "break-even TS-001 2026-03",
///           "columns": [
///             {"key": "field", "label": "field", "type": "text"},
///             {"key": "value", "label": "value", "type": "mixed"}
///           ],
///           "rows": [
///             {"field": "break-even units", "value": 325},
///             {"field": "break-even revenue", "value": "25675.00"}
///           ],
///           "notes": []
///         }
///       },
///       "messages": []
///     }
///
/// Tables are keyed by name, in the order printed. A table's `total` is its footer row, left out
/// when it has none (`totals`, a list, if it has several). A column's `type` is the kind of all
/// its values (`ValueKind`: money, rate, count, decimal, text, date, bool), "mixed" when they
/// differ (a property table's `value`), null when it holds none. Values follow their cell's kind:
/// money, rates and decimals as decimal strings, counts as integers (as decimal strings in a
/// `decimal` column, so a column has one JSON type), dates and text as strings, yes/no as
/// booleans, nothing as null.
///
/// Strings are escaped (`\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f`, `\u00XX` for other controls,
/// and `\u007f`–`\u009f`, `\u2028`, `\u2029` too, so printing JSON to a terminal is safe); other
/// non-ASCII text is written as UTF-8. Rows are one per line, so that a diff of two reports reads
/// line by line.
public struct JSONTableRenderer: Sendable {
    public init() {}

    /// A document holding this one table (named "table" when it has no name).
    public func render(_ table: Table) -> String {
        var table = table
        if table.name == nil { table.name = "table" }
        return render(OutputDocument(tables: [table]))
    }

    public func render(_ document: OutputDocument) -> String {
        var out = "{\n  \"command\": " + (document.command.map(Self.string) ?? "null") + ",\n  \"tables\": {"
        for (position, table) in document.tables.enumerated() {
            out += (position == 0 ? "\n" : ",\n") + "    " + Self.string(table.name ?? "table") + ": "
            out += body(table)
        }
        out += document.tables.isEmpty ? "},\n" : "\n  },\n"
        out += "  \"messages\": " + Self.list(document.messages, indent: "  ") + "\n}\n"
        return out
    }

    /// A table's object, indented to sit under "tables".
    private func body(_ table: Table) -> String {
        let types = table.columns.indices.map { Self.columnType(table, $0) }
        let keys = table.columns.map { Self.string($0.key) }
        func object(_ row: [Cell]) -> String {
            let members = zip(zip(keys, types), table.normalized(row)).map { pair, cell in
                pair.0 + ": " + Self.value(cell, column: pair.1)
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
        var out = "{\n      \"title\": " + (table.title.map(Self.string) ?? "null") + ",\n      \"columns\": ["
        for (position, column) in table.columns.enumerated() {
            out += (position == 0 ? "\n" : ",\n") + "        {\"key\": " + keys[position] + ", \"label\": " + Self.string(column.title)
                + ", \"type\": " + (types[position].map { Self.string($0) } ?? "null") + "}"
        }
        out += table.columns.isEmpty ? "],\n" : "\n      ],\n"
        out += "      \"rows\": ["
        for (position, row) in table.rows.enumerated() {
            out += (position == 0 ? "\n" : ",\n") + "        " + object(row)
        }
        out += table.rows.isEmpty ? "],\n" : "\n      ],\n"
        if table.footerRows.count == 1 {
            out += "      \"total\": " + object(table.footerRows[0]) + ",\n"
        } else if table.footerRows.count > 1 {
            out += "      \"totals\": [\n" + table.footerRows.map { "        " + object($0) }.joined(separator: ",\n") + "\n      ],\n"
        }
        out += "      \"notes\": " + Self.list(table.notes, indent: "      ") + "\n    }"
        return out
    }

    /// A list of strings, one per line under `indent`; `[]` when empty.
    private static func list(_ items: [String], indent: String) -> String {
        guard !items.isEmpty else { return "[]" }
        return "[\n" + items.map { indent + "  " + string($0) }.joined(separator: ",\n") + "\n" + indent + "]"
    }

    /// The type a column declares: the kind of all its values; whole and fractional counts
    /// together are `decimal`; "mixed" when kinds differ; nil when the column holds no values.
    public static func columnType(_ table: Table, _ column: Int) -> String? {
        var found: ValueKind?
        for row in table.rows + table.footerRows where column < row.count {
            let kind = row[column].kind
            switch (found, kind) {
            case (_, .empty): continue
            case (nil, _): found = kind
            case (let seen?, _) where seen == kind: continue
            case (.count?, .decimal), (.decimal?, .count): found = .decimal
            default: return "mixed"
            }
        }
        return found?.rawValue
    }

    /// A cell's value as JSON, in a column of type `column`.
    public static func value(_ cell: Cell, column: String? = nil) -> String {
        switch cell.kind {
        case .empty: return "null"
        case .bool: return cell.plain
        // In a decimal column a whole count is a string too, so that the column has one JSON type.
        case .count: return column == ValueKind.decimal.rawValue ? string(cell.plain) : cell.plain
        case .money, .rate, .decimal, .text, .date: return string(cell.documentPlain)
        }
    }

    /// `s` as a quoted, escaped JSON string.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `s` is a number by the JSON grammar:
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    public static func isJSONNumber(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                i += 1
            }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                i += 1
            }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count
    }
}
