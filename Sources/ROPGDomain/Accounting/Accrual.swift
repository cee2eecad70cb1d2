/// When money is counted: as it is used up (the default) or as it is paid.
public enum CostView: String, Sendable, CaseIterable {
    /// DOMAIN §2: a yearly amount is 1/12 per month, quarterly 1/3 per month, weekly 1/7 per day;
    /// within a month evenly over its days; amortized purchases 1/N per month.
    case accrual
    /// One-off and amortized purchases on their payment date (the entry's date or start).
    case cash
}

/// The amount calendar-based cost entries come to in a period (DOMAIN §2). Revenue-linked entries
/// (per unit, per order, percent, CPS) need the period's sales and are not handled here.
public enum Accrual {
    /// What `entry` costs over `period`, or nil for revenue-linked entries. Deposits cost nothing:
    /// they are capital tied up (see `deposit(of:in:)`).
    public static func amount(of entry: CostEntry, in period: Period, view: CostView = .accrual) -> ExactAmount? {
        amount(of: entry, over: period.firstDay...period.lastDay, view: view)
    }

    /// What `entry` costs over some days, exactly (the calendar's fractions are not rounded).
    public static func amount(of entry: CostEntry, over days: ClosedRange<Day>, view: CostView = .accrual) -> ExactAmount? {
        guard let window = window(of: entry, over: days) else {
            return entry.basis.followsSales ? nil : .zero
        }
        let quantity = entry.quantity
        switch entry.basis {
        case .perUnit, .perOrder, .percent, .cps, .plannedClicks:
            return nil
        case .deposit:
            return .zero
        case .once(let date):
            return window.contains(date) ? ExactAmount(entry.amount * quantity) : .zero
        case .recurring(let per), .cpt(let per):
            return spread(entry.amount * quantity, per: per, over: window)
        case .cpc(let clicks, let per):
            return spread(entry.amount * clicks * quantity, per: per, over: window)
        case .cpm(let impressions, let per):
            return spread((entry.amount * impressions * quantity).divided(by: 1000), per: per, over: window)
        case .amortized(let months):
            guard let start = entry.start else { return .zero }
            let total = entry.amount * quantity
            if view == .cash { return window.contains(start) ? ExactAmount(total) : .zero }
            return amortized(total, months: months, from: start, over: window)
        }
    }

    /// A deposit paid in `period` (capital tied up, never an expense): on its date, or for a
    /// deposit without one, counted as paid before any period (nil here).
    public static func deposit(of entry: CostEntry, in period: Period) -> ExactDecimal? {
        guard case .deposit(let date) = entry.basis, let date else { return nil }
        return period.contains(date) ? entry.amount * entry.quantity : nil
    }

    /// The days of `period` the entry applies on (its start and end bound it); nil when none.
    public static func window(of entry: CostEntry, in period: Period) -> ClosedRange<Day>? {
        window(of: entry, over: period.firstDay...period.lastDay)
    }

    /// The days of `days` the entry applies on; nil when none.
    public static func window(of entry: CostEntry, over days: ClosedRange<Day>) -> ClosedRange<Day>? {
        var first = days.lowerBound
        var last = days.upperBound
        if let start = entry.start, start > first { first = start }
        if let end = entry.end, end < last { last = end }
        return first <= last ? first...last : nil
    }

    /// An amount given per day, week, month, quarter or year, over the days of `window`.
    static func spread(_ amount: ExactDecimal, per unit: TimeUnit, over window: ClosedRange<Day>) -> ExactAmount {
        let days = window.lowerBound.distance(to: window.upperBound) + 1
        switch unit {
        case .day: return ExactAmount(amount, times: days, dividedBy: 1)
        case .week: return ExactAmount(amount, times: days, dividedBy: 7)
        case .month, .quarter, .year:
            let months = unit == .month ? 1 : unit == .quarter ? 3 : 12
            var total = ExactAmount.zero
            forEachMonth(in: window) { covered, daysInMonth in
                total += ExactAmount(amount, times: covered, dividedBy: months * daysInMonth)
            }
            return total
        }
    }

    /// `total` over `months` months from `start`'s month: 1/N a month rounded to the cent, the
    /// last month taking what rounding left; each month's share evenly over its days.
    static func amortized(_ total: ExactDecimal, months: Int, from start: Day, over window: ClosedRange<Day>) -> ExactAmount {
        guard months >= 1 else { return .zero }
        let monthly = total.divided(by: months).rounded()
        return amortized(monthly: monthly, last: total - monthly * (months - 1), months: months, from: start, over: window)
    }

    /// Amortizing with the monthly and last shares given (a group of entries amortized alike).
    static func amortized(monthly: ExactDecimal, last: ExactDecimal, months: Int, from start: Day, over window: ClosedRange<Day>) -> ExactAmount {
        let startIndex = start.year * 12 + start.month - 1
        var amount = ExactAmount.zero
        forEachMonth(in: window) { covered, daysInMonth, year, month in
            let index = year * 12 + month - 1 - startIndex
            guard index >= 0 && index < months else { return }
            let share = index == months - 1 ? last : monthly
            amount += ExactAmount(share, times: covered, dividedBy: daysInMonth)
        }
        return amount
    }

    /// Calls `body` with the number of days of `window` in each month it touches and that month's length.
    static func forEachMonth(in window: ClosedRange<Day>, _ body: (_ covered: Int, _ daysInMonth: Int) -> Void) {
        forEachMonth(in: window) { covered, daysInMonth, _, _ in body(covered, daysInMonth) }
    }

    static func forEachMonth(in window: ClosedRange<Day>, _ body: (_ covered: Int, _ daysInMonth: Int, _ year: Int, _ month: Int) -> Void) {
        var day = window.lowerBound
        while day <= window.upperBound {
            let (year, month, dayOfMonth) = day.civil
            let daysInMonth = Day.daysIn(year: year, month: month)
            let monthEnd = day.advanced(by: daysInMonth - dayOfMonth)
            let last = min(monthEnd, window.upperBound)
            body(day.distance(to: last) + 1, daysInMonth, year, month)
            day = last.advanced(by: 1)
        }
    }
}
