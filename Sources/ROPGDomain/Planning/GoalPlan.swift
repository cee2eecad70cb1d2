/// One metric's goals spread down to days (DOMAIN §4).
///
/// Only the goals typed by hand (pins) and the split rules are stored; everything else is worked
/// out here, so changing a parent re-spreads its unpinned children by itself. Each pinned goal
/// that no larger pinned goal holds is a root. A root is shared among its children by its split
/// rule (by default: a year or quarter to months, a month to days, in proportion to calendar
/// days), pinned children keep their values, the rest is shared by weights with the largest-
/// remainder method, and each child is spread again until every day has its value. Pinned
/// quarters or months that a rule skips (a year split straight to days) are kept as blocks. A
/// week's goal pins its days. Any period's value is then the sum of its days.
public struct GoalPlan: Sendable {
    public struct Failure: Error, Equatable, Sendable {
        public var message: KeyedMessage
    }

    public let metric: GoalMetric
    /// The value of every day some goal covers.
    public private(set) var days: [Day: ExactDecimal] = [:]
    /// The periods pinned by a goal of this metric.
    public let pins: [Period: ExactDecimal]

    private let workspace: Workspace
    private var dayPins: [Day: ExactDecimal] = [:]

    public init(_ workspace: Workspace, metric: GoalMetric) throws(Failure) {
        self.workspace = workspace
        self.metric = metric
        var pins: [Period: ExactDecimal] = [:]
        for goal in workspace.goals where goal.metric == metric { pins[goal.period] = goal.value }
        self.pins = pins
        try expandWeeksAndDays()
        for root in roots() {
            guard let value = pins[root] else { continue }
            try allocate(root, value: value, inherited: nil)
        }
        // Pinned days that no larger goal holds are values of their own.
        for (day, value) in dayPins where days[day] == nil { days[day] = value }
    }

    /// The sum of the period's days, or nil when some day has no goal.
    public func value(of period: Period) -> ExactDecimal? {
        var total = ExactDecimal.zero
        var day = period.firstDay
        while day <= period.lastDay {
            guard let value = days[day] else { return nil }
            total += value
            day = day.advanced(by: 1)
        }
        return total
    }

    public func isPinned(_ period: Period) -> Bool { pins[period] != nil }

    // MARK: - Pins

    /// Day goals are day pins; a week's goal is shared over its days that are not pinned.
    private mutating func expandWeeksAndDays() throws(Failure) {
        for (period, value) in pins {
            if case .day(let day) = period { dayPins[day] = value }
        }
        for (period, value) in pins {
            guard case .week = period else { continue }
            let weekDays = Array(period.firstDay...period.lastDay)
            let pinnedSum = weekDays.reduce(ExactDecimal.zero) { $0 + (dayPins[$1] ?? .zero) }
            let open = weekDays.filter { dayPins[$0] == nil }
            let rest = value - pinnedSum
            if rest.isNegative && !metric.mayBeNegative {
                throw Failure(message: KeyedMessage("the pinned days of {period} add up to {pinned}, more than its {metric} goal {goal}", ["period": period.text, "pinned": show(pinnedSum), "metric": metric.rawValue, "goal": show(value)]))
            }
            if open.isEmpty {
                guard rest.isZero else {
                    throw Failure(message: KeyedMessage("every day of {period} is pinned and they add up to {pinned}, not its goal {goal}", ["period": period.text, "pinned": show(pinnedSum), "goal": show(value)]))
                }
                continue
            }
            // Each day by the profile that governs it: a week may start in the previous year.
            let weights = open.map { governingProfile(for: $0)?.dayWeight($0) ?? .one }
            for (day, share) in zip(open, try share(rest, weights: weights, in: period)) { dayPins[day] = share }
        }
    }

    /// Pinned years, quarters and months that no larger pinned goal holds.
    private func roots() -> [Period] {
        let blocks = pins.keys.filter { [.year, .quarter, .month].contains($0.grain) }
        return blocks.filter { candidate in
            !blocks.contains { other in
                other != candidate && other.grain < candidate.grain && other.firstDay <= candidate.firstDay && candidate.lastDay <= other.lastDay
            }
        }.sorted()
    }

