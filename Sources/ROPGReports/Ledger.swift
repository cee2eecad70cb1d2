import ROPGDomain

/// The shown figures of a period: revenue, the four ROPG categories, and optionally each cost
/// line, rounded by the one scheme every report uses (docs/DOMAIN.md §7).
public struct PeriodFigures: Equatable, Sendable {
    public var gmv = ExactDecimal.zero
    public var refunds = ExactDecimal.zero
    /// R, O, P, G in `CostCategory.allCases` order.
    public var categories = Array(repeating: ExactDecimal.zero, count: CostCategory.allCases.count)
    /// Each cost line's shown amount, by its source (with `lines`).
    public var lines: [CostLine.Source: ExactDecimal] = [:]

    public init() {}

    public var netRevenue: ExactDecimal { gmv - refunds }
    public var totalCost: ExactDecimal { categories.reduce(.zero, +) }
    public var profit: ExactDecimal { netRevenue - totalCost }
    /// Profit ÷ net revenue, as shown; nil without revenue.
    public var margin: ExactDecimal? { netRevenue.isZero ? nil : profit.divided(by: netRevenue) }

    public func cost(_ category: CostCategory) -> ExactDecimal {
        categories[category.position]
    }

    static func - (a: PeriodFigures, b: PeriodFigures) -> PeriodFigures { a + b.negated }
    static func + (a: PeriodFigures, b: PeriodFigures) -> PeriodFigures {
        var sum = a
        sum.gmv += b.gmv
        sum.refunds += b.refunds
        for index in sum.categories.indices { sum.categories[index] += b.categories[index] }
        for (source, amount) in b.lines { sum.lines[source, default: .zero] += amount }
        return sum
    }
    private var negated: PeriodFigures {
        var result = PeriodFigures()
        result.gmv = -gmv
        result.refunds = -refunds
        result.categories = categories.map { -$0 }
        result.lines = lines.mapValues { -$0 }
        return result
    }
}

/// Works out shown figures for any period from cumulative figures within each calendar year
/// (docs/DOMAIN.md §7): a figure over days a…b of one year is S(b) − S(a − 1), where S(x) is
/// the exact total from 1 January to x rounded half-up once, and its parts (categories, then
/// lines) are shared out of it by the largest remainder. So a period always equals the sum of its
/// days, weeks or months, a year is its exact value rounded once, and every report agrees.
///
/// One ledger serves one workspace state, sales source and view; it keeps what it has worked out.
public final class Ledger: @unchecked Sendable {
    // Unchecked: a ledger is used from one thread at a time (the shell's), like the session;
    // `book(_:)` reads only its constants, so a split by product builds months' books side by
    // side (ProductSplit.eachMonth) after taking their figures on that one thread.
    public let workspace: Workspace
    public let model: SalesModel
    public let index: CostIndex
    public let view: CostView
    private var cumulative: [Day: PeriodFigures] = [:]
    private var cumulativeLines: [Day: PeriodFigures] = [:]
    /// Exact figures of whole months, by year × 12 + month − 1: a year-to-date total is the
    /// months before its month plus the days of its own, always cut the same way, so the result
    /// never depends on which reports came first.
    private var months: [Int: ExactFigures] = [:]
    /// Months split by product with every column (`ProductSplit.eachMonthSplit`), by the month
    /// (or the part of one a period holds) and the allocation rule.
    private var productSplits: [ProductSplitKey: ProductSplit.MonthParts] = [:]

    private struct ProductSplitKey: Hashable {
        var month: Period
        var allocation: CostAllocation
    }

    /// Revenue and the four categories, exact.
    private struct ExactFigures {
        var gmv = ExactAmount.zero
        var refunds = ExactAmount.zero
        var categories = Array(repeating: ExactAmount.zero, count: CostCategory.allCases.count)

        static func + (a: ExactFigures, b: ExactFigures) -> ExactFigures {
            var sum = a
            sum.gmv += b.gmv
            sum.refunds += b.refunds
            for index in sum.categories.indices { sum.categories[index] += b.categories[index] }
            return sum
        }
    }

    public init(workspace: Workspace, model: SalesModel, index: CostIndex, view: CostView) {
        self.workspace = workspace
        self.model = model
        self.index = index
        self.view = view
    }

