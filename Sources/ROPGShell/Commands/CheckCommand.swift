import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `check [DATE]`: the morning check (达标) — is the day, month, quarter and year on target?
public enum CheckCommand: Command {
    public static let name = "check"
    public static let topic = HelpTopic.plan
    public static let summary = "the morning check: day, month, quarter and year to date against their goals"
    public static let usage = ["check [DATE] [chart[=FIGURE]]"]
    public static let examples = ["check", "check 2026-03-14", "check 2026-03-14 chart=achieved"]
    public static let exampleSetup = ["actual add 2026-03-14 gmv=30000 uv=9000 orders=260"]
    public static let syntax = Syntax(words: [.day], keys: [Key("chart", .figure)])
    public static let details = """
        DATE defaults to today. For each metric with goals and actuals: the goal and the actual over the days
        recorded up to DATE (days with nothing recorded are missing, never zero; they are counted and listed),
        achievement, the gap, the whole period's goal, and the run-rate each day left after DATE now needs (the
        missing days count at their goal until recorded). Where GMV, visitors (uv=) and orders are recorded, the
        GMV gap is split into traffic (visitors), conversion (CVR) and order value (AOV) against the driver tree
        of the GMV goal on the same days; the three parts add up to the gap to the cent (Shapley split, see
        docs/DOMAIN.md §4.7) and the largest is marked as the main cause, with the seeds' advice. Ad spend
        recorded is set against the adspend goal, or else the driver tree's spend (paid clicks × cpc). Bounce
        rate, visit depth and inquiry conversion recorded on DATE are held against the seeds' thresholds:
        bounce < 70% (good < 60%), depth ≥ 2.5 (good ≥ 3.5), inquiry conversion ≥ 50%, with their advice.
        chart=FIGURE (or chart alone: achieved) draws a bar chart of one figure of the check table, row by row, fitted to
        the terminal's width.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        var asked: Day?
        if let text = arguments.positional(0) {
            do { asked = try Period.parseDay(text) } catch { throw CommandError(error.message) }
        }
        let report: CheckReport
        do { report = try CheckReport.of(session.context, day: asked) } catch { throw GoalCommand.failure(error) }
        let day = report.day
        let lines = report.lines
        var blocks: [Block] = []
        if !report.goalsCoverDay {
            blocks.append(.message(phrase("no goals cover {day}; set one with goal set {year} gmv=… to check against", ["day": day.isoText, "year": String(day.year)])))
        } else if lines.isEmpty {
            blocks.append(.message(phrase("no actuals recorded for the metrics with goals; actual add {day} gmv=…", ["day": day.isoText])))
        } else {
            let rows: [[Cell]] = lines.map { line in
                let show = { (value: ExactDecimal) in GoalCommand.cell(value, line.metric) }
                let needed: Cell = line.shownNeededPerDay.map(show) ?? .empty
                let recorded = line.recordedDays.count
                let status: String = recorded == 0 ? "not recorded" : line.onTarget ? "on target" : "behind"
                return [.word(line.scope.rawValue, context: "scope"), .text(line.period.text), .word(line.metric.rawValue),
                        Cell(text: phrase("{recorded} of {days}", ["recorded": String(recorded), "days": String(line.daysToDate)]), plain: String(recorded), kind: .count, alignment: .right),
                        recorded == 0 ? .empty : show(line.goalToDate), recorded == 0 ? .word("missing") : show(line.actualToDate),
                        .optional(line.achievement, { .rate($0, places: 1) }), recorded == 0 ? .empty : show(line.gap),
                        show(line.periodGoal), .count(line.remainingDays), needed,
                        .word(status, emphasis: status == "behind" ? .negative : .none)]
            }
            var notes = [phrase("goal to date, actual and gap cover only the days recorded; days recorded: recorded of the days to date"),
                         phrase("needed per day: (period goal − actual − the missing days' goal) ÷ the days left after {day}", ["day": day.isoText])]
            notes += missingNotes(lines)
            blocks.append(.table(Table(
                name: "check",
                title: phrase("check {day} {weekday}", ["day": day.isoText, "weekday": phrase(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday - 1])]),
                columns: [.text("scope", key: "scope"), .text("period", key: "period"), .text("metric", key: "metric"),
                          .number("days recorded", key: "days_recorded"),
                          .number("goal to date", key: "goal_to_date"), .number("actual", key: "actual"),
                          .number("achieved", key: "achieved"), .number("gap", key: "gap"), .number("period goal", key: "period_goal"),
                          .number("days left", key: "days_left"), .number("needed per day", key: "needed_per_day"),
                          .text("status", key: "status")],
                rows: rows,
                notes: notes)))
        }
        if !lines.isEmpty && !report.recordedOnDay {
            blocks.append(.message(phrase("nothing is recorded for {day} itself: it is missing, not counted as 0 (actual add {day} gmv=… uv=… orders=…)", ["day": day.isoText])))
        }
        if !report.gaps.isEmpty { blocks += gapBlocks(report.gaps) }
        if let why = report.gapUnavailable { blocks.append(.message(phrase("the GMV gap cannot be split: {why}", ["why": why.phrased]))) }
        if !report.impossible.isEmpty {
            blocks.append(.message(phrase("left out of the gap split, figures that cannot all be true (fix them with actual add): {figures}", ["figures": report.impossible.map(\.message).joined(separator: phrase("; "))])))
        }
        if !report.adSpend.isEmpty { blocks.append(adSpendBlock(report.adSpend)) }
        if !report.health.isEmpty {
            blocks.append(.table(Table(
                name: "check_health",
                title: phrase("health {day}", ["day": day.isoText]),
                columns: [.text("figure", key: "figure"), .number("value", key: "value"), .text("verdict", key: "verdict"),
                          .text("thresholds", key: "thresholds")],
                rows: report.health.map { line in
                    [.text(name(line.figure)), line.isRate ? .rate(line.value, places: 1) : .count(line.value),
                     .word(line.verdict.rawValue, emphasis: line.verdict == .fail ? .negative : .none),
                     .text(rule(line))]
                },
                notes: healthAdvice(report.health))))
        }
        return blocks
    }

    /// "month to date: 2026-03-01..2026-03-09, 2026-03-12 missing" per scope with missing days
    /// (the widest scope per metric that adds days, so no list repeats).
    static func missingNotes(_ lines: [CheckLine]) -> [String] {
        var notes: [String] = []
        for metric in GoalMetric.allCases {
            var listed = 0
            for line in lines where line.metric == metric && line.missingDays.count > listed {
                let count = line.missingDays.count
                notes.append(phrase("{metric} {scope}: {days} missing: {list}", ["metric": phrase(metric.rawValue), "scope": phrase(in: "scope", line.scope.rawValue),
                                                                                 "days": phrase(count: count, "{count} day", "{count} days"), "list": dayRanges(line.missingDays)]))
                listed = count
            }
        }
        return notes
    }

    /// Days as runs: "2026-03-01..2026-03-09, 2026-03-12"; after eight runs, "… and N more days".
    static func dayRanges(_ days: [Day]) -> String {
        var runs: [(Day, Day)] = []
        for day in days {
            if let last = runs.last, last.1.advanced(by: 1) == day { runs[runs.count - 1].1 = day } else { runs.append((day, day)) }
        }
        let shown = runs.prefix(8).map { $0.0 == $0.1 ? $0.0.isoText : "\($0.0.isoText)..\($0.1.isoText)" }
        let rest = runs.dropFirst(8).reduce(0) { $0 + $1.0.distance(to: $1.1) + 1 }
        let list = commaList(shown)
        return rest > 0 ? phrase("{list} and {count} more days", ["list": list, "count": String(rest)]) : list
    }

    /// The gap split (docs/DOMAIN.md §4.7) and the drivers behind it, per scope.
    static func gapBlocks(_ gaps: [CheckGap]) -> [Block] {
        let causeName: [GapDecomposition.Factor: String] = [.traffic: phrase("traffic 流量"), .conversion: phrase("conversion 转化"), .orderValue: phrase("order value 客单价")]
        let rows: [[Cell]] = gaps.map { gap in
            let shown = gap.shownParts
            let cause = gap.split.mainCause
            func part(_ value: ExactDecimal, _ factor: GapDecomposition.Factor) -> Cell {
                .money(value).emphasized(factor == cause && value.isNegative ? .negative : .none)
            }
            return [.word(gap.scope.rawValue, context: "scope"), .text(gap.period.text), .count(ExactDecimal(gap.days)),
                    .money(gap.split.planGMV), .money(gap.split.actualGMV), .money(shown.gap),
                    part(shown.traffic, .traffic), part(shown.conversion, .conversion), part(shown.orderValue, .orderValue),
                    .text(cause.map { causeName[$0] ?? $0.rawValue } ?? "")]
        }
        let drivers: [[Cell]] = gaps.map { gap in
            [.word(gap.scope.rawValue, context: "scope"), .count(gap.planVisitors.ceilingWhole()), .count(gap.actualVisitors),
             .optional(gap.planCVR, { .rate($0, places: 2) }), .optional(gap.actualCVR, { .rate($0, places: 2) }),
             .optional(gap.planAOV, { .money($0) }), .optional(gap.actualAOV, { .money($0) })]
        }
        var notes = [phrase("the gap split: GMV = visitors × CVR × AOV; each part is that factor's Shapley share (the average over the six orders of changing one factor at a time), so the parts add up to the gap exactly (docs/DOMAIN.md §4.7)"),
                     phrase("plan: the driver tree of the GMV goal over the days counted (those with GMV, visitors and orders recorded)")]
        // The seeds' advice for the day's main cause, or the nearest scope's.
        if let behind = gaps.first(where: { $0.split.gap.isNegative }), let cause = behind.split.mainCause {
            notes.append(phrase("main cause ({scope}) {cause}: {advice}", ["scope": phrase(in: "scope", behind.scope.rawValue), "cause": causeName[cause] ?? cause.rawValue, "advice": advice(cause)]))
        }
        return [.table(Table(name: "check_gap", title: phrase("why GMV is off: traffic, conversion, order value"),
                             columns: [.text("scope", key: "scope"), .text("period", key: "period"), .number("days", key: "days"),
                                       .number("plan GMV", key: "plan_gmv"), .number("actual GMV", key: "actual_gmv"), .number("gap", key: "gap"),
                                       .number("traffic", key: "traffic"), .number("conversion", key: "conversion"),
                                       .number("order value", key: "order_value"), .text("main cause", key: "main_cause")],
                             rows: rows, notes: notes)),
                .table(Table(name: "check_drivers", title: phrase("the drivers, plan and actual"),
                             columns: [.text("scope", key: "scope"), .number("visitors plan", key: "visitors_plan"),
                                       .number("visitors", key: "visitors"), .number("CVR plan", key: "cvr_plan"), .number("CVR", key: "cvr"),
                                       .number("AOV plan", key: "aov_plan"), .number("AOV", key: "aov")],
                             rows: drivers, notes: [phrase("visitors plan rounded up (docs/DOMAIN.md §4.2); CVR = orders ÷ visitors, AOV = GMV ÷ orders")]))]
    }

    /// What the seeds tell an operator to look at when this factor is the main cause.
    static func advice(_ cause: GapDecomposition.Factor) -> String {
        switch cause {
        case .traffic:
            phrase("推广 answers for traffic: which source fell short, how much to add and at what budget; if traffic falls, look at ranking and test the main picture's click-through (测主图点击)")
        case .conversion:
            phrase("check the main product every day for same-style listings (同款) that take its orders and for bad reviews (中差评); then the detail page (美工) and customer service (客服)")
        case .orderValue:
            phrase("related sales (关联销售): the store-wide AOV should be at least 1.3× the main product's (good: 1.5×); if not, adjust the page")
        }
    }

    /// The seeds' advice for each threshold crossed.
    static func healthAdvice(_ lines: [HealthLine]) -> [String] {
        var notes: [String] = []
        let failed = Set(lines.filter { $0.verdict == .fail }.map(\.figure))
        let page = [HealthLine.Figure.bounceRate, .visitDepth].filter(failed.contains).map { $0 == .bounceRate ? phrase("bounce rate 跳失率 is 70% or more") : phrase("visit depth 访问深度 is below 2.5") }
        if !page.isEmpty {
            notes.append(phrase("{failed}: adjust the page before adding promotion (the seeds: below these, more paid traffic only loses money); check them weekly, and mind that both depend on where the traffic comes from",
                                ["failed": page.joined(separator: phrase(" and "))]))
        }
        if failed.contains(.inquiryConversion) {
            notes.append(phrase("inquiry conversion below 50%: customer service needs training (客服培训)"))
        }
        return notes
    }

    /// Ad spend recorded against its budget, per scope.
    static func adSpendBlock(_ lines: [AdSpendLine]) -> Block {
        let rows: [[Cell]] = lines.map { line in
            let status = line.overBudget ? "over budget" : "within budget"
            return [.word(line.scope.rawValue, context: "scope"), .text(line.period.text), .count(ExactDecimal(line.days)), .money(line.budget),
                    .word(line.fromGoal ? "adspend goal" : "driver tree"), .money(line.actual), .money(line.variance),
                    .optional(line.variance.divided(by: line.budget), { .rate($0, places: 1) }),
                    .word(status, emphasis: line.overBudget ? .negative : .none)]
        }
        return .table(Table(name: "check_adspend", title: phrase("ad spend 推广花费 against its budget"),
                            columns: [.text("scope", key: "scope"), .text("period", key: "period"), .number("days", key: "days"),
                                      .number("budget", key: "budget"), .text("from", key: "from"), .number("actual", key: "actual"),
                                      .number("variance", key: "variance"), .number("variance %", key: "variance_rate"),
                                      .text("status", key: "status")],
                            rows: rows,
                            notes: [phrase("over the days with ad spend recorded; the budget is the adspend goal of those days, else the driver tree's paid clicks × cpc on their GMV goal")]))
    }

    static func name(_ figure: HealthLine.Figure) -> String {
        switch figure {
        case .bounceRate: phrase("bounce rate 跳失率")
        case .visitDepth: phrase("visit depth 访问深度")
        case .inquiryConversion: phrase("inquiry conversion 询单转化率")
        }
    }

    /// The thresholds in words: "pass < 70%, good < 60%".
    static func rule(_ line: HealthLine) -> String {
        let bound = line.lowerIsBetter ? "<" : "≥"
        let show = { (value: ExactDecimal) in line.isRate ? value.exactPercentText : value.description }
        let pass = phrase("pass {bound} {value}", ["bound": bound, "value": show(line.pass)])
        let withGood = line.good.map { phrase("{pass}, good {bound} {value}", ["pass": pass, "bound": bound, "value": show($0)]) } ?? pass
        return line.figure == .inquiryConversion ? phrase("{rule} (below: train customer service)", ["rule": withGood]) : withGood
    }
}
