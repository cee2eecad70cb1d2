import ROPGDomain
import ROPGText
import ROPGTables
import ROPGReports

/// `costs PERIOD`: what a period costs, by category, entry, product or sub-period.
public enum CostsCommand: Command {
    public static let name = "costs"
    public static let topic = HelpTopic.reports
    public static let summary = "what a period costs, by category, entry, product or period (ROPG)"
    public static let usage = ["costs [PERIOD] [by=category|entry|product|month|quarter|week|day|category,month] [category=R|O|P|G] [source=plan|actual] [view=accrual|cash] [chart[=FIGURE]]",
                               "costs [PERIOD] vs=actual [by=month|quarter|week|day] [view=accrual|cash]"]
    public static let examples = ["costs", "costs 2026-03", "costs 2026-03 by=entry", "costs 2026 by=month", "costs 2026-Q4 by=entry category=O source=actual", "costs 2026-03 vs=actual", "costs 2026-03 chart", "costs 2026 by=month chart=total", "costs 2026 by=category,month"]
    public static let details = """
        PERIOD defaults to this month. Calendar costs accrue over the period (a yearly amount 1/12 a month, evenly over each month's days; amortized
        purchases 1/N a month); per-unit, per-order, percent and CPS costs follow the period's sales: the plan
        (GMV goals, orders from AOV, units from the product mix) or, with source=actual, the recorded actuals.
        view=cash counts one-off and amortized purchases on the day they are paid. Deposits are not costs: they
        are listed apart. Shares are of total cost and of net revenue; the lines add up exactly to the total.
        vs=actual sets the plan's R, O, P, G and total beside the actuals' over the days with GMV recorded (see help pnl).
        chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the report's figures, row by row, fitted to the terminal's width; the amount (or the total) by default.
        """
    public static let syntax = Syntax(words: [.period], keys: [
        Key("by", .choice(["category", "entry", "product", "month", "quarter", "week", "day", "category,month"])), Key("category", .category),
        Key("source", .choice(["plan", "actual"])), Key("view", .choice(["accrual", "cash"])), Key("vs", .choice(["actual"]), excludes: ["alloc", "source", "category"]),
        Key("chart", .figure),
    ])
    public static func comparedInWhatIf(_ arguments: Arguments) -> Bool { !arguments.has("vs") }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        if arguments.has("vs") { return try PlanAgainstActual.run(.costs, arguments, session, command: "costs", usage: usage[1]) }
        let options = try AccountingOptions(arguments, command: "costs", usage: usage[0], session: session, defaultsToThisMonth: true)
        let category = try arguments.value("category").map { (text) throws(CommandError) -> CostCategory in
            guard let category = CostCategory(text: text) else { throw CommandError(phrase("{key}={value}: use {choices}", ["key": "category", "value": text, "choices": choiceList(["R", "O", "P", "G"])])) }
            return category
        }
        let by = arguments.value("by") ?? "category"
        let book = try options.book(options.period, perEntry: by == "entry")
        let shown = try options.figures(options.period, lines: by == "entry")
        var notes = options.notes(book, session)
        let table: Table
        switch by {
        case "category": table = byCategory(shown, only: category)
        case "entry": table = byEntry(book, shown, only: category, options, session)
        case "product": table = try byProduct(options, only: category, session)
        case "month", "quarter", "week", "day":
            let grain = try GoalCommand.grain(by, for: options.period)
            table = try byPeriod(options, grain: grain, only: category, session)
        case "category,month":
            let grain = try GoalCommand.grain("month", for: options.period)
            table = categoryByMonth(try byPeriod(options, grain: grain, only: category, session), period: options.period)
        case "month,category":
            // Months in rows and categories in columns is what by=month shows.
            let grain = try GoalCommand.grain("month", for: options.period)
            table = try byPeriod(options, grain: grain, only: category, session)
        default:
            throw CommandError(phrase("by={value}: use category, entry, product, month, quarter, week or day, or the grid category,month (by=month,category is by=month)", ["value": by.excerpt]))
        }
        if let category { notes.insert(phrase("only {category}", ["category": AccountingOptions.categoryLabel(category)]), at: 0) }
        var result = table
        result.title = phrase("costs {period}", ["period": options.period.text])
        result.notes = table.notes + notes
        result.compare = table.columns.contains { $0.key == "amount" } ? ["amount"] : ["total"]
        if by == "entry" { result.rowKey = ["id", "name"] }
        // Scaled (format money=万), a category is shown as pnl shows it, and the total cost is
        // what the categories add up to, as pnl's total cost is.
        result.totalsAreRowSums = by == "category"
        if ["month", "quarter", "week", "day", "month,category"].contains(by) {
            result.sums = [ColumnSum("total", adding: CostCategory.allCases.filter { category == nil || $0 == category }.map(\.rawValue))]
        }
        return [.table(result)]
    }

    /// "12.3%" of a whole, or empty when the whole is zero.
    static func share(_ part: ExactDecimal, of whole: ExactDecimal) -> Cell {
        .optional(whole.isZero ? nil : part.divided(by: whole), { .rate($0, places: 1) })
    }

    static let shareColumns: [Column] = [.number("% of cost", key: "share_of_cost"), .number("% of revenue", key: "share_of_revenue")]

    private static func byCategory(_ shown: PeriodFigures, only: CostCategory?) -> Table {
        let categories = CostCategory.allCases.filter { only == nil || $0 == only }
        let amounts = categories.map { shown.cost($0) }
        let total = amounts.reduce(.zero, +)
        let allCosts = shown.totalCost
        let revenue = shown.netRevenue
        let rows: [[Cell]] = zip(categories, amounts).map { category, amount in
            [.text(AccountingOptions.categoryLabel(category)), .money(amount), share(amount, of: allCosts), share(amount, of: revenue)]
        }
        return Table(columns: [.text("category", key: "category"), .number("amount", key: "amount")] + shareColumns,
                     rows: rows, footerRows: [[.text(phrase(only == nil ? "total cost" : "total shown")), .money(total), share(total, of: allCosts), share(total, of: revenue)]],
                     notes: [phrase("net revenue {amount}", ["amount": revenue.formatted()])])
    }

    private static func byEntry(_ book: CostBook, _ figures: PeriodFigures, only: CostCategory?, _ options: AccountingOptions, _ session: Session) -> Table {
        let workspace = session.workspace
        func id(_ line: CostLine) -> CostID? {
            if case .entry(let index) = line.source { return workspace.costs[index].id }
            return nil
        }
        // By category, then ID; the goods line (no ID) first within G.
        let lines = AccountingOptions.shownLines(book, figures, workspace).filter { only == nil || $0.category == only }.sorted { a, b in
            guard a.category == b.category else { return a.category < b.category }
            guard let first = id(a) else { return id(b) != nil }
            guard let second = id(b) else { return false }
            return first < second
        }
        // Each line's shown figure from the ledger, so the lines add up to the categories pnl shows.
        let shown = lines.map { figures.lines[$0.source] ?? .zero }
        let allCosts = figures.totalCost
        let revenue = figures.netRevenue
        var rows: [[Cell]] = []
        var subtotalRows: [Int] = []
        var total = ExactDecimal.zero
        for category in CostCategory.allCases where only == nil || only == category {
            let members = lines.indices.filter { lines[$0].category == category }
            for index in members {
                let (id, name) = AccountingOptions.name(lines[index], workspace)
                rows.append([.text(id), .text(category.rawValue), .text(name),
                             .text(AccountingOptions.working(lines[index], workspace, period: options.period, view: options.view, shown: shown[index])),
                             .money(shown[index]), share(shown[index], of: allCosts), share(shown[index], of: revenue)])
            }
            // A line that costs nothing over the period as a whole can still carry a cent of the
            // running total; the subtotal is the category's figure either way.
            let subtotal = figures.cost(category)
            total += subtotal
            guard !members.isEmpty || !subtotal.isZero else { continue }
            subtotalRows.append(rows.count)
            rows.append([.empty, .text(category.rawValue), .text(phrase("subtotal {category}", ["category": phrase(category.englishName)])).emphasized(.strong), .empty,
                         Cell.money(subtotal).emphasized(.strong), share(subtotal, of: allCosts), share(subtotal, of: revenue)])
        }
        var notes = [phrase("net revenue {amount}", ["amount": revenue.formatted()])]
        if let note = unitsAndOrdersNote(lines, book, options, workspace) { notes.append(note) }
        var table = Table(columns: [.text("ID", key: "id"), .text("cat", key: "category"), .text("name", key: "name"),
                                    .text("working", key: "working"), .number("amount", key: "amount")] + shareColumns,
                          rows: rows, footerRows: [[.empty, .empty, .text(phrase(only == nil ? "total cost" : "total shown")), .empty, .money(total), share(total, of: allCosts), share(total, of: revenue)]],
                          notes: notes)
        // Scaled (format money=万), a category's subtotal is shown as pnl shows the category.
        table.subtotalRows = subtotalRows
        return table
    }

    /// Why a per-unit line's units and a per-order line's orders are not units-per-order apart in
    /// the plan: units come from the product mix, orders from the GMV and the AOV.
    private static func unitsAndOrdersNote(_ lines: [CostLine], _ book: CostBook, _ options: AccountingOptions, _ workspace: Workspace) -> String? {
        guard options.source == .plan, let units = book.sales.units, let orders = book.sales.orders, let perOrder = book.sales.unitsPerOrder else { return nil }
        func has(_ wanted: (CostBasis) -> Bool) -> Bool {
            lines.contains { line in
                guard case .entry(let index) = line.source else { return false }
                return workspace.costs[index].product == nil && wanted(workspace.costs[index].basis)
            }
        }
        guard has({ $0 == .perUnit }), has({ $0 == .perOrder }) else { return nil }
        return phrase("units come from each product's net revenue ÷ its price ({units}), orders from GMV ÷ AOV ({orders}): {ratio} units an order in the plan",
                      ["units": units.rounded().countText, "orders": orders.rounded().countText, "ratio": perOrder.rounded(places: 2).description])
    }

    private static func byProduct(_ options: AccountingOptions, only: CostCategory?, _ session: Session) throws(CommandError) -> Table {
        let workspace = session.workspace
        let split: ProductSplit.DirectCosts
        do { split = try ProductSplit.directCosts(options.ledger, options.period, only: only) } catch { throw CommandError(error.message) }
        let figures = try options.figures(options.period)
        let revenue = figures.netRevenue
        let total = split.total
        var rows: [[Cell]] = split.products.map { index, amount in
            [.text(workspace.products[index].sku), .text(workspace.products[index].name), .money(amount), share(amount, of: total), share(amount, of: revenue)]
        }
        rows.append([.empty, .text(phrase("shared (not tied to a product)")), .money(split.shared), share(split.shared, of: total), share(split.shared, of: revenue)])
        var table = Table(columns: [.text("SKU", key: "sku"), .text("name", key: "name"), .number("direct costs", key: "amount")] + shareColumns,
                          rows: rows, footerRows: [[.empty, .text(phrase("total cost")), .money(total), share(total, of: total), share(total, of: revenue)]],
                          notes: [phrase("a product's direct costs: its goods (net units × goods cost) and the entries tied to it; pnl by=product shares out the rest")])
        // Scaled, the total cost is what the categories add up to as shown, as in pnl.
        table.totalMadeOf = ["amount": CostCategory.allCases.filter { only == nil || $0 == only }.map { figures.cost($0) }]
        return table
    }

    /// The grid of categories in rows and months in columns: `costs PERIOD by=month` turned round,
    /// so each month's total is that report's and each category's total is `costs PERIOD`'s amount.
    private static func categoryByMonth(_ months: Table, period: Period) -> Table {
        let labels = months.rows.map { $0.first?.text ?? "" }
        let columns: [Column] = [.text("category", key: "category")] + labels.map { .number($0, key: $0) } + [.number("total", key: "total")]
        let figureColumns = Array(months.columns.indices.dropFirst().dropLast())
        let rows: [[Cell]] = figureColumns.map { index in
            let category = CostCategory(text: months.columns[index].key).map(AccountingOptions.categoryLabel) ?? months.columns[index].title
            return [.text(category)] + months.rows.map { months.normalized($0)[index] } + [months.footerRows.first.map { months.normalized($0)[index] } ?? .empty]
        }
        let last = months.columns.count - 1
        let footer: [Cell] = [.text(phrase("total cost"))] + months.rows.map { months.normalized($0)[last] } + [months.footerRows.first.map { months.normalized($0)[last] } ?? .empty]
        return Table(columns: columns, rows: rows, footerRows: [footer],
                     notes: [phrase("categories by month: a month's total is costs {period} by=month's, a category's total is costs {period}'s amount for it", ["period": period.text])])
    }

    private static func byPeriod(_ options: AccountingOptions, grain: PeriodGrain, only: CostCategory?, _ session: Session) throws(CommandError) -> Table {
        let categories = CostCategory.allCases.filter { only == nil || $0 == only }
        var rows: [[Cell]] = []
        for child in try GoalCommand.rows(of: options.period, by: grain) {
            let shown = GoalCommand.clip(child, to: options.period)
            let figures = try options.figures(shown)
            let parts = categories.map { figures.cost($0) }
            rows.append([.text(GoalCommand.label(child, shown: shown))] + (parts + [parts.reduce(.zero, +)]).map { .money($0) })
        }
        // Every period is the sum of its days, so the rows add up to the period's own figures.
        let whole = try options.figures(options.period)
        let totals = categories.map { whole.cost($0) }
        return Table(columns: [.text(grain.name, key: "period")] + categories.map { .number($0.label, key: $0.rawValue) }
                        + [.number("total cost", key: "total")],
                     rows: rows, footerRows: [[.text(phrase("total {period}", ["period": options.period.text]))] + (totals + [totals.reduce(.zero, +)]).map { .money($0) }])
    }
}
