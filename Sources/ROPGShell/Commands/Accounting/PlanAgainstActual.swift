import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `pnl|costs PERIOD vs=actual [by=GRAIN]`: plan | actual | variance | variance %, from
/// `PlanActualReport`. Missing days are shown as missing, never as zero.
enum PlanAgainstActual {
    enum Kind { case pnl, costs }

    /// The figures one kind of report compares: a label and how to read it off the figures.
    static func figures(_ kind: Kind) -> [(label: String, key: String, value: (PeriodFigures) -> ExactDecimal?)] {
        let categories: [(String, String, (PeriodFigures) -> ExactDecimal?)] = CostCategory.allCases.map { category in
            (AccountingOptions.categoryLabel(category), category.rawValue, { $0.cost(category) })
        }
        switch kind {
        case .pnl:
            return [(phrase("GMV"), "gmv", { $0.gmv }), (phrase("refunds"), "refunds", { $0.refunds }), (phrase("net revenue"), "net_revenue", { $0.netRevenue })]
                + categories + [(phrase("total cost"), "total_cost", { $0.totalCost }), (phrase("profit"), "profit", { $0.profit })]
        case .costs:
            return categories + [(phrase("total cost"), "total_cost", { $0.totalCost })]
        }
    }

    static func run(_ kind: Kind, _ arguments: Arguments, _ session: Session, command: String, usage: String) throws(CommandError) -> [Block] {
        guard arguments.value("vs") == "actual" else {
            throw CommandError(phrase("vs={value}: only vs=actual compares, e.g. {command} 2026-03 vs=actual", ["value": "\(arguments.value("vs")?.excerpt ?? "")", "command": "\(command)"]))
        }
        if arguments.has("source") { throw CommandError(phrase("vs=actual sets the plan beside the actuals: leave out source=")) }
        for key in ["alloc", "category"] where arguments.has(key) { throw CommandError(phrase("{key}= does not go with vs=actual", ["key": "\(key)"])) }
        let options = try AccountingOptions(arguments, command: command, usage: usage, session: session, defaultsToThisMonth: true)
        let period = options.period
        var grain: PeriodGrain?
        if let by = arguments.value("by") {
            guard ["month", "quarter", "week", "day"].contains(by) else { throw CommandError(phrase("by={by}: with vs=actual use month, quarter, week or day", ["by": "\(by.excerpt)"])) }
            grain = try GoalCommand.grain(by, for: period)
        }
        let report: PlanActualReport
        do { report = try PlanActualReport.of(session.context, period: period, grain: grain, view: options.view) } catch { throw CommandError(error.message) }
        var notes = [phrase("plan and actual over the same days: those with GMV recorded ({recorded} of {days} days of {period}); the actual's sales-linked costs follow the recorded sales, its calendar costs are the same as the plan's",
                            ["recorded": String(report.total.recordedDays), "days": String(report.total.days), "period": period.text]),
                     kind == .pnl && grain == nil ? phrase("variance = actual − plan; variance % = variance ÷ plan; the margin's variance is in percentage points; goals are over the same days")
                        : phrase("variance = actual − plan; variance % = variance ÷ plan")]
        if !report.missingDays.isEmpty {
            notes.append(phrase("missing, never counted as zero: {days} with no GMV recorded: {ranges}", ["days": phrase(count: report.missingDays.count, "{count} day", "{count} days"), "ranges": CheckCommand.dayRanges(report.missingDays)]))
        }
        if options.view == .cash { notes.append(phrase("view=cash: one-off and amortized purchases on their payment day")) }
        let name = kind == .pnl ? "pnl_vs_actual" : "costs_vs_actual"
        let title = kind == .pnl ? phrase("profit and loss {period}: plan against actual", ["period": period.text]) : phrase("costs {period}: plan against actual", ["period": period.text])
        if grain == nil {
            return [.table(Table(name: name, title: title,
                                 columns: [.text("figure", key: "figure"), .number("plan", key: "plan"), .number("actual", key: "actual"),
                                           .number("variance", key: "variance"), .number("variance %", key: "variance_rate")],
                                 rows: singleRows(kind, report.total), notes: notes))]
        }
        let shown = kind == .pnl ? figures(kind).filter { ["gmv", "profit"].contains($0.key) } : figures(kind).filter { $0.key == "total_cost" }
        func cells(_ row: PlanActualReport.Row, label: String) -> [Cell] {
            var cells: [Cell] = [.text(label), Cell(text: phrase("{recorded} of {days}", ["recorded": String(row.recordedDays), "days": String(row.days)]), plain: String(row.recordedDays), kind: .count, alignment: .right)]
            for figure in shown {
                guard let plan = row.plan, let actual = row.actual else {
                    cells += [.empty, .word("missing"), .empty, .empty]
                    continue
                }
                cells += compared(figure.value(plan), figure.value(actual))
            }
            return cells
        }
        var columns: [Column] = [.text(grain?.name ?? "period", key: "period"), .number("days recorded", key: "days_recorded")]
        for figure in shown {
            columns += [.number(phrase("{figure} plan", ["figure": phrase(figure.label)]), key: "\(figure.key)_plan"), .number(phrase("{figure} actual", ["figure": phrase(figure.label)]), key: "\(figure.key)_actual"),
                        .number("variance", key: "\(figure.key)_variance"), .number("variance %", key: "\(figure.key)_variance_rate")]
        }
        notes.insert(phrase("by={grain}: a row with no day recorded is missing; {command} {period} vs=actual (without by=) compares every figure and the goals", ["grain": grain?.name ?? "", "command": command, "period": period.text]), at: 2)
        return [.table(Table(name: name, title: title, columns: columns,
                             rows: report.rows.map { cells($0, label: GoalCommand.label($0.period, shown: $0.shown)) },
                             footerRows: [cells(report.total, label: "total \(period.text)")], notes: notes))]
    }

