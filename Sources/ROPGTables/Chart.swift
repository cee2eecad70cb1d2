import ROPGDomain

// The one chart model. A chart is drawn from a report's table: its categories are the table's
// row labels and each series is one of its figure columns, the cells kept whole (the exact figure
// and the text shown), so that every renderer (the terminal's bars, a workbook's native chart, a
// later HTML/SVG page) draws the same numbers the table shows.

/// A chart of one or more figures over a table's rows.
public struct Chart: Sendable, Equatable {
    /// How the series are drawn. The terminal draws the first series as bars whatever the style.
    public enum Style: String, Sendable, Equatable {
        /// One bar per category (columns in a workbook).
        case bars
        /// One line per series over the categories (a day-by-day plan).
        case lines
    }

    /// One figure: its name as the table's column title, the column's key, one cell per category.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var key: String
        /// The table's cells: a cell without a figure (blank, "–") is drawn as nothing.
        public var values: [Cell]

        public init(name: String, key: String, values: [Cell]) {
            self.name = name
            self.key = key
            self.values = values
        }
    }

    public var title: String
    public var style: Style
    /// The row labels, in the table's order.
    public var categories: [String]
    public var series: [Series]

    public init(title: String, style: Style = .bars, categories: [String], series: [Series]) {
        self.title = title
        self.style = style
        self.categories = categories
        self.series = series
    }

    /// The keys of `table`'s columns a chart can draw: those holding a money, rate or count figure.
    public static func figureKeys(of table: Table) -> [String] {
        table.columns.indices.filter { index in
            table.rows.contains { row in index < row.count && row[index].figure != nil }
        }.map { table.columns[$0].key }
    }

    /// A chart of `keys` (column keys) over `table`'s body rows (not its totals). Each row is
    /// labelled by its `rowKey` columns, else by the columns of words before its first figure
    /// column (`check`: scope, period and metric), joined with a space. Nil when a key is not one
    /// of the table's figure columns.
    public init?(of table: Table, keys: [String], title: String? = nil, style: Style = .bars) {
        let figureKeys = Chart.figureKeys(of: table)
        let labelColumns: [Int] = table.rowKey.isEmpty
            ? Array(table.columns.indices.prefix { !figureKeys.contains(table.columns[$0].key) && table.columns[$0].alignment == .left }.prefix(3))
            : table.rowKey.compactMap { key in table.columns.firstIndex { $0.key == key } }
        var series: [Series] = []
        for key in keys {
            guard let index = table.columns.firstIndex(where: { $0.key == key }), figureKeys.contains(key) else { return nil }
            series.append(Series(name: table.columns[index].title, key: key,
                                 values: table.rows.map { index < $0.count ? $0[index] : .empty }))
        }
        let categories = table.rows.map { row in
            labelColumns.map { index in index < row.count ? row[index].text : "" }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        self.init(title: title ?? ([table.title].compactMap { $0 } + series.map(\.name)).joined(separator: ": "),
                  style: style, categories: categories, series: series)
    }
}
