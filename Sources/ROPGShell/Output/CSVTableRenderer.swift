/// Writes a table as RFC 4180 CSV: a header row of column titles, then the rows, then the footer
/// rows, each field the cell's `plain` value, lines ended with CRLF.
///
/// A field is quoted when it holds `,`, `"`, CR or LF, with `"` doubled inside. Tabs, CR and LF
/// are data and written as they are. Other control characters (ESC, BEL, DEL, C1…) are shown
/// escaped (`\u{1B}`) as in the text renderer, since CSV is often printed to a terminal; set
/// `keepsControlCharacters` to write them raw.
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
        var out = line(table.columns.map(\.title))
        for row in table.rows + table.footerRows {
            out += line(table.normalized(row).map(\.plain))
        }
        return out
    }

    private func line(_ fields: [String]) -> String {
        fields.map { Self.field(keepsControlCharacters ? $0 : Self.safe($0)) }
            .joined(separator: ",") + "\r\n"
    }

    /// `value` with control characters other than tab, CR and LF shown escaped.
    static func safe(_ value: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F: true
            default: false
            }
        }
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            if isControl(scalar) {
                out += escapingControlCharacters(String(scalar))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One field, quoted if it needs to be.
    static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains {
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
