import ROPGDomain

/// A month × product grid of one P&L figure (docs/DOMAIN.md §11.3): each month of the period
/// (clipped to it) split by product as `ProductSplit` splits it, so a month's total is
/// `pnl PERIOD by=month`'s figure and a product's total `pnl PERIOD by=product`'s. The products
/// with the largest totals (by magnitude) are lines of their own; the rest are summed in one line,
/// so the totals stay whole.
public struct ProductMonthGrid: Sendable {
    /// The figures a grid can show, keyed as the pnl table names its columns.
    public enum Metric: String, Sendable, CaseIterable {
        case gmv, refunds, net_revenue, R, O, P, G, total_cost, profit
        /// Net units (after refunds) each product sells, from the sales its goods cost follows:
        /// whole units, each month's total rounded half-up and shared out by the largest remainder.
        case units

        /// The metric a key names, in any case.
        public init?(key: String) {
            guard let metric = Self.allCases.first(where: { $0.rawValue.lowercased() == key.lowercased() }) else { return nil }
            self = metric
        }

        /// Each column's coefficient in this figure (`value(of:units:)`): every figure is a sum
        /// of columns, each taken once with its sign, so an owner's figure in a month is worked out
        /// from its parts' cents without making figures for each of a million cells.
        var coefficients: [(column: ProductSplit.Column, coefficient: Int128)] {
            ProductSplit.Column.allCases.compactMap { column in
                var figures = PeriodFigures()
                var units = ExactDecimal.zero
                switch column {
                case .gmv: figures.gmv = .one
                case .refunds: figures.refunds = .one
                case .R, .O, .P, .G: figures.categories[column.rawValue - ProductSplit.Column.R.rawValue] = .one
                case .units: units = .one
                }
                let coefficient = value(of: figures, units: units).units / ExactDecimal.unitsPerOne
                return coefficient == 0 ? nil : (column, coefficient)
            }
        }

        /// This figure of each owner's parts of a month's split (`coefficients`: this figure's), in
        /// the split's owner order: whole cents, 8 bytes an owner, where every one fits them.
        /// Exact: parts of whole cents below 2⁶³ summed with coefficients of ±1 stay far inside the
        /// range a decimal holds; a month with a part of more is worked from the owners' figures.
        func values(of month: ProductSplit.MonthParts, coefficients: [(column: ProductSplit.Column, coefficient: Int128)]) -> ProductSplit.MonthParts.Parts {
            let count = month.owners.count
            let columns = coefficients.compactMap { term in month.columns[term.column.rawValue].cents.map { (parts: $0, coefficient: term.coefficient) } }
            func fromFigures() -> ProductSplit.MonthParts.Parts {
                .init(shares: .decimals((0..<count).map { decimalValue(of: month, at: $0) }))
            }
            guard columns.count == coefficients.count, columns.allSatisfy({ $0.parts.count == count && $0.coefficient.magnitude == 1 }) else {
                return fromFigures()
            }
            var cents = [Int128](repeating: 0, count: count)
            cents.withUnsafeMutableBufferPointer { sums in
                for (parts, coefficient) in columns {
                    parts.withUnsafeBufferPointer { parts in
                        // ±1 times 64 bits: no overflow (and no checked 128-bit multiplication, a library call).
                        for place in 0..<count { sums[place] += coefficient &* Int128(parts[place]) }
                    }
                }
            }
            // At most seven columns of 64 bits: below 2⁶⁶ cents, times 10¹⁰ below 2¹⁰⁰.
            return .init(shares: .init(wholeCents: cents))
        }

        /// The same from the owner's figures, for a part too large for cents (or to hold).
        private func decimalValue(of month: ProductSplit.MonthParts, at place: Int) -> ExactDecimal {
            var figures = PeriodFigures()
            figures.gmv = month.columns[ProductSplit.Column.gmv.rawValue][place]
            figures.refunds = month.columns[ProductSplit.Column.refunds.rawValue][place]
            for (position, category) in CostCategory.allCases.enumerated() {
                figures.categories[position] = month.columns[ProductSplit.Column(category).rawValue][place]
            }
            return value(of: figures, units: month.columns[ProductSplit.Column.units.rawValue][place])
        }

        /// This figure of a product's split in a month.
        public func value(of row: ProductSplit.Row) -> ExactDecimal { value(of: row.figures, units: row.units) }

        func value(of figures: PeriodFigures, units: ExactDecimal) -> ExactDecimal {
            switch self {
            case .gmv: return figures.gmv
            case .refunds: return figures.refunds
            case .net_revenue: return figures.netRevenue
            case .total_cost: return figures.totalCost
            case .profit: return figures.profit
            case .units: return units
            case .R, .O, .P, .G: return CostCategory.allCases.firstIndex { $0.rawValue == rawValue }.map { figures.categories[$0] } ?? .zero
            }
        }
    }

