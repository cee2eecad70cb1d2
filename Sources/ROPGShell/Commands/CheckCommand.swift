import ROPGDomain
import ROPGReports
import ROPGTables

/// `check [DATE]`: the morning check (达标) — is the day, month, quarter and year on target?
public enum CheckCommand: Command {
    public static let name = "check"
    public static let topic = HelpTopic.plan
    public static let summary = "the morning check: day, month, quarter and year to date against their goals"
    public static let usage = ["check [DATE]"]
    public static let examples = ["check", "check 2026-03-14"]
    public static let details = """
        DATE defaults to the last day with actuals. For each metric with goals and actuals: the goal and the
        actual up to DATE, achievement, the gap, the whole period's goal, and the run-rate each remaining day now
        needs. Bounce rate, visit depth and inquiry conversion recorded on DATE are held against the thresholds
        of the seeds: bounce < 70% (good < 60%), depth ≥ 2.5 (good ≥ 3.5), inquiry conversion ≥ 50%.
        """

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: [], command: "check")
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
            blocks.append(.message("no goals cover \(day.isoText); set one with goal set \(day.year) gmv=… to check against"))
        } else if lines.isEmpty {
            blocks.append(.message("no actuals recorded for the metrics with goals; actual add \(day.isoText) gmv=…"))
        } else {
            let rows: [[Cell]] = lines.map { line in
                let show = { (value: ExactDecimal) in GoalCommand.cell(value, line.metric) }
                let needed: Cell = line.shownNeededPerDay.map(show) ?? .empty
                return [.text(line.scope.rawValue), .text(line.period.text), .text(line.metric.rawValue), show(line.goalToDate),
                        show(line.actualToDate), .optional(line.achievement, { .rate($0, places: 1) }), show(line.gap),
                        show(line.periodGoal), .count(line.remainingDays), needed,
                        Cell(text: line.onTarget ? "on target" : "behind", plain: line.onTarget ? "on target" : "behind", kind: .text,
                             alignment: .left, emphasis: line.onTarget ? .none : .negative)]
            }
            blocks.append(.table(Table(
                name: "check",
                title: "check \(day.isoText) \(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday - 1])",
                columns: [.text("scope", key: "scope"), .text("period", key: "period"), .text("metric", key: "metric"),
                          .number("goal to date", key: "goal_to_date"), .number("actual", key: "actual"),
                          .number("achieved", key: "achieved"), .number("gap", key: "gap"), .number("period goal", key: "period_goal"),
                          .number("days left", key: "days_left"), .number("needed per day", key: "needed_per_day"),
                          .text("status", key: "status")],
                rows: rows,
                notes: ["needed per day: what each remaining day of the period must bring to reach its goal"])))
        }
        if !lines.isEmpty && !report.recordedOnDay {
            blocks.append(.message("nothing is recorded for \(day.isoText) itself: its actual counts as 0"))
        }
        if !report.health.isEmpty {
            blocks.append(.table(Table(
                name: "check_health",
                title: "health \(day.isoText)",
                columns: [.text("figure", key: "figure"), .number("value", key: "value"), .text("verdict", key: "verdict"),
                          .text("thresholds", key: "thresholds")],
                rows: report.health.map { line in
                    [.text(name(line.figure)), line.isRate ? .rate(line.value, places: 1) : .count(line.value),
                     Cell(text: line.verdict.rawValue, plain: line.verdict.rawValue, kind: .text, alignment: .left,
                          emphasis: line.verdict == .fail ? .negative : .none),
                     .text(rule(line))]
                })))
        }
        return blocks
    }

    static func name(_ figure: HealthLine.Figure) -> String {
        switch figure {
        case .bounceRate: "bounce rate 跳失率"
        case .visitDepth: "visit depth 访问深度"
        case .inquiryConversion: "inquiry conversion 询单转化率"
        }
    }

    /// The thresholds in words: "pass < 70%, good < 60%".
    static func rule(_ line: HealthLine) -> String {
        let bound = line.lowerIsBetter ? "<" : "≥"
        let show = { (value: ExactDecimal) in line.isRate ? value.exactPercentText : value.description }
        let good = line.good.map { ", good \(bound) \(show($0))" } ?? ""
        let advice = line.figure == .inquiryConversion ? " (below: train customer service)" : ""
        return "pass \(bound) \(show(line.pass))\(good)\(advice)"
    }
}
