import ROPGDomain

// The one table model every report builds. Renderers (text, Markdown, CSV, JSON) turn it into
// output; a command never pads or aligns strings by hand.

/// Which side of its column a value sits on.
public enum Alignment: Sendable, Equatable {
    case left, right
}

/// What a cell holds. It decides how the JSON document writes the cell and the type it gives the
/// cell's column (docs/OUTPUT.md). Cells made by `.money`, `.rate` and `.count` take their kind
/// from their figure, so every report types a figure alike; other cells declare theirs.
public enum ValueKind: String, Sendable, Equatable, CaseIterable {
    /// Money: a decimal string with two places, "1234.50".
    case money
    /// A rate as a fraction: a decimal string with the places shown, "0.3785" for 37.85%.
    case rate
    /// A whole count: a JSON integer.
    case count
    /// Any other quantity (a ROAS of 2.02, a ratio, a fractional count): a decimal string, "2.02".
    case decimal
    /// Words: a JSON string.
    case text
    /// A day: an ISO date string, "2026-03-14".
    case date
    /// Yes or no: `true` or `false`.
    case bool
    /// Nothing: `null`.
    case empty
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
    public var textIsPrintableASCII = false
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
    /// True when the cell's figure is too large to hold (saturated), read from its two words
    /// without making the figure: every cell of a 100,000-row report is asked before it is shown.
    public var holdsTooLarge: Bool {
        switch storage {
        case .sameAsText, .plain: return false
        case .money(let low, let high), .rate(let low, let high, _), .count(let low, let high):
            return (high == .max && low == .max) || (high == .min && low == 0)
        }
    }
    /// The kind the cell was made with; `kind` checks it against the value.
    private var declaredKind: ValueKind
    public var alignment: Alignment
    public var emphasis: Emphasis

    /// What the cell holds: its figure's kind, else the kind it was made with when `plain` fits
    /// it. A count with a fraction is a `decimal`, a declared number whose `plain` is not a plain
    /// decimal is `text`, and a cell with an empty `plain` is `empty`, so that the JSON
    /// document is always valid and a value's JSON type always matches its kind.
    public var kind: ValueKind {
        switch storage {
        case .money: return .money
        case .rate: return .rate
        case .count(let low, let high):
            // Whole when its twelve fraction digits are zero; a break-even ROAS of 2.02 is not.
            return (Int128(high) << 64 | Int128(low)) % ExactDecimal.unitsPerOne == 0 ? .count : .decimal
        case .sameAsText, .plain:
            break
        }
        let plain = self.plain
        if plain.isEmpty { return .empty }
        switch declaredKind {
        case .money, .rate, .decimal:
            return Cell.isPlainDecimal(plain) ? declaredKind : .text
        case .count:
            guard Cell.isPlainDecimal(plain) else { return .text }
            // Written bare, so it must be a JSON integer ("007" is not).
            return plain.contains(".") || !JSONTableRenderer.isJSONNumber(plain) ? .decimal : .count
        case .bool:
            return plain == "true" || plain == "false" ? .bool : .text
        case .text, .date, .empty:
            return declaredKind
        }
    }

    /// The value as the JSON document writes it, unquoted: `plain`, except that a rate keeps every
    /// place it is shown with ("0.4820" for 48.20%, where `plain` says "0.482").
    public var documentPlain: String {
        if case .rate(let value, let places)? = figure { return value.plainText(minimumPlaces: places + 2) }
        return plain
    }

    /// `-?[0-9]+(\.[0-9]+)?`: a decimal as CSV and JSON write figures (no grouping, no exponent).
    public static func isPlainDecimal(_ s: String) -> Bool {
        var bytes = Substring(s).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }

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

    /// A cell; `plain` defaults to `text`. `kind` is what `plain` holds, for JSON; a `.money`,
    /// `.rate` or `.count` cell is better made with those functions, which keep the figure.
    public init(
        text: String,
        plain: String? = nil,
        kind: ValueKind = .text,
        alignment: Alignment = .left,
        emphasis: Emphasis = .none
    ) {
        self.text = text
        self.storage = plain.map { .plain($0) } ?? .sameAsText
        self.declaredKind = kind
        self.alignment = alignment
        self.emphasis = emphasis
    }

    /// Words: left aligned, a JSON string, `plain` the same as `text`.
    public static func text(_ s: String) -> Cell {
        Cell(text: s)
    }

    /// Nothing: shown blank, an empty CSV field, JSON `null`.
    public static let empty = Cell(text: "", plain: "", kind: .empty)

    /// A quantity that is not money, a rate or a count: right aligned. `text` is for people
    /// ("2.02", "1.5万"), `plain` for machines ("2.02") and should be a plain decimal; JSON
    /// writes it as a decimal string (`ValueKind.decimal`).
    public static func number(text: String, plain: String, emphasis: Emphasis = .none) -> Cell {
        Cell(text: text, plain: plain, kind: .decimal, alignment: .right, emphasis: emphasis)
    }