    /// The profile of the nearest split rule with a profile above a day, for spreading weeks.
    private func governingProfile(for day: Day) -> Profile? {
        let enclosing: [Period] = [.month(year: day.year, month: day.month),
                                   .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1), .year(day.year)]
        for period in enclosing {
            if let rule = workspace.split(of: period), case .profile(let name) = rule.method {
                return workspace.profile(named: name)
            }
        }
        return nil
    }

    // MARK: - Spreading

    /// A piece of a split: a child period, or a pinned block of children a rule skips over.
    private struct Unit {
        var period: Period
        var pinned: ExactDecimal?
        var weight: ExactDecimal
        var isBlock: Bool
    }

    private mutating func allocate(_ node: Period, value: ExactDecimal, inherited: SplitMethod?,
                                   blockRule: (PeriodGrain, SplitMethod)? = nil) throws(Failure) {
        if case .day(let day) = node {
            days[day] = value
            return
        }
        let rule = workspace.split(of: node)
        let grain = rule?.grain ?? blockRule?.0 ?? (node.grain == .month || node.grain == .week ? .day : .month)
        let method = rule?.method ?? blockRule?.1 ?? inherited ?? .days
        let passDown: SplitMethod? = { if case .profile = method { return method } else { return inherited } }()

        let children = Period.children(of: node, grain: grain)
        let blockGrains = PeriodGrain.allCases.filter { $0 > node.grain && $0 < grain && ($0 == .quarter || $0 == .month) }
        let blocks = pins.keys.filter { candidate in
            blockGrains.contains(candidate.grain) && node.firstDay <= candidate.firstDay && candidate.lastDay <= node.lastDay
        }.filter { candidate in
            // Only the outermost pinned blocks: a pinned month inside a pinned quarter goes with the quarter.
            !pins.keys.contains { other in
                blockGrains.contains(other.grain) && other.grain < candidate.grain
                    && other.firstDay <= candidate.firstDay && candidate.lastDay <= other.lastDay
                    && node.firstDay <= other.firstDay && other.lastDay <= node.lastDay
            }
        }.sorted()

        let childWeights = try weights(for: children, method: method, node: node)
        var units: [Unit] = []
        var blockIndex = 0
        for (index, child) in children.enumerated() {
            if blockIndex < blocks.count, blocks[blockIndex].contains(child.firstDay) {
                let block = blocks[blockIndex]
                if units.last?.period != block {
                    units.append(Unit(period: block, pinned: pins[block], weight: .zero, isBlock: true))
                }
                units[units.count - 1].weight += childWeights[index]
                if child.lastDay >= block.lastDay { blockIndex += 1 }
                continue
            }
            let pinned = grain == .day ? dayPins[child.firstDay] : pins[child]
            units.append(Unit(period: child, pinned: pinned, weight: childWeights[index], isBlock: false))
        }

        // Pins deeper inside an open child (a pinned day or week inside a month) are fixed parts of
        // it: the child takes them in full, and shares the rest by the weight of its other days.
        var fixed: [Period: (value: ExactDecimal, pinnedDays: Int, pins: [Period])] = [:]
        for index in units.indices where units[index].pinned == nil && units[index].period.grain != .day {
            let inner = innerPins(of: units[index].period)
            guard !inner.pins.isEmpty else { continue }
            fixed[units[index].period] = inner
            let days = units[index].period.dayCount
            units[index].weight = (units[index].weight * (days - inner.pinnedDays)).divided(by: days)
        }
        let pinnedUnits = units.filter { $0.pinned != nil }
        let pinnedSum = pinnedUnits.reduce(ExactDecimal.zero) { $0 + ($1.pinned ?? .zero) }
            + fixed.values.reduce(ExactDecimal.zero) { $0 + $1.value }
        let rest = value - pinnedSum
        let open = units.indices.filter { units[$0].pinned == nil }
        if rest.isNegative && !metric.mayBeNegative {
            let pinned = pinnedUnits.map { ($0.period, $0.pinned ?? .zero) } + fixed.values.flatMap { $0.pins.map { ($0, pinValue($0)) } }
            let named = pinned.sorted { $0.0 < $1.0 }.prefix(6).map { "\($0.0.text) \(show($0.1))" }.joined(separator: ", ")
            throw Failure(message: KeyedMessage("the pinned goals inside {period} add up to {pinned}, more than its {metric} goal {goal} ({named})", ["period": node.text, "pinned": show(pinnedSum), "metric": metric.rawValue, "goal": show(value), "named": named + (pinned.count > 6 ? ", …" : "")]))
        }
        var values = units.map { $0.pinned ?? fixed[$0.period]?.value ?? .zero }
        let openWeight = open.reduce(ExactDecimal.zero) { $0 + units[$1].weight }
        if open.isEmpty || openWeight.isZero {
            guard rest.isZero else {
                throw Failure(message: KeyedMessage("everything inside {period} is pinned and adds up to {pinned}, not its {metric} goal {goal}", ["period": node.text, "pinned": show(pinnedSum), "metric": metric.rawValue, "goal": show(value)]))
            }
        } else {
            let shares = try share(rest, weights: open.map { units[$0].weight }, in: node)
            for (index, share) in zip(open, shares) { values[index] += share }
        }
        for (unit, unitValue) in zip(units, values) {
            if unit.isBlock {
                try allocate(unit.period, value: unitValue, inherited: passDown, blockRule: (grain, method))
            } else {
                try allocate(unit.period, value: unitValue, inherited: passDown)
            }
        }
    }

    /// The outermost pins strictly inside `period` (pinned quarters, months and days, weeks
    /// already turned into days), their sum and how many days they cover.
    private func innerPins(of period: Period) -> (value: ExactDecimal, pinnedDays: Int, pins: [Period]) {
        let blocks = pins.keys.filter { candidate in
            (candidate.grain == .quarter || candidate.grain == .month) && candidate.grain > period.grain
                && period.firstDay <= candidate.firstDay && candidate.lastDay <= period.lastDay
        }
        let outer = blocks.filter { block in !blocks.contains { $0 != block && $0.grain < block.grain && $0.contains(block.firstDay) } }
        var value = outer.reduce(ExactDecimal.zero) { $0 + (pins[$1] ?? .zero) }
        var covered = outer.reduce(0) { $0 + $1.dayCount }
        var found = outer
        for (day, dayValue) in dayPins where period.contains(day) && !outer.contains(where: { $0.contains(day) }) {
            value += dayValue
            covered += 1
            found.append(.day(day))
        }
        return (value, covered, found)
    }

    private func pinValue(_ period: Period) -> ExactDecimal {
        if case .day(let day) = period { return dayPins[day] ?? .zero }
        return pins[period] ?? .zero
    }

    private func share(_ total: ExactDecimal, weights: [ExactDecimal], in node: Period) throws(Failure) -> [ExactDecimal] {
        do {
            return try Allocation.largestRemainder(total, weights: weights, step: metric.step)
        } catch {
            throw Failure(message: KeyedMessage("cannot spread {period}: {problem}", ["period": node.text], cause: error.message))
        }
    }

    /// One weight per child, by the split method.
    private func weights(for children: [Period], method: SplitMethod, node: Period) throws(Failure) -> [ExactDecimal] {
        switch method {
        case .days:
            return children.map { ExactDecimal($0.dayCount) }
        case .even:
            return children.map { _ in .one }
        case .weights(let weights):
            guard weights.count == children.count else {
                throw Failure(message: KeyedMessage("{period} has {count} {grain}s but {weights} weights were given", ["period": node.text, "count": String(children.count), "grain": children.first?.grain.name ?? "period", "weights": String(weights.count)]))
            }
            return weights
        case .profile(let name):
            guard let profile = workspace.profile(named: name) else {
                throw Failure(message: KeyedMessage("no profile {name} (see profile list)", ["name": name]))
            }
            return children.map { profileWeight($0, profile) }
        case .prior:
            var result: [ExactDecimal] = []
            for child in children {
                guard let prior = priorActual(of: child) else {
                    let first = child.firstDay.sameDay(yearsEarlier: 1), last = child.lastDay.sameDay(yearsEarlier: 1)
                    let earlier = first == last ? first.isoText : "\(first.isoText)..\(last.isoText)"
                    throw Failure(message: KeyedMessage("by=prior needs {metric} actuals a year before {period} ({earlier}), and none are recorded", ["metric": metric.rawValue, "period": child.text, "earlier": earlier]))
                }
                result.append(prior)
            }
            return result
        }
    }

    /// A child's weight under a profile: months carry their month weight, quarters the sum of
    /// theirs; a day carries its month's weight shared among that month's days by their weekday
    /// and event weights, so that month totals keep the profile's proportions.
    private func profileWeight(_ child: Period, _ profile: Profile) -> ExactDecimal {
        switch child {
        case .day(let day):
            let monthWeight = profile.monthWeights[day.month - 1]
            guard profile.hasDayWeights else {
                return monthWeight.divided(by: Day.daysIn(year: day.year, month: day.month))
            }
            let month = Period.month(year: day.year, month: day.month)
            var monthDayWeights = ExactDecimal.zero
            for other in month.firstDay...month.lastDay { monthDayWeights += profile.dayWeight(other) }
            return (monthWeight * profile.dayWeight(day)).divided(by: monthDayWeights) ?? .zero
        default:
            var total = ExactDecimal.zero
            for month in Period.children(of: child, grain: .month) {
                if case .month(_, let number) = month { total += profile.monthWeights[number - 1] }
            }
            return total
        }
    }

    /// The metric's recorded actuals over the same period a year earlier; nil when none.
    private func priorActual(of period: Period) -> ExactDecimal? {
        let first = period.firstDay.sameDay(yearsEarlier: 1)
        let last = period.lastDay.sameDay(yearsEarlier: 1)
        var total = ExactDecimal.zero
        var found = false
        for actual in workspace.actuals where first <= actual.day && actual.day <= last {
            if let value = actual.values[metric] {
                total += value
                found = true
            }
        }
        return found ? total : nil
    }

    private func show(_ value: ExactDecimal) -> String { metric.isMoney ? value.formatted() : value.countText }
}

