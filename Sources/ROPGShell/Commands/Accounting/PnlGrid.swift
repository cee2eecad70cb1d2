import ROPGDomain
import ROPGReports
import ROPGTables

/// `pnl PERIOD by=month,product` (months in rows, products in columns) and `by=product,month`
/// (products in rows): the typed `ProductMonthGrid` report rendered as a pivot table, with totals
/// both ways. Each month is split by product as `pnl MONTH by=product` splits it, so a month's
/// total is `pnl PERIOD by=month`'s figure and a product's total `pnl PERIOD by=product`'s
/// (docs/DOMAIN.md §11.3).
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

    static func run(_ arguments: Arguments, _ options: AccountingOptions, productsInRows: Bool, _ session: Session) throws(CommandError) -> [Block] {
        let metricText = arguments.value("metric") ?? "profit"
        guard let metric = ProductMonthGrid.Metric(key: metricText) else {
            throw CommandError("metric=\(metricText.excerpt): a grid shows one of \(metrics.map(\.key).joined(separator: ", "))")
        }
        let top: Int
        if let text = arguments.value("top") {
            guard let n = Int(text), n >= 1 else { throw CommandError("top=\(text.excerpt): give a whole number of products, e.g. top=10") }
            top = n
        } else {
            top = defaultTop
        }
        let allocationText = arguments.value("alloc") ?? "revenue"
        guard let allocation = CostAllocation(rawValue: allocationText) else { throw CommandError("alloc=\(allocationText): use revenue, units or even") }
        let grid: ProductMonthGrid
        do { grid = try ProductMonthGrid(options.ledger, options.period, metric: metric, allocation: allocation, top: top) } catch { throw CommandError(error.message) }
        let grain = try GoalCommand.grain("month", for: options.period)
        let months = try GoalCommand.rows(of: options.period, by: grain).map { GoalCommand.label($0, shown: GoalCommand.clip($0, to: options.period)) }
        let metricLabel = label(metric)
        let cell: (ExactDecimal) -> Cell = metric == .units ? { Cell.count($0) } : { Cell.money($0) }
        let products = session.workspace.products
        func name(_ owner: Int?) -> String {
            owner.map { products[$0].sku + " " + products[$0].name } ?? "not tied to a product"
        }
        // The products shown; the others summed into one line, so the totals stay whole.
        var lines: [(label: String, key: String, values: [ExactDecimal])] = grid.lines.map { line in
            (name(line.product), line.product.map { products[$0].sku } ?? "not_tied", line.values)
        }
        if let rest = grid.rest { lines.append(("other \(rest.count) products", "other", rest.line.values)) }
        let grandTotal = grid.total
        let monthTotals = grid.monthTotals
        var notes: [String]
        if metric == .units {
            notes = ["net units by product and month, from the sales the goods cost follows: each month's units rounded to whole units and shared out "
                     + "by the largest remainder; a product's total is the sum of its months"]
        } else {
            notes = ["\(metricLabel) by product and month: shared costs shared out month by month "
                     + "(in proportion to \(allocation == .revenue ? "net revenue" : allocation == .units ? "units" : "equal shares"), alloc=\(allocation.rawValue)); "
                     + "a month's total is pnl \(options.period.text) by=month's, a product's total pnl \(options.period.text) by=product's"]
        }
        if let rest = grid.rest {
            notes.insert("the \(grid.lines.count) products with the largest \(metricLabel) of \(grid.ownerCount) shown; the other \(rest.count) are summed in one line (top=N shows more)", at: 0)
        }
        notes += options.notes(try options.book(options.period), session)
        let title = "profit and loss \(options.period.text): \(metricLabel) by \(productsInRows ? "product and month" : "month and product")"
        let table: Table
        if productsInRows {
            let columns: [Column] = [.text("product", key: "product")] + months.map { .number($0, key: $0) } + [.number("total", key: "total")]
            let rows = lines.map { line in [.text(line.label)] + line.values.map(cell) + [cell(line.values.reduce(.zero, +))] }
            let footer: [Cell] = [.text("total \(options.period.text)")] + monthTotals.map(cell) + [cell(grandTotal)]
            table = Table(name: "pnl_grid", title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
        } else {
            let columns: [Column] = [.text("month", key: "period")] + lines.map { .number($0.label, key: $0.key) } + [.number("total", key: "total")]
            let rows = months.indices.map { index in [.text(months[index])] + lines.map { cell($0.values[index]) } + [cell(monthTotals[index])] }
            let footer: [Cell] = [.text("total \(options.period.text)")] + lines.map { cell($0.values.reduce(.zero, +)) } + [cell(grandTotal)]
            table = Table(name: "pnl_grid", title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
        }
        return [.table(table)]
    }
}
