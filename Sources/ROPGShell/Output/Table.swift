import ROPGDomain

// The one table model every report builds. Renderers (text, Markdown, CSV, JSON) turn it into
// output; a command never pads or aligns strings by hand.

/// Which side of its column a value sits on.
public enum Alignment: Sendable, Equatable {
    case left, right
}

/// How JSON output writes a cell's `plain` value.
public enum JSONKind: Sendable, Equatable {
    /// A JSON string.
    case string
    /// A bare JSON number. A `plain` value that is not a valid JSON number is written as a string.
    case number
    /// `true` or `false`, from a `plain` of "true" or "false"; anything else is written as a
    /// string.
    case bool
    /// `null`, whatever `plain` holds: the cell is empty.
    case null
}

/// How a cell stands out in the terminal when colour is on.
public enum Emphasis: Sendable, Equatable {
    case none
    /// Shown red (a loss, a shortfall).
    case negative
    /// Shown yellow (something to check).
    case warning
    /// Shown bold (and bold in Markdown).
    case strong
}

/// One cell: what a person reads, and the plain value machines read.
public struct Cell: Sendable, Equatable {
    /// As shown in the terminal and Markdown, e.g. "1,234.50", "51.99%", "纯棉T恤".
    public var text: String {
        didSet { textIsPrintableASCII = false }
    }
    /// The plain form or the figure, packed. A 100,000-row report holds over a million cells, so
    /// a cell is kept to 40 bytes: the figure's 128 bits are two words, which need no 16-byte
    /// alignment, and the one-byte fields declared after this fill its tail. A figure's plain
    /// form is written only when CSV or JSON asks for it.
    private var storage: Storage
    /// True when `text` is known to be printable ASCII (numbers as cells format them), so that
    /// the text renderer can take its width as its length without looking at it.
    var textIsPrintableASCII = false
    /// As written to CSV and JSON, e.g. "1234.50", "0.5199"; the same as `text` for words.
    public var plain: String {
        switch storage {
        case .sameAsText: text
        case .plain(let plain): plain
        case .money, .rate, .count: figure?.plain ?? text
        }
    }
    /// The figure as shown, when the cell holds one: what a what-if compares.
    public var figure: Figure? {
        get {
            switch storage {
            case .sameAsText, .plain: nil
            case .money(let low, let high): .money(ExactDecimal(units: Int128(high) << 64 | Int128(low)))
            case .rate(let low, let high, let places): .rate(ExactDecimal(units: Int128(high) << 64 | Int128(low)), places: Int(places))
            case .count(let low, let high): .count(ExactDecimal(units: Int128(high) << 64 | Int128(low)))
            }
        }
        set {
            func halves(_ value: ExactDecimal) -> (UInt64, Int64) { (UInt64(truncatingIfNeeded: value.units), Int64(truncatingIfNeeded: value.units >> 64)) }
            switch newValue {
            case nil: storage = .sameAsText
            case .money(let value)?: let (low, high) = halves(value); storage = .money(low: low, high: high)
            case .rate(let value, let places)?: let (low, high) = halves(value); storage = .rate(low: low, high: high, places: UInt8(clamping: places))
            case .count(let value)?: let (low, high) = halves(value); storage = .count(low: low, high: high)
            }
        }
    }
    /// How JSON writes `plain`.
    public var json: JSONKind
    public var alignment: Alignment
    public var emphasis: Emphasis

    private enum Storage: Sendable, Equatable {
        case sameAsText
        case plain(String)
        case money(low: UInt64, high: Int64)
        case rate(low: UInt64, high: Int64, places: UInt8)
        case count(low: UInt64, high: Int64)
    }

    public enum Figure: Sendable, Equatable {
        case money(ExactDecimal)
        /// A rate as a fraction, rounded as shown, and the places of percent it was shown with.
        case rate(ExactDecimal, places: Int)
        case count(ExactDecimal)