extension Period {
    /// The periods of `grain` that make up `period`, in order (days clipped to the period).
    public static func children(of period: Period, grain: PeriodGrain) -> [Period] {
        var result: [Period] = []
        let first = period.firstDay
        let last = period.lastDay
        switch grain {
        case .day:
            var day = first
            while day <= last {
                result.append(.day(day))
                day = day.advanced(by: 1)
            }
        case .month:
            var (year, month) = (first.year, first.month)
            while let start = Day(year: year, month: month, day: 1), start <= last {
                result.append(.month(year: year, month: month))
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        case .quarter:
            var (year, quarter) = (first.year, (first.month - 1) / 3 + 1)
            while let start = Day(year: year, month: (quarter - 1) * 3 + 1, day: 1), start <= last {
                result.append(.quarter(year: year, quarter: quarter))
                (year, quarter) = quarter == 4 ? (year + 1, 1) : (year, quarter + 1)
            }
        case .week:
            var week = Period.isoWeek(of: first)
            while week.firstDay <= last {
                result.append(week)
                week = Period.isoWeek(of: week.lastDay.advanced(by: 1))
            }
        case .year:
            for year in first.year...last.year { result.append(.year(year)) }
        case .range:
            result.append(period)
        }
        return result
    }
}

extension Day {
    /// The same calendar day `years` earlier; 29 February becomes the 28th.
    public func sameDay(yearsEarlier years: Int) -> Day {
        let (y, m, d) = civil
        return Day(year: y - years, month: m, day: min(d, Day.daysIn(year: y - years, month: m))) ?? self
    }
}
