import ROPGDomain
import ROPGReports
import ROPGTables

/// `pnl PERIOD by=month,product` (months in rows, products in columns) and `by=product,month`
/// (products in rows): one figure (`metric=`) of the P&L for each product in each month, as a
/// pivot table, with totals both ways. Each month is split by product exactly as
/// `pnl MONTH by=product` splits it (ProductSplit: own goods and tied entries, the rest shared out
/// by `alloc=`), so a month's total is `pnl PERIOD by=month`'s figure for it to the cent; a
/// product's total is the sum of its months, which is `pnl PERIOD by=product`'s (shared out by month too).
enum PnlGrid {
    /// The figures a grid can show, by key as the pnl table names its columns.
    static let metrics: [(key: String, label: String)] = [("gmv", "GMV"), ("refunds", "refunds"), ("net_revenue", "net revenue")]
        + CostCategory.allCases.map { ($0.rawValue, "\($0.rawValue) \($0.englishName)") } + [("total_cost", "total cost"), ("profit", "profit")]

    /// The figure `key` names (one of `metrics`).
    static func value(_ key: String, _ figures: PeriodFigures) -> ExactDecimal {
        switch key {
        case "gmv": return figures.gmv
        case "refunds": return figures.refunds
        case "net_revenue": return figures.netRevenue
        case "total_cost": return figures.totalCost
        case "profit": return figures.profit
        default: return CostCategory.allCases.firstIndex { $0.rawValue == key }.map { figures.categories[$0] } ?? .zero
        }
    }

    /// How many products a grid shows when top= is not given; the rest are summed in one line.
    static let defaultTop = 20

    static func run(_ arguments: Arguments, _ options: AccountingOptions, productsInRows: Bool, _ session: Session) throws(CommandError) -> [Block] {
        let metricText = arguments.value("metric") ?? "profit"
        guard let metric = metrics.first(where: { $0.key == metricText || $0.key.lowercased() == metricText.lowercased() }) else {
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
        let grain = try GoalCommand.grain("month", for: options.period)
        let months = try GoalCommand.rows(of: options.period, by: grain).map { (label: GoalCommand.label($0, shown: GoalCommand.clip($0, to: options.period)),
                                                                                   period: GoalCommand.clip($0, to: options.period)) }
        // values[owner][month]; owner nil: what no product carries.
        var values: [Int?: [ExactDecimal]] = [:]
        var monthTotals: [ExactDecimal] = []
        let splits: [(period: Period, split: ProductSplit)]
        do { splits = try ProductSplit.pnlByMonth(options.ledger, options.period, allocation: allocation) } catch { throw CommandError(error.message) }
        for (position, month) in splits.enumerated() {
            var total = ExactDecimal.zero
            for row in month.split.rows {
                let value = value(metric.key, row.figures)
                values[row.product, default: Array(repeating: .zero, count: months.count)][position] = value
                total += value
            }
            monthTotals.append(total)
        }
        let owners = values.keys.sorted { a, b in
            let ta = values[a]!.reduce(.zero, +).magnitude, tb = values[b]!.reduce(.zero, +).magnitude
            if ta != tb { return ta > tb }
            return (a ?? Int.max) < (b ?? Int.max)
        }
        let products = session.workspace.products
        func name(_ owner: Int?) -> String {
            owner.map { products[$0].sku + " " + products[$0].name } ?? "not tied to a product"
        }
        // The products shown; the others summed into one line, so the totals stay whole.
        let shown = Array(owners.prefix(top))
        let rest = owners.dropFirst(top)
        var lines: [(label: String, key: String, values: [ExactDecimal])] = shown.map { owner in
            (name(owner), owner.map { products[$0].sku } ?? "not_tied", values[owner] ?? [])
        }
        if !rest.isEmpty {
            var summed = Array(repeating: ExactDecimal.zero, count: months.count)
            for owner in rest { for (index, value) in (values[owner] ?? []).enumerated() { summed[index] += value } }
            lines.append(("other \(rest.count) products", "other", summed))
        }
        let grandTotal = monthTotals.reduce(.zero, +)
        var notes = ["\(metric.label) by product and month: shared costs shared out month by month "
                     + "(in proportion to \(allocation == .revenue ? "net revenue" : allocation == .units ? "units" : "equal shares"), alloc=\(allocation.rawValue)); "
                     + "a month's total is pnl \(options.period.text) by=month's, a product's total pnl \(options.period.text) by=product's"]
        if !rest.isEmpty {
            notes.insert("the \(shown.count) products with the largest \(metric.label) of \(owners.count) shown; the other \(rest.count) are summed in one line (top=N shows more)", at: 0)
        }
        notes += options.notes(try options.book(options.period), session)
        let title = "profit and loss \(options.period.text): \(metric.label) by \(productsInRows ? "product and month" : "month and product")"
        let table: Table
        if productsInRows {
            let columns: [Column] = [.text("product", key: "product")] + months.map { .number($0.label, key: $0.label) } + [.number("total", key: "total")]
            let rows = lines.map { line in [.text(line.label)] + line.values.map { Cell.money($0) } + [.money(line.values.reduce(.zero, +))] }
            let footer: [Cell] = [.text("total \(options.period.text)")] + monthTotals.map { Cell.money($0) } + [.money(grandTotal)]
            table = Table(name: "pnl_grid", title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
        } else {
            let columns: [Column] = [.text("month", key: "period")] + lines.map { .number($0.label, key: $0.key) } + [.number("total", key: "total")]
            let rows = months.indices.map { index in [.text(months[index].label)] + lines.map { Cell.money($0.values[index]) } + [.money(monthTotals[index])] }
            let footer: [Cell] = [.text("total \(options.period.text)")] + lines.map { Cell.money($0.values.reduce(.zero, +)) } + [.money(grandTotal)]
            table = Table(name: "pnl_grid", title: title, columns: columns, rows: rows, footerRows: [footer], notes: notes)
        }
        return [.table(table)]
    }
}
