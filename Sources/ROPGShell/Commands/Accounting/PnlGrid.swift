import ROPGDomain
import ROPGReports
import ROPGTables

/// `pnl PERIOD by=month,product` (months in rows, products in columns) and `by=product,month`
/// (products in rows): the typed `ProductMonthGrid` report rendered as a pivot table, with totals
/// both ways. Each month is split by product as `pnl MONTH by=product` splits it, so a month's
/// total is `pnl PERIOD by=month`'s figure and a product's total `pnl PERIOD by=product`'s
/// (docs/DOMAIN.md §11.3). `goal show PERIOD by=month,product` renders the same grid of GMV.
enum PnlGrid {
    /// The figures a grid can show, by key as the pnl table names its columns, with their labels.
    static let metrics: [(key: String, label: String)] = ProductMonthGrid.Metric.allCases.map { ($0.rawValue, label($0)) }

    static func label(_ metric: ProductMonthGrid.Metric) -> String {
        switch metric {
        case .gmv: return "GMV"
        case .refunds: return "refunds"
        case .net_revenue: return "net revenue"
        case .total_cost: return "total cost"
        case .profit: return "profit"
        case .units: return "net units"
        case .R, .O, .P, .G: return CostCategory(rawValue: metric.rawValue).map { "\($0.rawValue) \($0.englishName)" } ?? metric.rawValue
        }
    }

    /// How many products a grid shows when top= is not given; the rest are summed in one line.
    static let defaultTop = 20

    /// by=month,product or by=product,month: whether products are in rows; nil for one dimension
    /// (`oneDimension` names those the command has, for the error).
    static func productsInRows(_ by: String?, oneDimension: String = "month, quarter, week, day or product") throws(CommandError) -> Bool? {
        guard let by, by.contains(",") else { return nil }
        let dimensions = by.split(separator: ",").map(String.init)
        guard dimensions.count == 2, Set(dimensions) == ["month", "product"] else {
            throw CommandError("by=\(by.excerpt): a grid is by=month,product or by=product,month (one dimension: \(oneDimension))")
        }
        return dimensions[0] == "product"
    }

    /// top=N, or the default.
    static func top(_ arguments: Arguments) throws(CommandError) -> Int {
        guard let text = arguments.value("top") else { return defaultTop }
        guard let n = Int(text), n >= 1 else { throw CommandError("top=\(text.excerpt): give a whole number of products, e.g. top=10") }
        return n
    }

    static func run(_ arguments: Arguments, _ options: AccountingOptions, productsInRows: Bool, _ session: Session) throws(CommandError) -> [Block] {
        let metricText = arguments.value("metric") ?? "profit"
        guard let metric = ProductMonthGrid.Metric(key: metricText) else {
            throw CommandError("metric=\(metricText.excerpt): a grid shows one of \(metrics.map(\.key).joined(separator: ", "))")
        }
        let top = try top(arguments)
        let allocationText = arguments.value("alloc") ?? "revenue"
        guard let allocation = CostAllocation(rawValue: allocationText) else { throw CommandError("alloc=\(allocationText): use revenue, units or even") }
        let grid: ProductMonthGrid
        do { grid = try ProductMonthGrid(options.ledger, options.period, metric: metric, allocation: allocation, top: top) } catch { throw CommandError(error.message) }
        let period = options.period.text
        var notes: [String]
        if metric == .units {
            notes = ["net units by product and month, from the sales the goods cost follows: each month's units rounded to whole units and shared out "
                     + "by the largest remainder; a product's total is the sum of its months"]
        } else {
            notes = ["\(label(metric)) by product and month: shared costs shared out month by month "
                     + "(in proportion to \(allocation == .revenue ? "net revenue" : allocation == .units ? "units" : "equal shares"), alloc=\(allocation.rawValue)); "
                     + "a month's total is pnl \(period) by=month's, a product's total pnl \(period) by=product's"]
        }
        notes += options.notes(try options.book(options.period), session)
        let title = "profit and loss \(period): \(label(metric)) by \(productsInRows ? "product and month" : "month and product")"
        return [.table(try table(grid, name: "pnl_grid", title: title, notes: notes, productsInRows: productsInRows, session))]
    }

    /// The grid as a table: one line per product shown (and the rest summed), one column per
    /// month, totals both ways; a note first when products were left to the summed line.
    static func table(_ grid: ProductMonthGrid, name tableName: String, title: String, notes: [String], productsInRows: Bool,
                      _ session: Session) throws(CommandError) -> Table {
        let grain = try GoalCommand.grain("month", for: grid.period)
        let months = try GoalCommand.rows(of: grid.period, by: grain).map { GoalCommand.label($0, shown: GoalCommand.clip($0, to: grid.period)) }
        let cell: (ExactDecimal) -> Cell = grid.metric == .units ? { Cell.count($0) } : { Cell.money($0) }
        let products = session.workspace.products
        func name(_ owner: Int?) -> String {
            owner.map { products[$0].sku + " " + products[$0].name } ?? "not tied to a product"
        }
        var lines: [(label: String, key: String, values: [ExactDecimal])] = grid.lines.map { line in
            (name(line.product), line.product.map { products[$0].sku } ?? "not_tied", line.values)
        }
        var notes = notes
        if let rest = grid.rest {
            lines.append(("other \(rest.count) products", "other", rest.line.values))
            notes.insert("the \(grid.lines.count) products with the largest \(label(grid.metric)) of \(grid.ownerCount) shown; "
                         + "the other \(rest.count) are summed in one line (top=N shows more)", at: 0)
        }
        let totalLabel = Cell.text("total \(grid.period.text)")
        if productsInRows {
            let columns: [Column] = [.text("product", key: "product")] + months.map { .number($0, key: $0) } + [.number("total", key: "total")]
            let rows = lines.map { line in [.text(line.label)] + line.values.map(cell) + [cell(line.values.reduce(.zero, +))] }
            let footer: [Cell] = [totalLabel] + grid.monthTotals.map(cell) + [cell(grid.total)]
            return Table(name: tableName, title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
        }
        let columns: [Column] = [.text("month", key: "period")] + lines.map { .number($0.label, key: $0.key) } + [.number("total", key: "total")]
        let rows = months.indices.map { index in [.text(months[index])] + lines.map { cell($0.values[index]) } + [cell(grid.monthTotals[index])] }
        let footer: [Cell] = [totalLabel] + lines.map { cell($0.values.reduce(.zero, +)) } + [cell(grid.total)]
        return Table(name: tableName, title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
    }
}
