import ROPGDomain
import ROPGReports
import ROPGTables

/// `goal show` and `goal tree`: the goals of a period spread over its children.
extension GoalCommand {
    static func show(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["by", "metrics"], command: "goal show")
        try arguments.checkPositionals(max: 2, usage: usage[5])
        let period = try period(arguments.positional(1), "show")
        let grain = try grain(arguments.value("by"), for: period)
        let metrics = try metrics(arguments.value("metrics"), covering: period, session)
        return try showTable(period, grain: grain, metrics: metrics, session)
    }

    /// The children table: one row per child, its value per metric, which are pinned, and the total.
    static func showTable(_ period: Period, grain: PeriodGrain, metrics: [GoalMetric], _ session: Session) throws(CommandError) -> [Block] {
        var plans: [GoalPlan] = []
        for metric in metrics { plans.append(try plan(session.workspace, metric)) }
        let children = try rows(of: period, by: grain)
        var rows: [[Cell]] = []
        var clipped = false
        for child in children {
            let shown = clip(child, to: period)
            if shown != child { clipped = true }
            var row: [Cell] = [.text(label(child, shown: shown))]
            for plan in plans { row.append(cell(plan.value(of: shown), plan.metric)) }
            let pinned = plans.filter { $0.isPinned(child) }.map(\.metric.rawValue)
            row.append(.text(pinned.joined(separator: ",")))
            rows.append(row)
        }
        var total: [Cell] = [.text("total \(period.text)")]
        for plan in plans { total.append(cell(plan.value(of: period), plan.metric)) }
        total.append(.text(plans.filter { $0.isPinned(period) }.map(\.metric.rawValue).joined(separator: ",")))
        var notes: [String] = []
        var extraColumns: [Column] = []
        // How much of each GMV goal the saved hit plans cover (docs/DOMAIN.md §9): the same sales
        // model pnl uses, so the hits' part, the rest and any excess tell one story.
        if let gmvPlan = plans.first(where: { $0.metric == .gmv }), !session.workspace.hitPlans.isEmpty {
            let model: SalesModel
            do { model = try session.context.salesModel(.plan) } catch { throw CommandError(error.message) }
            func hits(_ part: Period) -> (covered: ExactDecimal, beyond: ExactDecimal) {
                let sales = model.sales(in: part.firstDay...part.lastDay, perProduct: false)
                return (sales.hitRevenue - sales.goalExceededBy, sales.goalExceededBy)
            }
            func covered(_ part: ExactDecimal, _ goal: ExactDecimal?) -> Cell {
                .optional(goal.flatMap { $0.isZero ? nil : part.divided(by: $0) }) { .rate($0) }
            }
            let parts = children.map { hits(clip($0, to: period)) }
            let whole = hits(period)
            let anyBeyond = !whole.beyond.isZero
            for (position, child) in children.enumerated() {
                let goal = gmvPlan.value(of: clip(child, to: period))
                rows[position] += [.money(parts[position].covered), covered(parts[position].covered, goal),
                                   .money(goal.map { $0 - parts[position].covered } ?? .zero)]
                if anyBeyond { rows[position].append(.money(parts[position].beyond)) }
            }
            let goal = gmvPlan.value(of: period)
            total += [.money(whole.covered), covered(whole.covered, goal), .money(goal.map { $0 - whole.covered } ?? .zero)]
            if anyBeyond { total.append(.money(whole.beyond)) }
            extraColumns = [.number("hit plans", key: "hit_plan_revenue"), .number("covered", key: "hit_plan_covered"),
                            .number("rest of shop", key: "rest_of_shop")]
            notes.append("hit plans: the saved hit plans' revenue inside the GMV goal (\(session.workspace.hitPlans.map(\.name).joined(separator: ", "))); "
                         + "covered: that ÷ the GMV goal; rest of shop: what the other products must bring")
            if anyBeyond {
                extraColumns.append(.number("beyond goal", key: "hit_plan_beyond_goal"))
                notes.append("⚠ beyond goal: on some days the hit plans bring more than the GMV goal; pnl counts the hits' revenue there")
            }
        }
        if let rule = session.workspace.split(of: period) { notes.append("\(period.text) is split to \(rule.grain.name)s by \(rule.method.text)") }
        if clipped { notes.append("weeks that run past \(period.text) show only their days inside it") }
        if plans.contains(where: { $0.value(of: period) == nil }) { notes.append("blank: no goal covers every day of that period") }
        let table = Table(
            title: nil,
            columns: [.text(grain.name, key: "period")] + metrics.map { .number($0.label, key: $0.rawValue) } + [.text("pinned", key: "pinned")]
                + extraColumns,
            rows: rows, footerRows: [total], notes: notes)
        return [.table(table)]
    }

    static func tree(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["metrics"], command: "goal tree")
        try arguments.checkPositionals(max: 2, usage: usage[6])
        let period = try period(arguments.positional(1), "tree")
        let metrics = try metrics(arguments.value("metrics"), covering: period, session)
        var plans: [GoalPlan] = []
        for metric in metrics { plans.append(try plan(session.workspace, metric)) }
        var rows: [[Cell]] = []
        func add(_ node: Period, depth: Int, last: Bool, prefix: String) {
            let branch = depth == 0 ? "" : prefix + (last ? "└─ " : "├─ ")
            var row: [Cell] = [.text(branch + node.text)]
            for plan in plans { row.append(cell(plan.value(of: node), plan.metric)) }
            row.append(.text(plans.filter { $0.isPinned(node) }.map(\.metric.rawValue).joined(separator: ",")))
            let rule = session.workspace.split(of: node)
            row.append(.text(rule.map { "to \($0.grain.name) by \($0.method.text)" } ?? ""))
            rows.append(row)
            let childGrain: PeriodGrain? = switch node.grain {
            case .year: .quarter
            case .quarter: .month
            case .month, .week: .day
            default: nil
            }
            guard let childGrain, node.grain != .month || depth == 0 else { return }
            let children = Period.children(of: node, grain: childGrain)
            let nextPrefix = depth == 0 ? "" : prefix + (last ? "   " : "│  ")
            for (index, child) in children.enumerated() {
                add(child, depth: depth + 1, last: index == children.count - 1, prefix: nextPrefix)
            }
        }
        add(period, depth: 0, last: true, prefix: "")
        let table = Table(
            title: nil,
            columns: [.text("period", key: "period")] + metrics.map { .number($0.label, key: $0.rawValue) }
                + [.text("pinned", key: "pinned"), .text("split", key: "split")],
            rows: rows)
        return [.table(table)]
    }

    /// The periods a table shows, one per row; refuses absurdly long tables.
    static func rows(of period: Period, by grain: PeriodGrain) throws(CommandError) -> [Period] {
        if grain == period.grain { return [period] }
        let estimate = grain == .day ? period.dayCount : grain == .week ? period.dayCount / 7 : period.dayCount / 28
        guard estimate <= rowLimit else {
            throw CommandError("\(period.text) by \(grain.name) is about \(estimate.formatted()) rows; show a shorter period or a larger by=")
        }
        return Period.children(of: period, grain: grain)
    }

    /// by=: the grain of the rows; by default the next one down (a year shows months).
    static func grain(_ text: String?, for period: Period) throws(CommandError) -> PeriodGrain {
        guard let text else {
            switch period.grain {
            case .year, .quarter: return .month
            case .month, .week, .range: return .day
            case .day: return .day
            }
        }
        guard let grain = [PeriodGrain.quarter, .month, .week, .day].first(where: { $0.name == text }) else {
            throw CommandError("by=\(text): show by quarter, month, week or day")
        }
        guard grain >= period.grain || period.grain == .range else {
            throw CommandError("\(period.text) is a \(period.grain.name): show it by something smaller")
        }
        return grain
    }

    /// metrics=: the columns; by default every metric with a goal touching the period.
    static func metrics(_ text: String?, covering period: Period, _ session: Session) throws(CommandError) -> [GoalMetric] {
        if let text {
            var metrics: [GoalMetric] = []
            for name in text.split(separator: ",") { metrics.append(try metric(String(name))) }
            return metrics
        }
        let found = GoalMetric.allCases.filter { metric in
            session.workspace.goals.contains { $0.metric == metric && $0.period.firstDay <= period.lastDay && period.firstDay <= $0.period.lastDay }
        }
        guard !found.isEmpty else {
            throw CommandError("no goals touch \(period.text); set one with goal set \(settable(period)) gmv=…")
        }
        return found
    }

    /// A period a goal can be set on, for hints: a range's year.
    static func settable(_ period: Period) -> String {
        if case .range = period { return String(period.firstDay.year) }
        return period.text
    }

    /// At most this many rows: a table of a thousand years of days helps nobody.
    static let rowLimit = 5_000

    /// A child clipped to the days inside the parent (a week running into the next year).
    static func clip(_ child: Period, to parent: Period) -> Period {
        if child.firstDay >= parent.firstDay && child.lastDay <= parent.lastDay { return child }
        let first = max(child.firstDay, parent.firstDay)
        let last = min(child.lastDay, parent.lastDay)
        return .range(from: .day(first), to: .day(last))
    }

    static func label(_ child: Period, shown: Period) -> String {
        if case .day(let day) = child {
            let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            return "\(day.isoText) \(weekdays[day.weekday - 1])"
        }
        if shown != child { return "\(child.text) (\(shown.firstDay.isoText)..\(shown.lastDay.isoText))" }
        if case .week = child { return "\(child.text) (\(child.firstDay.isoText)..\(child.lastDay.isoText))" }
        return child.text
    }
}