    public struct Line: Sendable {
        /// The product's index in the workspace; nil for the part no product carries.
        public var product: Int?
        /// One value per month of `months`.
        public var values: [ExactDecimal]
        public var total: ExactDecimal { values.reduce(.zero, +) }
    }

    public var period: Period
    /// The months of the period, each clipped to it.
    public var months: [Period]
    public var metric: Metric
    public var allocation: CostAllocation
    /// The lines shown, the largest total (by magnitude) first: `top` of them, or every one when a
    /// single product would be left over.
    public var lines: [Line]
    /// The other products summed, and how many they are; nil when every product is a line.
    public var rest: (line: Line, count: Int)?
    /// How many products (and the part no product carries) have a line before capping.
    public var ownerCount: Int
    public var monthTotals: [ExactDecimal]
    public var total: ExactDecimal { monthTotals.reduce(.zero, +) }

    public init(_ ledger: Ledger, _ period: Period, metric: Metric, allocation: CostAllocation, top: Int) throws(ReportError) {
        // Each month's figures are worked out from its split where the split is (on the cores
        // that split the months), kept a month at a time in the split's owner order (8 bytes an
        // owner), and summed here by owner (the last slot: what no product carries); the months'
        // splits are the ledger's (every column, kept for the next report).
        let untied = ledger.workspace.products.count
        let slots = untied + 1
        let months = ProductSplit.months(of: period)
        var monthly: [(owners: [Int], values: ProductSplit.MonthParts.Parts)] = []
        monthly.reserveCapacity(months.count)
        let coefficients = metric.coefficients
        try ProductSplit.eachMonthSplit(ledger, period, allocation: allocation, making: { month in
            metric.values(of: month, coefficients: coefficients)
        }) { _, month, values in
            monthly.append((month.owners, values))
        }
        var present = Array(repeating: false, count: slots)
        // Each owner's total, its months summed in order as they come.
        var sums = Array(repeating: ExactDecimal.zero, count: slots)
        var monthTotals: [ExactDecimal] = []
        for month in monthly {
            var total = ExactDecimal.zero
            month.values.forEach { place, value in
                let owner = month.owners[place]
                present[owner] = true
                sums[owner] += value
                total += value
            }
            monthTotals.append(total)
        }
        guard present.prefix(untied).contains(true) else {
            throw ReportError("no products sell in {period}: add products (and goals) first", ["period": period.text])
        }
        /// An owner's value in each month: found among the month's owners (in workspace order, the untied part last).
        func valuesOf(_ owner: Int) -> [ExactDecimal] {
            monthly.map { month in
                var low = 0, high = month.owners.count
                while low < high {
                    let middle = (low + high) / 2
                    if month.owners[middle] < owner { low = middle + 1 } else { high = middle }
                }
                return low < month.owners.count && month.owners[low] == owner ? month.values[low] : .zero
            }
        }
        let owners = present.indices.filter { present[$0] }
        let totals = owners.map { sums[$0].magnitude }
        // The largest total first, the earlier product on a tie; only the lines shown are put in
        // order. One left over is shown as itself: a summed line of one product only hides its name.
        let lineCount = owners.count - 1 == top ? owners.count : max(top, 0)
        let shown = Self.first(lineCount, of: owners.indices) { a, b in
            totals[a] != totals[b] ? totals[a] > totals[b] : owners[a] < owners[b]
        }
        self.period = period
        self.months = months
        self.metric = metric
        self.allocation = allocation
        self.lines = shown.map { Line(product: owners[$0] == untied ? nil : owners[$0], values: valuesOf(owners[$0])) }
        if shown.count == owners.count {
            self.rest = nil
        } else {
            var isShown = Array(repeating: false, count: slots)
            for place in shown { isShown[owners[place]] = true }
            self.rest = (Line(product: nil, values: monthly.map { month in
                var summed = ExactDecimal.zero
                month.values.forEach { place, value in
                    if !isShown[month.owners[place]] { summed += value }
                }
                return summed
            }), owners.count - shown.count)
        }
        self.ownerCount = owners.count
        self.monthTotals = monthTotals
    }

    /// The first `count` of `places` in the order `precedes` gives, in that order: a few kept in
    /// order while the rest pass by once, so that 50 lines of 100,000 products need no full sort.
    static func first(_ count: Int, of places: Range<Int>, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard count < places.count / 8 else { return Array(places.sorted(by: precedes).prefix(count)) }
        var kept: [Int] = []
        kept.reserveCapacity(count + 1)
        for place in places {
            if kept.count == count, let last = kept.last, !precedes(place, last) { continue }
            // Where it goes among those kept: after every one that precedes it.
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(kept[middle], place) { low = middle + 1 } else { high = middle }
            }
            kept.insert(place, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
