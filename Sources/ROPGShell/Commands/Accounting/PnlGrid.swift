import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `pnl PERIOD by=month,product` (months in rows, products in columns) and `by=product,month`
/// (products in rows): the typed `ProductMonthGrid` report rendered as a pivot table, with totals
/// both ways. Each month is split by product as `pnl MONTH by=product` splits it, so a month's
/// total is `pnl PERIOD by=month`'s figure and a product's total `pnl PERIOD by=product`'s
/// (docs/DOMAIN.md §11.3). `goal show PERIOD by=month,product` renders the same grid of GMV.
enum PnlGrid {
    /// The figures a grid can show, by key as the pnl table names its columns, with their labels
    /// (in the language of the moment, so computed each time).
    static var metrics: [(key: String, label: String)] { ProductMonthGrid.Metric.allCases.map { ($0.rawValue, label($0)) } }

    static func label(_ metric: ProductMonthGrid.Metric) -> String {
        switch metric {
        case .gmv: return phrase("GMV")
        case .refunds: return phrase("refunds")
        case .net_revenue: return phrase("net revenue")
        case .total_cost: return phrase("total cost")
        case .profit: return phrase("profit")
        case .units: return phrase("net units")
        case .R, .O, .P, .G: return CostCategory(rawValue: metric.rawValue)?.label ?? metric.rawValue
        }
    }

    /// How many products a grid shows when top= is not given; the rest are summed in one line.
    static let defaultTop = 20

    /// by=month,product or by=product,month: whether products are in rows; nil for one dimension
    /// (`oneDimension` names those the command has, for the error).
    static func productsInRows(_ by: String?, oneDimension: String = phrase("month, quarter, week, day or product")) throws(CommandError) -> Bool? {
        guard let by, by.contains(",") else { return nil }
        let dimensions = by.split(separator: ",").map(String.init)
        guard dimensions.count == 2, Set(dimensions) == ["month", "product"] else {
            throw CommandError(phrase("by={value}: a grid is by=month,product or by=product,month (one dimension: {dimensions})", ["value": by.excerpt, "dimensions": oneDimension]))
        }
        return dimensions[0] == "product"
    }

    /// top=N, or the default.
    static func top(_ arguments: Arguments) throws(CommandError) -> Int {
        guard let text = arguments.value("top") else { return defaultTop }
        guard let n = Int(text), n >= 1 else { throw CommandError(phrase("top={value}: give a whole number of products, e.g. top=10", ["value": text.excerpt])) }
        return n
    }

    static func run(_ arguments: Arguments, _ options: AccountingOptions, productsInRows: Bool, _ session: Session) throws(CommandError) -> [Block] {
        let metricText = arguments.value("metric") ?? "profit"
        guard let metric = ProductMonthGrid.Metric(key: metricText) else {
            throw CommandError(phrase("metric={value}: a grid shows one of {metrics}", ["value": metricText.excerpt, "metrics": metrics.map(\.key).joined(separator: ", ")]))
        }
        let top = try top(arguments)
        let allocationText = arguments.value("alloc") ?? "revenue"
        guard let allocation = CostAllocation(rawValue: allocationText) else { throw CommandError(phrase("alloc={value}: use revenue, units or even", ["value": allocationText])) }
        let grid: ProductMonthGrid
        do { grid = try ProductMonthGrid(options.ledger, options.period, metric: metric, allocation: allocation, top: top) } catch { throw CommandError(error.message) }
        let period = options.period.text
        var notes: [String]
        if metric == .units {
            notes = [phrase("net units by product and month, from the sales the goods cost follows: each month's units rounded to whole units and shared out by the largest remainder; a product's total is the sum of its months")]
        } else {
            let proportion = allocation == .revenue ? phrase("net revenue") : allocation == .units ? phrase("units") : phrase("equal shares")
            notes = [phrase("{metric} by product and month: shared costs shared out month by month (in proportion to {proportion}, alloc={alloc}); a month's total is pnl {period} by=month's, a product's total pnl {period} by=product's",
                            ["metric": label(metric), "proportion": proportion, "alloc": allocation.rawValue, "period": period])]
        }
        notes += options.notes(try options.book(options.period), session)
        let title = productsInRows ? phrase("profit and loss {period}: {metric} by product and month", ["period": period, "metric": label(metric)])
            : phrase("profit and loss {period}: {metric} by month and product", ["period": period, "metric": label(metric)])
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
            owner.map { products[$0].sku + " " + products[$0].name } ?? phrase("not tied to a product")
        }
        var lines: [(label: String, key: String, values: [ExactDecimal])] = grid.lines.map { line in
            (name(line.product), line.product.map { products[$0].sku } ?? "not_tied", line.values)
        }
        var notes = notes
        if let rest = grid.rest {
            // Counts grouped as tables show them: "of 100,000".
            func counted(_ count: Int) -> String { ExactDecimal(count).countText }
            lines.append((phrase("other {count} products", ["count": counted(rest.count)]), "other", rest.line.values))
            notes.insert(phrase(productsInRows ? "the {shown} products with the largest {metric} of {count} shown; the other {rest} are summed in one line (top=N shows more)"
                                    : "the {shown} products with the largest {metric} of {count} shown; the other {rest} are summed in one column (top=N shows more)",
                                ["shown": counted(grid.lines.count), "metric": label(grid.metric), "count": counted(grid.ownerCount), "rest": counted(rest.count)]), at: 0)
        }
        let totalLabel = Cell.text(phrase("total {period}", ["period": grid.period.text]))
        if productsInRows {
            let columns: [Column] = [.text("product", key: "product")] + months.map { .number($0, key: $0) } + [.number("total", key: "total")]
            let rows = lines.map { line in [.text(line.label)] + line.values.map(cell) + [cell(line.values.reduce(.zero, +))] }
            let footer: [Cell] = [totalLabel] + grid.monthTotals.map(cell) + [cell(grid.total)]
            return Table(name: tableName, title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
        }
        // A product's key is its SKU; one that reads as another column's key ("total", "period",
        // "other", "not_tied") gets a further `_`, as a scenario's does, so that no JSON key
        // repeats and the fixed keys keep meaning what docs/OUTPUT.md says.
        let fixed = Set(["period", "total"] + (grid.rest == nil ? [] : ["other"]) + (grid.lines.contains { $0.product == nil } ? ["not_tied"] : []))
        var used = fixed
        let keys = lines.enumerated().map { index, line in
            let isProduct = index < grid.lines.count && grid.lines[index].product != nil
            guard isProduct else { return line.key }
            var key = line.key
            while !used.insert(key).inserted { key += "_" }
            return key
        }
        let columns: [Column] = [.text("month", key: "period")] + zip(lines, keys).map { .number($0.label, key: $1) } + [.number("total", key: "total")]
        let rows = months.indices.map { index in [.text(months[index])] + lines.map { cell($0.values[index]) } + [cell(grid.monthTotals[index])] }
        let footer: [Cell] = [totalLabel] + lines.map { cell($0.values.reduce(.zero, +)) } + [cell(grid.total)]
        return Table(name: tableName, title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
    }
}
