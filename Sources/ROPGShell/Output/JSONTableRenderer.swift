/// Writes a table as a JSON array with one object per row (rows, then footer rows), keys the
/// column keys in column order, one object per line:
///
///     [
///       {"sku": "TS-001", "name": "纯棉T恤", "price": 79.00},
///       {"sku": "合计", "name": null, "price": 158.00}
///     ]
///
/// Values follow each cell's `json` kind. A `.number` whose `plain` is not a valid JSON number, or
/// a `.bool` whose `plain` is not "true" or "false", is written as a string so the output is
/// always valid JSON. Strings are escaped (`\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f`, `\u00XX` for
/// other controls, and `\u007f`–`\u009f`, `\u2028`, `\u2029` too, so printing JSON to a terminal is
/// safe); other non-ASCII text is written as UTF-8. An empty table is `[]`.
public struct JSONTableRenderer: Sendable {
    public init() {}

    public func render(_ table: Table) -> String {
        let all = table.rows + table.footerRows
        guard !all.isEmpty else { return "[]\n" }
        let keys = table.columns.map { Self.string($0.key) }
        let objects = all.map { row in
            let members = zip(keys, table.normalized(row)).map { key, cell in
                key + ": " + Self.value(cell)
            }
            return "  {" + members.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A cell's value as JSON.
    static func value(_ cell: Cell) -> String {
        switch cell.json {
        case .null:
            return "null"
        case .number where isJSONNumber(cell.plain):
            return cell.plain
        case .bool where cell.plain == "true" || cell.plain == "false":
            return cell.plain
        case .string, .number, .bool:
            return string(cell.plain)
        }
    }

    /// `s` as a quoted, escaped JSON string.
    static func string(_ s: String) -> String {
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
    static func isJSONNumber(_ s: String) -> Bool {
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