        public var value: ExactDecimal {
            switch self {
            case .money(let value), .rate(let value, _), .count(let value): return value
            }
        }

        /// As CSV and JSON write it: "1234.50", "0.5199", "277778".
        public var plain: String {
            switch self {
            case .money(let value): value.formatted(grouping: false)
            case .rate(let value, _), .count(let value): value.description
            }
        }
    }

    /// A cell; `plain` defaults to `text`.
    public init(
        text: String,
        plain: String? = nil,
        json: JSONKind = .string,
        alignment: Alignment = .left,
        emphasis: Emphasis = .none
    ) {
        self.text = text
        self.storage = plain.map { .plain($0) } ?? .sameAsText
        self.json = json
        self.alignment = alignment
        self.emphasis = emphasis
    }

    /// Words: left aligned, a JSON string, `plain` the same as `text`.
    public static func text(_ s: String) -> Cell {
        Cell(text: s)
    }

    /// Nothing: shown blank, an empty CSV field, JSON `null`.
    public static let empty = Cell(text: "", plain: "", json: .null)

    /// A number: right aligned, a bare JSON number. `text` is for people ("1,234.50", "51.99%"),
    /// `plain` for machines ("1234.50", "0.5199") and must be a JSON number.
    public static func number(text: String, plain: String, emphasis: Emphasis = .none) -> Cell {
        Cell(text: text, plain: plain, json: .number, alignment: .right, emphasis: emphasis)
    }

    /// A yes/no value: `text` is what people read (e.g. "是"), `plain` is "true" or "false".
    public static func bool(_ value: Bool, text: String) -> Cell {
        Cell(text: text, plain: value ? "true" : "false", json: .bool)
    }

    /// This cell with `emphasis` instead of its own.
    public func emphasized(_ emphasis: Emphasis) -> Cell {
        var copy = self
        copy.emphasis = emphasis
        return copy
    }
}

/// A column: its header as people read it, and the key machines use.
public struct Column: Sendable, Equatable {
    /// Shown in the text and Markdown header, and the CSV header row.
    public var title: String
    /// The JSON object key.
    public var key: String
    /// Alignment of the header, and of the column in Markdown. Body cells keep their own.
    public var alignment: Alignment

    public init(title: String, key: String, alignment: Alignment = .left) {
        self.title = title
        self.key = key
        self.alignment = alignment
    }
}

/// A report's table.
///
/// Rows shorter than `columns` are filled with `Cell.empty`; cells beyond the last column are
/// ignored.
public struct Table: Sendable, Equatable {
    /// Printed above the table in text and Markdown; not in CSV or JSON.
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Totals: set off by a rule in text, bold in Markdown, ordinary rows in CSV and JSON.
    public var footerRows: [[Cell]]
    /// Lines under the table in text and Markdown (e.g. "allocation: by revenue"); not in CSV
    /// or JSON.
    public var notes: [String]
    /// While a what-if is open: the keys of the columns to set side by side (plan | what-if | Δ |
    /// Δ%) when the table has many rows; a one-row table compares every figure. Not rendered.
    public var compare: [String]
    /// The keys of the columns that name a row when a what-if matches plan rows to its own; the
    /// first column when empty.
    public var rowKey: [String] = []

    public init(
        title: String? = nil,
        columns: [Column],
        rows: [[Cell]] = [],
        footerRows: [[Cell]] = [],
        notes: [String] = [],
        compare: [String] = []
    ) {
        self.compare = compare
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footerRows = footerRows
        self.notes = notes
    }

    /// `row` made exactly as long as `columns`.
    func normalized(_ row: [Cell]) -> [Cell] {
        let n = columns.count
        if row.count == n { return row }
        if row.count > n { return Array(row.prefix(n)) }
        return row + Array(repeating: Cell.empty, count: n - row.count)
    }
}

/// The formats a table can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, md, csv, json

    /// The usual file name extension: "txt", "md", "csv", "json".
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .md: "md"
        case .csv: "csv"
        case .json: "json"
        }
    }
}