    /// The shown figures of a period; with `lines`, each cost line's too.
    public func figures(_ period: Period, lines: Bool = false) throws(CostBook.Failure) -> PeriodFigures {
        var result = PeriodFigures()
        var first = period.firstDay
        while first <= period.lastDay {
            let yearEnd = Day(year: first.year, month: 12, day: 31) ?? period.lastDay
            let last = min(yearEnd, period.lastDay)
            let end = try shown(upTo: last, lines: lines)
            let start = first.month == 1 && first.dayOfMonth == 1 ? PeriodFigures() : try shown(upTo: first.advanced(by: -1), lines: lines)
            result = result + (end - start)
            first = last.advanced(by: 1)
        }
        return result
    }

    /// The exact book of a period: its sales, deposits and lines for working and notes.
    /// `groupsByProduct`: the index's groups in product order, for books by product of several
    /// periods (`CostIndex.GroupsByProduct`).
    public func book(_ period: Period, perEntry: Bool = false, byProduct: Bool = false,
                     groupsByProduct: CostIndex.GroupsByProduct? = nil) throws(CostBook.Failure) -> CostBook {
        if perEntry { return try CostBook(workspace, period: period, model: model, view: view) }
        return try CostBook(workspace, index: index, period: period, model: model, view: view, byProduct: byProduct, groupsByProduct: groupsByProduct)
    }

    /// A month's split by product kept by `keepProductSplit`; nil when none is.
    func productSplit(of month: Period, allocation: CostAllocation) -> ProductSplit.MonthParts? {
        productSplits[ProductSplitKey(month: month, allocation: allocation)]
    }

    /// Keeps a month's split, up to two years of months (about 6 MB a month of a hundred thousand
    /// products): reports beyond them split their months again.
    func keepProductSplit(_ parts: ProductSplit.MonthParts, of month: Period, allocation: CostAllocation) {
        guard productSplits.count < Self.productSplitsKept else { return }
        productSplits[ProductSplitKey(month: month, allocation: allocation)] = parts
    }

    static let productSplitsKept = 24

    private func monthFigures(year: Int, month: Int) throws(CostBook.Failure) -> ExactFigures {
        let key = year * 12 + month - 1
        if let known = months[key] { return known }
        let first = Day(year: year, month: month, day: 1) ?? Day(number: 0)
        let figures = try exactFigures(first...first.advanced(by: Day.daysIn(year: year, month: month) - 1))
        months[key] = figures
        return figures
    }

    private func exactFigures(_ days: ClosedRange<Day>) throws(CostBook.Failure) -> ExactFigures {
        let book = try CostBook(workspace, index: index, period: .range(from: .day(days.lowerBound), to: .day(days.upperBound)),
                                model: model, view: view)
        var figures = ExactFigures()
        figures.gmv = ExactAmount(book.sales.gmv)
        figures.refunds = ExactAmount(book.sales.refunds)
        figures.categories = CostCategory.allCases.map { book.exactTotal($0) }
        return figures
    }

    /// S(x): the shown figures from 1 January of x's year to x.
    private func shown(upTo day: Day, lines: Bool) throws(CostBook.Failure) -> PeriodFigures {
        if !lines, let known = cumulative[day] { return known }
        if lines, let known = cumulativeLines[day] { return known }
        var figures: PeriodFigures
        if let known = cumulative[day] {
            figures = known
        } else {
            var exact = ExactFigures()
            for month in 1..<day.month { exact = exact + (try monthFigures(year: day.year, month: month)) }
            let monthStart = Day(year: day.year, month: day.month, day: 1) ?? day
            let monthEnd = Day(year: day.year, month: day.month, day: Day.daysIn(year: day.year, month: day.month)) ?? day
            exact = exact + (day == monthEnd ? try monthFigures(year: day.year, month: day.month) : try exactFigures(monthStart...day))
            figures = PeriodFigures()
            figures.gmv = exact.gmv.roundedToCents()
            figures.refunds = exact.refunds.roundedToCents()
            figures.categories = ExactAmount.apportion(exact.categories.reduce(.zero, +).roundedToCents(), among: exact.categories)
            cumulative[day] = figures
        }
        guard lines else { return figures }
        // The lines of each category shared out of the category's shown figure.
        let days = Period.range(from: .day(Day(year: day.year, month: 1, day: 1) ?? day), to: .day(day))
        let book = try CostBook(workspace, period: days, model: model, view: view)
        for (position, category) in CostCategory.allCases.enumerated() {
            let members = book.lines.filter { $0.category == category }
            let parts = ExactAmount.apportion(figures.categories[position], among: members.map(\.amount))
            for (line, part) in zip(members, parts) { figures.lines[line.source] = part }
        }
        cumulativeLines[day] = figures
        return figures
    }
}
