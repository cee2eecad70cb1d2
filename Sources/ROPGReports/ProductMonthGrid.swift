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

        /// This figure of a product's split in a month.
        public func value(of row: ProductSplit.Row) -> ExactDecimal {
            let figures = row.figures
            switch self {
            case .gmv: return figures.gmv
            case .refunds: return figures.refunds
            case .net_revenue: return figures.netRevenue
            case .total_cost: return figures.totalCost
            case .profit: return figures.profit
            case .units: return row.units
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
    /// The lines shown, the largest total (by magnitude) first.
    public var lines: [Line]
    /// The other products summed, and how many they are; nil when every product is a line.
    public var rest: (line: Line, count: Int)?
    /// How many products (and the part no product carries) have a line before capping.
    public var ownerCount: Int
    public var monthTotals: [ExactDecimal]
    public var total: ExactDecimal { monthTotals.reduce(.zero, +) }

    public init(_ ledger: Ledger, _ period: Period, metric: Metric, allocation: CostAllocation, top: Int) throws(ReportError) {
        let splits = try ProductSplit.pnlByMonth(ledger, period, allocation: allocation)
        // Flat by product index (the last slot: what no product carries), not a dictionary of a
        // hundred thousand optional keys.
        let untied = ledger.workspace.products.count
        var values = Array(repeating: [ExactDecimal](), count: untied + 1)
        var monthTotals: [ExactDecimal] = []
        for (position, month) in splits.enumerated() {
            var total = ExactDecimal.zero
            for row in month.split.rows {
                let value = metric.value(of: row)
                let slot = row.product ?? untied
                guard values.indices.contains(slot) else { continue }
                if values[slot].isEmpty { values[slot] = Array(repeating: .zero, count: splits.count) }
                values[slot][position] = value
                total += value
            }
            monthTotals.append(total)
        }
        guard values.prefix(untied).contains(where: { !$0.isEmpty }) else {
            throw ReportError("no products sell in {period}: add products (and goals) first", ["period": period.text])
        }
        let present = values.indices.filter { !values[$0].isEmpty }
        let totals = present.map { values[$0].reduce(ExactDecimal.zero, +).magnitude }
        let order = present.indices.sorted { a, b in
            if totals[a] != totals[b] { return totals[a] > totals[b] }
            return present[a] < present[b]
        }
        let owners: [Int?] = order.map { present[$0] == untied ? nil : present[$0] }
        func valuesOf(_ owner: Int?) -> [ExactDecimal] { values[owner ?? untied] }
        let shown = owners.prefix(max(top, 0))
        let others = owners.dropFirst(max(top, 0))
        self.period = period
        self.months = splits.map(\.period)
        self.metric = metric
        self.allocation = allocation
        self.lines = shown.map { Line(product: $0, values: valuesOf($0)) }
        if others.isEmpty {
            self.rest = nil
        } else {
            var summed = Array(repeating: ExactDecimal.zero, count: splits.count)
            for owner in others { for (index, value) in valuesOf(owner).enumerated() { summed[index] += value } }
            self.rest = (Line(product: nil, values: summed), others.count)
        }
        self.ownerCount = owners.count
        self.monthTotals = monthTotals
    }
}
