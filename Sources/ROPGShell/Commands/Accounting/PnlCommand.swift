import ROPGDomain
import ROPGTables
import ROPGReports

/// `pnl PERIOD`: the profit and loss — revenue, the four ROPG cost categories, profit, margin.
public enum PnlCommand: Command {
    public static let name = "pnl"
    public static let topic = HelpTopic.reports
    public static let summary = "profit and loss: revenue, R O P G costs, profit and margin, by period or product"
    public static let usage = ["pnl PERIOD [by=month|quarter|week|day|product] [alloc=revenue|units|even] [source=plan|actual] [view=accrual|cash]"]
    public static let examples = ["pnl 2026-03", "pnl 2026 by=month", "pnl 2026-Q4 by=product", "pnl 2026-03 source=actual", "pnl 2026 by=quarter view=cash"]
    public static let details = """
        GMV less refunds (refund-rate) is net revenue; less the R, O, P and G costs it is profit; margin is profit ÷ net
        revenue. R includes the payment fee (payment-fee) on net revenue. Deposits are not costs: they are shown apart. by=product gives each product its own goods and the
        entries tied to it, and shares out the other costs in proportion to net revenue (alloc=units by units sold,
        alloc=even equally). The parts of every row add up exactly to its total. why pnl PERIOD LINE shows the working.
        """
    public static let keys = ["by=", "alloc=", "source=", "view="]
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { true }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["by", "alloc"] + AccountingOptions.keys, command: "pnl")
        try arguments.checkPositionals(max: 1, usage: usage[0])
        let options = try AccountingOptions(arguments, command: "pnl", usage: usage[0], session: session)
        let by = arguments.value("by")
        if arguments.value("alloc") != nil && by != "product" { throw CommandError("alloc= goes with by=product") }
        let whole = try options.book(options.period, byProduct: by == "product")
        let total = try options.figures(options.period)
        var notes = options.notes(whole, session)
        var rows: [(label: String, figures: PeriodFigures)] = []
        switch by {
        case nil:
            rows = [(options.period.text, total)]
        case "product":
            let (productRows, rule) = try byProduct(whole, shown: total, alloc: arguments.value("alloc") ?? "revenue", session)
            rows = productRows
            notes.insert(rule, at: 0)
        case let text?:
            guard ["month", "quarter", "week", "day"].contains(text) else {
                throw CommandError("by=\(text): use month, quarter, week, day or product")
            }
            let grain = try GoalCommand.grain(text, for: options.period)
            for child in try GoalCommand.rows(of: options.period, by: grain) {
                let shown = GoalCommand.clip(child, to: options.period)
                rows.append((GoalCommand.label(child, shown: shown), try options.figures(shown)))
            }
        }
        let cells = rows.map { [.text($0.label)] + figureCells($0.figures) }
        var footer: [[Cell]] = []
        if rows.count > 1 { footer = [[.text("total \(options.period.text)")] + figureCells(total)] }
        let columns: [Column] = [.text(by ?? "period", key: "period"), .number("GMV", key: "gmv"), .number("refunds", key: "refunds"),
                                 .number("net revenue", key: "net_revenue")]
            + CostCategory.allCases.map { .number("\($0.rawValue) \($0.englishName)", key: $0.rawValue) }
            + [.number("total cost", key: "total_cost"), .number("profit", key: "profit"), .number("margin", key: "margin")]
        return [.table(Table(title: "profit and loss \(options.period.text)", columns: columns, rows: cells, footerRows: footer, notes: notes,
                             compare: ["net_revenue", "profit"]))]
    }

    /// GMV, refunds, net revenue, R, O, P, G, total cost, profit and margin, as shown.
    static func figureCells(_ figures: PeriodFigures) -> [Cell] {
        ([figures.gmv, figures.refunds, figures.netRevenue] + figures.categories + [figures.totalCost, figures.profit]).map { .money($0) }
            + [.optional(figures.margin, { .rate($0, places: 2) })]
    }

    /// Each product's own costs, and its share of the rest by the allocation rule; every column's
    /// rows are shared out of the period's shown figure, so they add up to it exactly.
    static func byProduct(_ book: CostBook, shown: PeriodFigures, alloc: String, _ session: Session) throws(CommandError)
        -> ([(label: String, figures: PeriodFigures)], String) {
        let workspace = session.workspace
        let products = book.sales.products
        guard !products.isEmpty else { throw CommandError("no products sell in \(book.period.text): add products (and goals) first") }
        let weights: [ExactDecimal]
        let rule: String
        switch alloc {
        case "revenue":
            weights = products.map(\.netRevenue)
            rule = "shared costs are shared out in proportion to each product's net revenue (alloc=revenue)"
        case "units":
            weights = products.map(\.units)
            rule = "shared costs are shared out in proportion to the units each product sells (alloc=units)"
        case "even":
            weights = products.map { _ in .one }
            rule = "shared costs are shared out equally among the products that sell (alloc=even)"
        default:
            throw CommandError("alloc=\(alloc): use revenue, units or even")
        }
        let weightTotal = weights.reduce(ExactDecimal.zero, +)
        let categories = CostCategory.allCases
        var direct = Array(repeating: ExactDecimal.zero, count: categories.count)
        for product in products {
            for (index, category) in categories.enumerated() { direct[index] += book.productDirect[product.index]?[category] ?? .zero }
        }
        let shared = categories.enumerated().map { index, category in book.total(category) - direct[index] }
        // Exact parts per column: GMV, refunds, then R, O, P, G.
        var columns: [[ExactAmount]] = Array(repeating: [], count: 2 + categories.count)
        var labels: [String] = []
        for (position, product) in products.enumerated() {
            let weight = weightTotal.isZero ? .zero : (weights[position].divided(by: weightTotal) ?? .zero)
            columns[0].append(ExactAmount(product.gmv))
            columns[1].append(ExactAmount(product.gmv - product.netRevenue))
            for (index, category) in categories.enumerated() {
                columns[2 + index].append(ExactAmount((book.productDirect[product.index]?[category] ?? .zero) + shared[index] * weight))
            }
            labels.append("\(workspace.products[product.index].sku) \(workspace.products[product.index].name)")
        }
        let assignedGMV = products.reduce(ExactDecimal.zero) { $0 + $1.gmv }
        // What no product carries (shares adding to less than 100%); not the last cent of rounding.
        if book.sales.gmv - assignedGMV > ExactDecimal(mantissa: 1, places: 2) || weightTotal.isZero {
            let gmv = book.sales.gmv - assignedGMV
            let net = book.sales.netRevenue - products.reduce(ExactDecimal.zero) { $0 + $1.netRevenue }
            columns[0].append(ExactAmount(gmv))
            columns[1].append(ExactAmount(gmv - net))
            for index in categories.indices { columns[2 + index].append(weightTotal.isZero ? ExactAmount(shared[index]) : .zero) }
            labels.append("not tied to a product")
        }
        let totals = [shown.gmv, shown.refunds] + shown.categories
        let parts = zip(totals, columns).map { ExactAmount.apportion($0, among: $1) }
        let rows = labels.enumerated().map { position, label in
            var figures = PeriodFigures()
            figures.gmv = parts[0][position]
            figures.refunds = parts[1][position]
            figures.categories = categories.indices.map { parts[2 + $0][position] }
            return (label, figures)
        }
        return (rows, rule)
    }
}
