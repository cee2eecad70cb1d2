import ROPGDomain

/// How `pnl by=product` shares the costs no product carries by itself.
public enum CostAllocation: String, Sendable, CaseIterable {
    /// In proportion to each product's net revenue (the default).
    case revenue
    /// In proportion to the units each product sells.
    case units
    /// Equally among the products that sell.
    case even
}

/// A period's figures product by product (docs/DOMAIN.md §7.6, §11.3): each product's own goods and
/// the entries tied to it, plus its share of the rest by the allocation rule, shared out month by
/// month (accrual is by month): within each month (or the part of one the period holds) every
/// column's rows are shared out of that month's shown figure by the largest remainder, and a
/// period's figure for a product is the sum of its months. So the rows add up to the period's
/// shown figure exactly, and a month × product grid's product totals are this split's figures.
public struct ProductSplit: Sendable {
    public struct Row: Sendable {
        /// The product's index in the workspace; nil for the part no product carries.
        public var product: Int?
        public var figures: PeriodFigures
        /// Net units sold (from the sales the goods cost follows), whole: each month's total
        /// rounded half-up and shared out among the products by the largest remainder.
        public var units: ExactDecimal = .zero
    }

    public var rows: [Row]
    public var allocation: CostAllocation

    /// Costs by product for `costs by=product`: each product's direct costs (of one category or
    /// all), and what is shared, out of the shown total.
    public struct DirectCosts: Sendable {
        public var products: [(index: Int, amount: ExactDecimal)]
        public var shared: ExactDecimal
        public var total: ExactDecimal
    }

    /// The months of a period, each clipped to it (a part month counts as itself): the grain at
    /// which shared costs are shared out among products.
    public static func months(of period: Period) -> [Period] {
        Period.children(of: period, grain: .month).map { $0.clipped(to: period) }
    }

    public static func pnl(_ ledger: Ledger, _ period: Period, allocation: CostAllocation) throws(ReportError) -> ProductSplit {
        let monthly = try pnlByMonth(ledger, period, allocation: allocation)
        var sums: [Int?: PeriodFigures] = [:]
        var units: [Int?: ExactDecimal] = [:]
        for month in monthly {
            for row in month.split.rows {
                sums[row.product] = (sums[row.product] ?? PeriodFigures()) + row.figures
                units[row.product, default: .zero] += row.units
            }
        }
        guard sums.keys.contains(where: { $0 != nil }) else {
            throw ReportError("no products sell in {period}: add products (and goals) first", ["period": period.text])
        }
        let owners = sums.keys.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        return ProductSplit(rows: owners.map { Row(product: $0, figures: sums[$0] ?? PeriodFigures(), units: units[$0] ?? .zero) },
                            allocation: allocation)
    }

    /// Each month of the period (clipped to it) split by product: the splits `pnl` sums.
    public static func pnlByMonth(_ ledger: Ledger, _ period: Period,
                                  allocation: CostAllocation) throws(ReportError) -> [(period: Period, split: ProductSplit)] {
        var result: [(period: Period, split: ProductSplit)] = []
        for month in months(of: period) {
            let book: CostBook
            let shown: PeriodFigures
            do {
                book = try ledger.book(month, byProduct: true)
                shown = try ledger.figures(month)
            } catch { throw ReportError(error.message) }
            result.append((month, ProductSplit(rows: rows(book, shown, allocation: allocation), allocation: allocation)))
        }
        return result
    }

