import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `goal show` and `goal tree`: the goals of a period spread over its children.
extension GoalCommand {
    static func show(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "show")
        try arguments.checkPositionals(max: 2, usage: usage[5])
        let period = try period(arguments.positional(1), "show")
        if let productsInRows = try PnlGrid.productsInRows(arguments.value("by"), oneDimension: phrase("quarter, month, week or day")) {
            return try productGrid(period, productsInRows: productsInRows, arguments, session)
        }
        if arguments.has("top") { throw CommandError(phrase("top= goes with a grid: goal show {period} by=month,product top=10", ["period": period.text])) }
        let grain = try grain(arguments.value("by"), for: period)
        let metrics = try metrics(arguments.value("metrics"))
        if let vs = arguments.value("vs") {
            guard vs == "actual" else { throw CommandError(phrase("vs={value}: only vs=actual compares, e.g. goal show 2026-03 vs=actual", ["value": vs.excerpt])) }
            return try againstActual(period, grain: grain, metrics: metrics, session)
        }
        return try showTable(period, grain: grain, metrics: metrics, session)
    }

    /// `goal show PERIOD by=month,product` (or by=product,month): the GMV goal as the plan spreads
    /// it to products, months × products. It is the plan's GMV split by product, the figure
    /// `pnl PERIOD by=product` shows, so a month's total is `goal show PERIOD by=month`'s GMV (and
    /// pnl's) and a product's total pnl's (docs/DOMAIN.md §11.3).
    static func productGrid(_ period: Period, productsInRows: Bool, _ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        if arguments.has("metrics") || arguments.has("vs") {
            throw CommandError(phrase("metrics= and vs= go with one dimension; a goal grid shows GMV, e.g. goal show {period} by=month,product", ["period": period.text]))
        }
        let top = try PnlGrid.top(arguments)
        let grid: ProductMonthGrid
        do {
            let ledger = try session.context.ledger(.plan, .accrual)
            grid = try ProductMonthGrid(ledger, period, metric: .gmv, allocation: .revenue, top: top)
        } catch { throw CommandError(error.message) }
        let notes = [phrase("the GMV goal spread to products as the plan sells them (each product's share of each day, saved hit plans in their products); a month's total is goal show {period} by=month's GMV, a product's total pnl {period} by=product's GMV", ["period": period.text])]
        let title = productsInRows ? phrase("goals {period}: GMV by product and month", ["period": period.text])
            : phrase("goals {period}: GMV by month and product", ["period": period.text])
        return [.table(try PnlGrid.table(grid, name: "goal_grid", title: title, notes: notes, productsInRows: productsInRows, session))]
    }

    /// `goal show PERIOD vs=actual`: per row and metric, the goal over the days recorded against
    /// the actual; days not recorded are missing, never zero.
    static func againstActual(_ period: Period, grain: PeriodGrain, metrics: [GoalMetric]?, _ session: Session) throws(CommandError) -> [Block] {
        let report: GoalActualReport
        do { report = try GoalActualReport.of(session.context, period: period, grain: grain, metrics: metrics) } catch { throw failure(error) }
        func cells(_ row: GoalActualReport.Row, label: String) -> [[Cell]] {
            row.cells.map { item in
                let days = Cell(text: phrase("{recorded} of {days}", ["recorded": String(item.recordedDays), "days": String(item.days)]), plain: String(item.recordedDays), kind: .count, alignment: .right)
                guard item.recordedDays > 0 else { return [.text(label), .word(item.metric.rawValue), days, .empty, .word("missing"), .empty, .empty] }
                let variance = item.variance
                return [.text(label), .word(item.metric.rawValue), days, cell(item.goal, item.metric), cell(item.actual, item.metric),
                        cell(variance, item.metric),
                        .optional(variance.flatMap { value in item.goal.flatMap { value.divided(by: $0.magnitude) } }, { .rate($0, places: 1) })]
            }
        }
        var notes = [phrase("goal and actual over the days with the metric recorded (profit: the actual P&L over the days with GMV recorded); days recorded: of the row's days"),
                     phrase("a row with no day recorded is missing, never zero; variance = actual − goal; a blank goal: no goal covers every recorded day")]
        if report.total.cells.contains(where: { $0.recordedDays < $0.days }) {
            notes.append(phrase("missing days are left out of both goal and actual, so a part-recorded period compares like with like"))
        }
        let table = Table(
            name: "goal_show_vs_actual", title: phrase("goals {period} against actual", ["period": period.text]),
            columns: [.text(grain.name, key: "period"), .text("metric", key: "metric"), .number("days recorded", key: "days_recorded"),
                      .number("goal", key: "goal"), .number("actual", key: "actual"), .number("variance", key: "variance"),
                      .number("variance %", key: "variance_rate")],
            rows: report.rows.flatMap { cells($0, label: label($0.period, shown: $0.shown)) },
            footerRows: cells(report.total, label: phrase("total {period}", ["period": period.text])), notes: notes)
        return [.table(table)]
    }

    /// The children table: one row per child, its value per metric, which are pinned, and the
    /// total; with saved hit plans, how much of the GMV goal they cover. `metrics` nil: every
    /// metric with a goal touching the period.
    /// The metrics a period pins: each in the reader's language; CSV and JSON keep the keys.
    static func pinnedCell(_ pinned: [GoalMetric]) -> Cell {
        Cell(text: pinned.map { phrase($0.rawValue) }.joined(separator: ","), plain: pinned.map(\.rawValue).joined(separator: ","), kind: .text, alignment: .left)
    }

    static func showTable(_ period: Period, grain: PeriodGrain, metrics: [GoalMetric]?, _ session: Session) throws(CommandError) -> [Block] {
        let report: GoalShowReport
        do { report = try GoalShowReport.of(session.context, period: period, grain: grain, metrics: metrics) } catch { throw failure(error) }
        func cells(_ row: GoalShowReport.Row, label: String) -> [Cell] {
            var cells: [Cell] = [.text(label)]
            for (metric, value) in zip(report.metrics, row.values) { cells.append(cell(value, metric)) }
            cells.append(pinnedCell(row.pinned))
            if let hits = row.hits {
                cells += [.money(hits.inside), .optional(hits.coverage) { .rate($0) }, .money(hits.rest)]
                if report.anyBeyond { cells.append(.money(hits.beyond)) }
            }
            return cells
        }
        var notes: [String] = []
        var extraColumns: [Column] = []
        if report.total.hits != nil {
            extraColumns = [.number("hit plans", key: "hit_plan_revenue"), .number("covered", key: "hit_plan_covered"),
                            .number("rest of shop", key: "rest_of_shop")]
            notes.append(phrase("hit plans: the saved hit plans' revenue inside the GMV goal ({plans}); covered: that ÷ the GMV goal; rest of shop: what the other products must bring",
                                ["plans": report.hitPlans.joined(separator: ", ")]))
            if report.anyBeyond {
                extraColumns.append(.number("beyond goal", key: "hit_plan_beyond_goal"))
                notes.append(phrase("⚠ beyond goal: on some days the hit plans bring more than the GMV goal; pnl counts the hits' revenue there"))
            }
        }
        if let rule = report.split { notes.append(phrase("{period} is split to {grain}s by {method}", ["period": period.text, "grain": phrase(rule.grain.name), "method": rule.method.text])) }
        if report.anyClipped { notes.append(phrase("weeks that run past {period} show only their days inside it", ["period": period.text])) }
        if report.anyBlank { notes.append(phrase("blank: no goal covers every day of that period")) }
        let table = Table(
            title: nil,
            columns: [.text(grain.name, key: "period")] + report.metrics.map { .number($0.label, key: $0.rawValue) } + [.text("pinned", key: "pinned")]
                + extraColumns,
            rows: report.rows.map { cells($0, label: label($0.period, shown: $0.shown)) },
            footerRows: [cells(report.total, label: phrase("total {period}", ["period": period.text]))], notes: notes)
        return [.table(table)]
    }

    static func tree(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "tree")
        try arguments.checkPositionals(max: 2, usage: usage[6])
        let period = try period(arguments.positional(1), "tree")
        let metrics = try metrics(arguments.value("metrics"))
        let report: GoalTreeReport
        do { report = try GoalTreeReport.of(session.context, period: period, metrics: metrics) } catch { throw failure(error) }
        let rows: [[Cell]] = report.nodes.map { node in
            // The branches: a bar under each ancestor with siblings still to come, then this node's.
            var branch = ""
            for (level, last) in node.lineage.enumerated() {
                branch += level == node.depth - 1 ? (last ? "└─ " : "├─ ") : (last ? "   " : "│  ")
            }
            var row: [Cell] = [.text(branch + node.period.text)]
            for (metric, value) in zip(report.metrics, node.values) { row.append(cell(value, metric)) }
            row.append(pinnedCell(node.pinned))
            row.append(.text(node.split.map { phrase("to {grain} by {method}", ["grain": phrase($0.grain.name), "method": $0.method.text]) } ?? ""))
            return row
        }
        let table = Table(
            title: nil,
            columns: [.text("period", key: "period")] + report.metrics.map { .number($0.label, key: $0.rawValue) }
                + [.text("pinned", key: "pinned"), .text("split", key: "split")],
            rows: rows)
        return [.table(table)]
    }

    /// The words for a goal report that could not be worked out.
    static func failure(_ error: GoalReportError) -> CommandError {
        switch error {
        case .tooManyRows(let rows): return tooMany(rows)
        case .noGoals(let period): return CommandError(phrase("no goals touch {period}; set one with goal set {settable} gmv=…", ["period": period.text, "settable": settable(period)]))
        case .noGMVGoal(let period):
            return CommandError(phrase("no GMV goal covers every day of {period}; set one with goal set {settable} gmv=…", ["period": period.text, "settable": settable(period)]))
        case .noActuals: return CommandError(phrase("no actuals recorded yet: actual add 2026-03-14 gmv=… or actual import FILE.csv, then check"))
        case .failed(let message): return CommandError(message.phrased)
        case .report(let error): return CommandError(error.message)
        }
    }

    static func tooMany(_ rows: PeriodRows.TooMany) -> CommandError {
        CommandError(phrase("{period} by {grain} is about {rows} rows; show a shorter period or a larger by=", ["period": rows.period.text, "grain": rows.grain.phrased, "rows": rows.estimate.formatted()]))
    }

    /// The periods a table shows, one per row; refuses absurdly long tables.
    static func rows(of period: Period, by grain: PeriodGrain) throws(CommandError) -> [Period] {
        do { return try PeriodRows.children(of: period, by: grain) } catch { throw tooMany(error) }
    }

    /// by=: the grain of the rows; by default the next one down (a year shows months).
    static func grain(_ text: String?, for period: Period) throws(CommandError) -> PeriodGrain {
        guard let text else { return PeriodRows.defaultGrain(for: period) }
        guard let grain = [PeriodGrain.quarter, .month, .week, .day].first(where: { $0.name == text }) else {
            throw CommandError(phrase("by={value}: show by quarter, month, week or day", ["value": text]))
        }
        guard grain >= period.grain || period.grain == .range else {
            throw CommandError(phrase("{period} is a {grain}: show it by something smaller", ["period": period.text, "grain": period.grain.phrased]))
        }
        return grain
    }

    /// metrics=: the columns; nil when not given (the report then takes every metric with a goal
    /// touching the period).
    static func metrics(_ text: String?) throws(CommandError) -> [GoalMetric]? {
        guard let text else { return nil }
        var metrics: [GoalMetric] = []
        for name in text.split(separator: ",") { metrics.append(try metric(String(name))) }
        return metrics
    }

    /// A period a goal can be set on, for hints: a range's year.
    static func settable(_ period: Period) -> String {
        if case .range = period { return String(period.firstDay.year) }
        return period.text
    }

    /// A child clipped to the days inside the parent (a week running into the next year).
    static func clip(_ child: Period, to parent: Period) -> Period { child.clipped(to: parent) }

    static func label(_ child: Period, shown: Period) -> String {
        if case .day(let day) = child {
            let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            return "\(day.isoText) \(phrase(weekdays[day.weekday - 1]))"
        }
        if shown != child { return "\(child.text) (\(shown.firstDay.isoText)..\(shown.lastDay.isoText))" }
        if case .week = child { return "\(child.text) (\(child.firstDay.isoText)..\(child.lastDay.isoText))" }
        return child.text
    }
}
