import ROPGDomain

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

    struct Row {
        var label: String
        var gmv: ExactDecimal
        var refunds: ExactDecimal
        var costs: [ExactDecimal]  // R, O, P, G, exact
    }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["by", "alloc"] + AccountingOptions.keys, command: "pnl")
        try arguments.checkPositionals(max: 1, usage: usage[0])
        let options = try AccountingOptions(arguments, command: "pnl", usage: usage[0], session: session)
        let whole = try options.book(options.period, session, byProduct: arguments.value("by") == "product")
        var notes = options.notes(whole, session)
        var rows: [Row] = []
        let by = arguments.value("by")
        if arguments.value("alloc") != nil && by != "product" { throw CommandError("alloc= goes with by=product") }
        switch by {
        case nil:
            rows = [row(options.period.text, whole)]
        case "product":
            let (productRows, rule) = try byProduct(whole, alloc: arguments.value("alloc") ?? "revenue", session)
            rows = productRows
            notes.insert(rule, at: 0)
        case let text?:
            guard ["month", "quarter", "week", "day"].contains(text) else {
                throw CommandError("by=\(text): use month, quarter, week, day or product")
            }
            let grain = try GoalCommand.grain(text, for: options.period)
            for child in try GoalCommand.rows(of: options.period, by: grain) {
                let shown = GoalCommand.clip(child, to: options.period)
                rows.append(row(GoalCommand.label(child, shown: shown), try options.book(shown, session)))
            }
        }
        let (cells, totals) = display(rows)
        var footer: [[Cell]] = []
        if rows.count > 1 { footer = [[.text("total \(options.period.text)")] + totals] }
        let columns: [Column] = [.text(by ?? "period", key: "period"), .number("GMV", key: "gmv"), .number("refunds", key: "refunds"),
                                 .number("net revenue", key: "net_revenue")]
            + CostCategory.allCases.map { .number("\($0.rawValue) \($0.englishName)", key: $0.rawValue) }
            + [.number("total cost", key: "total_cost"), .number("profit", key: "profit"), .number("margin", key: "margin")]
        return [.table(Table(title: "profit and loss \(options.period.text)", columns: columns, rows: cells, footerRows: footer, notes: notes,
                             compare: ["net_revenue", "profit"]))]
    }

    static func row(_ label: String, _ book: CostBook) -> Row {
        Row(label: label, gmv: book.sales.gmv, refunds: book.sales.refunds, costs: CostCategory.allCases.map { book.total($0) })
    }

    /// The shown figures of each row and the total row. Each money column (GMV, refunds, R, O, P,
    /// G) is rounded so that its rows add up exactly to its rounded total; net revenue, total cost
    /// and profit are then worked out from the shown figures, so every row and column adds up.
    static func display(_ rows: [Row]) -> (cells: [[Cell]], totals: [Cell]) {
        let columns = [rows.map(\.gmv), rows.map(\.refunds)] + (0..<4).map { index in rows.map { $0.costs[index] } }
        let shown = columns.map { Allocation.roundedParts($0) }
        var sums = Array(repeating: ExactDecimal.zero, count: 9)
        var cells: [[Cell]] = []
        for (position, row) in rows.enumerated() {
            let figures = derived(shown.map { $0[position] })
            for (index, value) in figures.enumerated() { sums[index] += value }
            cells.append([.text(row.label)] + figures.map { .money($0) } + [margin(profit: figures[8], net: figures[2])])
        }
        return (cells, sums.map { .money($0) } + [margin(profit: sums[8], net: sums[2])])
    }

    /// GMV, refunds, net revenue, R, O, P, G, total cost, profit — as shown for one period.
    static func shownFigures(_ row: Row) -> [ExactDecimal] {
        derived([row.gmv.rounded(), row.refunds.rounded()] + row.costs.map { $0.rounded() })
    }

    /// From shown GMV, refunds and the four categories: the nine figures of a row.
    private static func derived(_ base: [ExactDecimal]) -> [ExactDecimal] {
        let net = base[0] - base[1]
        let costs = Array(base[2...5])
        let cost = costs.reduce(.zero, +)
        return [base[0], base[1], net] + costs + [cost, net - cost]
    }

    static func margin(profit: ExactDecimal, net: ExactDecimal) -> Cell {
        .optional(net.isZero ? nil : profit.divided(by: net), { .rate($0, places: 2) })
    }

    /// Each product's own costs, and its share of the rest by the allocation rule.
    static func byProduct(_ book: CostBook, alloc: String, _ session: Session) throws(CommandError) -> ([Row], String) {
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
        var rows: [Row] = []
        var direct = Array(repeating: ExactDecimal.zero, count: 4)
        for product in products {
            for (index, category) in CostCategory.allCases.enumerated() {
                direct[index] += book.productDirect[product.index]?[category] ?? .zero
            }
        }
        let shared = CostCategory.allCases.enumerated().map { index, category in book.total(category) - direct[index] }
        for (position, product) in products.enumerated() {
            let weight = weightTotal.isZero ? .zero : (weights[position].divided(by: weightTotal) ?? .zero)
            let costs = CostCategory.allCases.enumerated().map { index, category in
                (book.productDirect[product.index]?[category] ?? .zero) + shared[index] * weight
            }
            let item = workspace.products[product.index]
            rows.append(Row(label: "\(item.sku) \(item.name)", gmv: product.gmv, refunds: product.gmv - product.netRevenue, costs: costs))
        }
        let assignedGMV = products.reduce(ExactDecimal.zero) { $0 + $1.gmv }
        // What no product carries (shares adding to less than 100%); not the last cent of rounding.
        if book.sales.gmv - assignedGMV > ExactDecimal(mantissa: 1, places: 2) || weightTotal.isZero {
            let gmv = book.sales.gmv - assignedGMV
            let net = book.sales.netRevenue - products.reduce(ExactDecimal.zero) { $0 + $1.netRevenue }
            let left = weightTotal.isZero ? shared : Array(repeating: ExactDecimal.zero, count: 4)
            rows.append(Row(label: "not tied to a product", gmv: gmv, refunds: gmv - net, costs: left))
        }
        return (rows, rule)
    }
}