    /// One month's rows: shared costs by that month's weights, each column out of its shown figure.
    private static func rows(_ book: CostBook, _ shown: PeriodFigures, allocation: CostAllocation) -> [Row] {
        let products = book.sales.products
        let weights: [ExactDecimal] = switch allocation {
        case .revenue: products.map(\.netRevenue)
        case .units: products.map(\.units)
        case .even: products.map { _ in .one }
        }
        let weightTotal = weights.reduce(ExactDecimal.zero, +)
        let categories = CostCategory.allCases
        // Each product's direct costs by category, looked up once (100,000 products a month).
        let own: [[ExactDecimal]] = products.map { product in
            let costs = book.productDirect[product.index]
            return categories.map { costs?[$0] ?? .zero }
        }
        var direct = Array(repeating: ExactDecimal.zero, count: categories.count)
        for costs in own { for index in categories.indices { direct[index] += costs[index] } }
        let shared = categories.enumerated().map { index, category in book.total(category) - direct[index] }
        // Exact parts per column: GMV, refunds, then R, O, P, G.
        var columns: [[ExactAmount]] = Array(repeating: [], count: 2 + categories.count)
        var owners: [Int?] = []
        for (position, product) in products.enumerated() {
            let weight = weightTotal.isZero ? .zero : (weights[position].divided(by: weightTotal) ?? .zero)
            columns[0].append(ExactAmount(product.gmv))
            columns[1].append(ExactAmount(product.gmv - product.netRevenue))
            for index in categories.indices { columns[2 + index].append(ExactAmount(own[position][index] + shared[index] * weight)) }
            owners.append(product.index)
        }
        let assignedGMV = products.reduce(ExactDecimal.zero) { $0 + $1.gmv }
        // What no product carries (shares adding to less than 100%); not the last cent of rounding.
        if book.sales.gmv - assignedGMV > ExactDecimal(mantissa: 1, places: 2) || weightTotal.isZero {
            let gmv = book.sales.gmv - assignedGMV
            let net = book.sales.netRevenue - products.reduce(ExactDecimal.zero) { $0 + $1.netRevenue }
            columns[0].append(ExactAmount(gmv))
            columns[1].append(ExactAmount(gmv - net))
            for index in categories.indices { columns[2 + index].append(weightTotal.isZero ? ExactAmount(shared[index]) : .zero) }
            owners.append(nil)
        }
        let totals = [shown.gmv, shown.refunds] + shown.categories
        let parts = zip(totals, columns).map { ExactAmount.apportion($0, among: $1) }
        // Whole units by the largest remainder, worked in hundredths so the cent apportioning serves.
        let hundredth = ExactDecimal(mantissa: 1, places: 2)
        let exactUnits = products.map { $0.units * hundredth }
        let unitTotal = products.reduce(ExactDecimal.zero) { $0 + $1.units }.rounded(places: 0) * hundredth
        let unitParts = ExactAmount.apportion(unitTotal, among: exactUnits.map { ExactAmount($0) }).map { $0 * ExactDecimal(100) }
        return owners.enumerated().map { position, owner in
            var figures = PeriodFigures()
            figures.gmv = parts[0][position]
            figures.refunds = parts[1][position]
            figures.categories = categories.indices.map { parts[2 + $0][position] }
            return Row(product: owner, figures: figures, units: position < unitParts.count ? unitParts[position] : .zero)
        }
    }

    /// Each product's direct costs (its goods and the entries tied to it) and the shared rest,
    /// shared out of the shown total of the categories asked for month by month (as `pnl`), and
    /// summed over the period's months.
    public static func directCosts(_ ledger: Ledger, _ period: Period, only: CostCategory?) throws(ReportError) -> DirectCosts {
        var products: [Int: ExactDecimal] = [:]
        var shared = ExactDecimal.zero
        var total = ExactDecimal.zero
        for month in months(of: period) {
            let book: CostBook
            let shown: PeriodFigures
            do {
                book = try ledger.book(month, byProduct: true)
                shown = try ledger.figures(month)
            } catch { throw ReportError(error.message) }
            let indices = book.productDirect.keys.sorted()
            var parts = indices.map { index in
                ExactAmount((book.productDirect[index] ?? [:]).reduce(ExactDecimal.zero) { only == nil || $1.key == only ? $0 + $1.value : $0 })
            }
            let direct = parts.reduce(ExactAmount.zero, +)
            parts.append(book.exactTotal(only) - direct)
            let monthTotal = CostCategory.allCases.filter { only == nil || $0 == only }.reduce(ExactDecimal.zero) { $0 + shown.cost($1) }
            let amounts = ExactAmount.apportion(monthTotal, among: parts)
            for (index, amount) in zip(indices, amounts) { products[index, default: .zero] += amount }
            shared += amounts.last ?? .zero
            total += monthTotal
        }
        return DirectCosts(products: products.keys.sorted().map { (index: $0, amount: products[$0] ?? .zero) }, shared: shared, total: total)
    }
}