    /// One row per figure, then the goals compared, for a period without by=.
    static func singleRows(_ kind: Kind, _ row: PlanActualReport.Row) -> [[Cell]] {
        guard let plan = row.plan, let actual = row.actual else {
            return figures(kind).map { [.text($0.label), .empty, .word("missing"), .empty, .empty] }
        }
        var rows: [[Cell]] = figures(kind).map { figure in [.text(figure.label)] + compared(figure.value(plan), figure.value(actual)) }
        if kind == .pnl {
            rows.append([.word("margin"), .optional(plan.margin, { .rate($0, places: 2) }), .optional(actual.margin, { .rate($0, places: 2) })]
                        + marginVariance(plan.margin, actual.margin))
        }
        for goal in row.goals where kind == .pnl {
            let show = { (value: ExactDecimal) in GoalCommand.cell(value, goal.metric) }
            let label = goal.metric == .profit ? phrase("profit against its goal") : phrase("{goal} against its goal", ["goal": phrase(goal.metric.label)])
            rows.append([.text(label), show(goal.goal), show(goal.actual), show(goal.variance),
                         .optional(goal.variance.divided(by: goal.goal.magnitude), { .rate($0, places: 1) })])
        }
        return rows
    }

    /// The margin's variance in percentage points, as comparisons show rates (`+15.44 pp`), and its
    /// variance % by the same rule as every other row: variance ÷ |plan|.
    static func marginVariance(_ plan: ExactDecimal?, _ actual: ExactDecimal?) -> [Cell] {
        guard let plan, let actual else { return [.empty, .empty] }
        let variance = actual - plan
        let points = (variance * .hundred).rounded(places: 2)
        var change = Cell.rate(variance, places: 2)
        change.text = phrase("{points} pp", ["points": (points.isNegative ? "" : "+") + points.plainText(minimumPlaces: 2)])
        change.emphasis = points.isNegative ? .negative : .none
        return [change, .optional(variance.divided(by: plan.magnitude), { .rate($0, places: 1) })]
    }

    /// plan | actual | variance | variance %, money to the cent.
    static func compared(_ plan: ExactDecimal?, _ actual: ExactDecimal?) -> [Cell] {
        guard let plan, let actual else { return [.optional(plan, { .money($0) }), .optional(actual, { .money($0) }), .empty, .empty] }
        let variance = actual - plan
        return [.money(plan), .money(actual), .money(variance),
                .optional(variance.divided(by: plan.magnitude), { .rate($0, places: 1) })]
    }
}
