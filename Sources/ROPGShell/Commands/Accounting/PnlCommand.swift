import ROPGDomain
import ROPGText
import ROPGTables
import ROPGReports

/// `pnl PERIOD`: the profit and loss — revenue, the four ROPG cost categories, profit, margin.
public enum PnlCommand: Command {
    public static let name = "pnl"
    public static let topic = HelpTopic.reports
    public static let summary = "profit and loss: revenue, R O P G costs, profit and margin, by period or product"
    public static let usage = ["pnl [PERIOD] [by=month|quarter|week|day|product] [alloc=revenue|units|even] [source=plan|actual] [view=accrual|cash] [chart[=FIGURE]]",
                               "pnl [PERIOD] vs=actual [by=month|quarter|week|day] [view=accrual|cash]",
                               "pnl PERIOD by=month,product|product,month [metric=profit|gmv|net_revenue|R|O|P|G|total_cost|refunds] [top=20] [alloc=…]"]
    public static let examples = ["pnl", "pnl 2026-03", "pnl 2026 by=month", "pnl 2026-Q4 by=product", "pnl 2026-03 source=actual", "pnl 2026 by=quarter view=cash", "pnl 2026-03 vs=actual", "pnl 2026-03 vs=actual by=day", "pnl 2026 by=month chart", "pnl 2026 by=quarter chart=margin", "pnl 2026 by=month,product", "pnl 2026-Q4 by=product,month metric=gmv top=5", "pnl 2026-Q1 by=product,month metric=units top=5"]
    public static let details = """
        PERIOD defaults to this month. GMV less refunds (refund-rate) is net revenue; less the R, O, P and G costs it is profit; margin is profit ÷ net
        revenue. R includes the payment fee (payment-fee) on net revenue. Deposits are not costs: they are shown apart. by=product gives each product its own goods and the
        entries tied to it, and shares out the other costs month by month in proportion to net revenue (alloc=units by units sold,
        alloc=even equally). The parts of every row add up exactly to its total. why pnl PERIOD LINE shows the working.
        vs=actual sets the plan beside the recorded actuals: plan | actual | variance | variance %, over the days with
        GMV recorded (the others are missing, never zero, and are named); the actual's sales-linked costs follow the
        recorded sales. Without by= every figure is compared, and profit, orders and ad-spend goals where they exist;
        by=month|quarter|week|day compares GMV and profit row by row.
        by=month,product is a grid: months in rows, products in columns (by=product,month: the other way), of one figure
        (metric=, profit by default), each month split by product as pnl MONTH by=product splits it, with totals both
        ways: a month's total is pnl PERIOD by=month's; a product's total is pnl PERIOD by=product's (the sum of its
        months). metric=units shows net units (from the sales the goods cost follows). top=N (20 by default)
        shows the N products with the largest total and sums the others in one line.
        chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the report's figures, row by row, fitted to the terminal's width; profit by default. A wrong figure is an error that lists the figures there are.
        """
    public static let syntax = Syntax(words: [.period], keys: [
        Key("by", .choice(["month", "quarter", "week", "day", "product", "month,product", "product,month"])), Key("alloc", .choice(["revenue", "units", "even"])),
        Key("source", .choice(["plan", "actual"])), Key("view", .choice(["accrual", "cash"])), Key("vs", .choice(["actual"]), excludes: ["alloc", "source", "category"]),
        Key("chart", .figure), Key("metric", .choice(PnlGrid.metrics.map(\.key))), Key("top", .count),
    ])
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { !arguments.has("vs") }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        if arguments.has("vs") { return try PlanAgainstActual.run(.pnl, arguments, session, command: "pnl", usage: usage[1]) }
        let options = try AccountingOptions(arguments, command: "pnl", usage: usage[0], session: session, defaultsToThisMonth: true)
        let by = arguments.value("by")
        if let productsInRows = try PnlGrid.productsInRows(by) { return try PnlGrid.run(arguments, options, productsInRows: productsInRows, session) }
        if arguments.has("metric") || arguments.has("top") { throw CommandError(phrase("metric= and top= go with a grid: by=month,product or by=product,month")) }
        if arguments.value("alloc") != nil && by != "product" { throw CommandError(phrase("alloc= goes with by=product")) }
        let whole = try options.book(options.period)
        let total = try options.figures(options.period)
        var notes = options.notes(whole, session)
        var rows: [(label: String, figures: PeriodFigures)] = []
        switch by {
        case nil:
            rows = [(options.period.text, total)]
        case "product":
            let text = arguments.value("alloc") ?? "revenue"
            guard let allocation = CostAllocation(rawValue: text) else { throw CommandError(phrase("{key}={value}: use {choices}", ["key": "alloc", "value": text, "choices": choiceList(["revenue", "units", "even"])])) }
            let split: ProductSplit
            do { split = try ProductSplit.pnl(options.ledger, options.period, allocation: allocation) } catch { throw CommandError(error.message) }
            rows = split.rows.map { row in
                (row.product.map { "\(session.workspace.products[$0].sku) \(session.workspace.products[$0].name)" } ?? phrase("not tied to a product"), row.figures)
            }
            notes.insert(rule(allocation), at: 0)
        case let text?:
            guard ["month", "quarter", "week", "day"].contains(text) else {
                throw CommandError(phrase("{key}={value}: use {choices}", ["key": "by", "value": text, "choices": choiceList(["month", "quarter", "week", "day", "product"])]))
            }
            let grain = try GoalCommand.grain(text, for: options.period)
            for child in try GoalCommand.rows(of: options.period, by: grain) {
                let shown = GoalCommand.clip(child, to: options.period)
                rows.append((GoalCommand.label(child, shown: shown), try options.figures(shown)))
            }
        }
        let cells = rows.map { [.text($0.label)] + figureCells($0.figures) }
        var footer: [[Cell]] = []
        if rows.count > 1 { footer = [[.text(phrase("total {period}", ["period": options.period.text]))] + figureCells(total)] }
        let columns: [Column] = [.text(by ?? "period", key: "period"), .number("GMV", key: "gmv"), .number("refunds", key: "refunds"),
                                 .number("net revenue", key: "net_revenue")]
            + CostCategory.allCases.map { .number($0.label, key: $0.rawValue) }
            + [.number("total cost", key: "total_cost"), .number("profit", key: "profit"), .number("margin", key: "margin")]
        var table = Table(title: phrase("profit and loss {period}", ["period": options.period.text]), columns: columns, rows: cells, footerRows: footer, notes: notes,
                          compare: ["net_revenue", "profit"])
        table.sums = figureSums
        return [.table(table)]
    }

    /// How the P&L's figures are made of each other (PeriodFigures): net revenue is GMV less
    /// refunds, total cost the four categories, profit net revenue less total cost.
    static let figureSums = [ColumnSum("net_revenue", adding: ["gmv"], subtracting: ["refunds"]),
                             ColumnSum("total_cost", adding: CostCategory.allCases.map(\.rawValue)),
                             ColumnSum("profit", adding: ["net_revenue"], subtracting: ["total_cost"])]

    /// GMV, refunds, net revenue, R, O, P, G, total cost, profit and margin, as shown.
    static func figureCells(_ figures: PeriodFigures) -> [Cell] {
        ([figures.gmv, figures.refunds, figures.netRevenue] + figures.categories + [figures.totalCost, figures.profit]).map { .money($0) }
            + [.optional(figures.margin, { .rate($0, places: 2) })]
    }

    /// The note that says how shared costs were shared out.
    static func rule(_ allocation: CostAllocation) -> String {
        switch allocation {
        case .revenue: return phrase("shared costs are shared out month by month in proportion to each product's net revenue (alloc=revenue)")
        case .units: return phrase("shared costs are shared out month by month in proportion to the units each product sells (alloc=units)")
        case .even: return phrase("shared costs are shared out month by month equally among the products that sell (alloc=even)")
        }
    }
}