    /// A yes/no value: `text` is what people read (e.g. "是"), `plain` is "true" or "false".
    public static func bool(_ value: Bool, text: String) -> Cell {
        Cell(text: text, plain: value ? "true" : "false", kind: .bool)
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
    /// The stable key machines know the table by: the JSON document's key for it, the CSV
    /// `# table: NAME` line, and what `table=NAME` picks (docs/OUTPUT.md). Lower case, digits and
    /// `_`. When nil, the session names it after the command (`pnl`, `hit_rank`); a command that
    /// prints several tables names each of them.
    public var name: String?
    /// Printed above the table in text and Markdown, and the JSON document's `title`; not in CSV.
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Totals: set off by a rule in text, bold in Markdown, ordinary rows in CSV, the JSON
    /// document's `total`.
    public var footerRows: [[Cell]]
    /// Lines under the table in text and Markdown (e.g. "allocation: by revenue"), the JSON
    /// document's `notes`; on standard error with CSV, so that the CSV holds data only.
    public var notes: [String]
    /// While a what-if is open: the keys of the columns to set side by side (plan | what-if | Δ |
    /// Δ%) when the table has many rows; a one-row table compares every figure. Not rendered.
    public var compare: [String]
    /// The keys of the columns that name a row when a what-if matches plan rows to its own; the
    /// first column when empty.
    public var rowKey: [String] = []
    /// A chart of the table's figures (`chart=`): text and Markdown draw it under the title in
    /// place of the rows, a workbook draws a native chart beside the table; CSV and JSON keep
    /// the table's data.
    public var chart: Chart? = nil
    /// The money columns that are sums of others in the same row (`total_cost` = R + O + P + G),
    /// in the order they are worked out (a later one may use an earlier one): where money is shown
    /// scaled (`format money=万`) each is worked out again from its parts as shown. Not rendered.
    public var sums: [ColumnSum] = []
    /// True when the body rows are figures (costs by category) whose totals row is their sum:
    /// scaled, each row is shown as itself and the total as what they add up to, rather than the
    /// rows shared out of the total (as a year's months are). Not rendered.
    public var totalsAreRowSums = false
    /// The body rows that are subtotals of the rows above them, back to the one before (costs by
    /// entry's category subtotals), the totals row their sum: scaled, each subtotal is shown as
    /// itself and its rows are shared out of it. Not rendered.
    public var subtotalRows: [Int] = []
    /// By a money column's key, the figures its total is made of when they are not its rows
    /// (costs by product's total cost is the four categories'): scaled, the total is what they
    /// add up to as shown, as it is where they are shown. Not rendered.
    public var totalMadeOf: [String: [ExactDecimal]] = [:]
    /// True when the table's money is a unit's (a price, a cost, a contribution a unit): shown in
    /// yuan whatever `format money=` says, as 79.00 a unit reads in 万 as nothing. Not rendered.
    public var moneyIsPerUnit = false
    /// The unit the money is shown in already (`showingMoney(in:)` made the table). Not rendered.
    public var moneyShownIn: MoneyUnit? = nil
    /// How a comparison is made again from its versions as shown in a unit (`showingMoney`), so
    /// that its plan is the plan's report as shown and its Δ the difference of what it shows.
    public var remadeShown: Remade? = nil

    public init(
        name: String? = nil,
        title: String? = nil,
        columns: [Column],
        rows: [[Cell]] = [],
        footerRows: [[Cell]] = [],
        notes: [String] = [],
        compare: [String] = []
    ) {
        self.compare = compare
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footerRows = footerRows
        self.notes = notes
    }

    /// `row` made exactly as long as `columns`.
    public func normalized(_ row: [Cell]) -> [Cell] {
        let n = columns.count
        if row.count == n { return row }
        if row.count > n { return Array(row.prefix(n)) }
        return row + Array(repeating: Cell.empty, count: n - row.count)
    }
}

extension Table {
    /// True when a cell holds a figure too large to hold (saturated).
    public var holdsTooLarge: Bool {
        func any(_ rows: [[Cell]]) -> Bool {
            rows.withUnsafeBufferPointer { rows in rows.contains { $0.withUnsafeBufferPointer { $0.contains { $0.holdsTooLarge } } } }
        }
        return any(rows) || any(footerRows)
    }

    /// The cells of body row `line`, or of footer row `line - rows.count`, read in place: a
    /// renderer passing over 100,000 rows copies none of them out.
    func withCells<Result>(ofLine line: Int, _ body: (UnsafeBufferPointer<Cell>) -> Result) -> Result {
        line < rows.count ? rows.withUnsafeBufferPointer { $0[line].withUnsafeBufferPointer(body) }
            : footerRows.withUnsafeBufferPointer { $0[line - rows.count].withUnsafeBufferPointer(body) }
    }
}

/// A table made again for money shown in a unit: a comparison of versions remade from each
/// version as shown. Two are equal whatever they make, as the tables they belong to are compared
/// by what they hold.
public struct Remade: Sendable, Equatable {
    public let make: @Sendable (MoneyUnit) -> Table

    public init(_ make: @escaping @Sendable (MoneyUnit) -> Table) { self.make = make }

    public static func == (_: Remade, _: Remade) -> Bool { true }
}

/// A money column that is the sum of others in its row, each added or subtracted.
public struct ColumnSum: Sendable, Equatable {
    public var key: String
    public var added: [String]
    public var subtracted: [String]

    public init(_ key: String, adding added: [String], subtracting subtracted: [String] = []) {
        self.key = key
        self.added = added
        self.subtracted = subtracted
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
