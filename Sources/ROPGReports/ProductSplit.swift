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
        // Summed flat a column after another, each by owner (the part no product carries in the
        // last slot), as a month's split holds them: each column summed in one pass in order.
        let untied = ledger.workspace.products.count
        let owners = untied + 1
        var sums = Array(repeating: ExactDecimal.zero, count: owners * Column.allCases.count)
        var present = Array(repeating: false, count: owners)
        try eachMonthSplit(ledger, period, allocation: allocation) { _, month in
            for owner in month.owners { present[owner] = true }
            for column in Column.allCases {
                let start = column.rawValue * owners
                month.columns[column.rawValue].forEach { position, part in sums[start + month.owners[position]] += part }
            }
        }
        guard present.prefix(untied).contains(true) else {
            throw ReportError("no products sell in {period}: add products (and goals) first", ["period": period.text])
        }
        let rows = present.indices.filter { present[$0] }.map { owner -> Row in
            func sum(_ column: Column) -> ExactDecimal { sums[column.rawValue * owners + owner] }
            var figures = PeriodFigures()
            figures.gmv = sum(.gmv)
            figures.refunds = sum(.refunds)
            figures.categories = CostCategory.allCases.map { sum(Column($0)) }
            return Row(product: owner == untied ? nil : owner, figures: figures, units: sum(.units))
        }
        return ProductSplit(rows: rows, allocation: allocation)
    }

    /// The columns of a month's split: GMV, refunds, R, O, P, G, and net units.
    enum Column: Int, CaseIterable, Sendable {
        case gmv, refunds, R, O, P, G, units

        init(_ category: CostCategory) {
            self = switch category {
            case .R: .R
            case .O: .O
            case .P: .P
            case .G: .G
            }
        }
    }

    /// One month's split in columns rather than a row of figures a product (a hundred thousand
    /// products a month): the owners in workspace order, each a product's index or `untied` (the
    /// part no product carries, last), and for each column asked for, each owner's shown part.
    struct MonthParts: Sendable {
        var owners: [Int]
        /// By `Column.rawValue`; empty for a column not asked for.
        var columns: [Parts]

        /// A column's parts, owner by owner: whole cents, 8 bytes a part, unless one is too large
        /// for them (a ledger keeps twelve months of a hundred thousand products' seven columns).
        struct Parts: Sendable {
            let shares: ExactAmount.Apportioning.Shares

            static let empty = Parts(shares: .cents([]))

            var count: Int {
                switch shares {
                case .cents(let cents): return cents.count
                case .decimals(let decimals): return decimals.count
                }
            }

            /// The parts' whole cents; nil when they are given as decimals.
            var cents: [Int64]? {
                if case .cents(let cents) = shares { return cents }
                return nil
            }

            /// Each part in order, as the subscript gives it (the array looked up once, not a part at a time).
            func forEach(_ body: (Int, ExactDecimal) -> Void) {
                switch shares {
                case .cents(let cents):
                    for (place, part) in cents.enumerated() { body(place, ExactDecimal(cents: part)) }
                case .decimals(let decimals):
                    for (place, part) in decimals.enumerated() { body(place, part) }
                }
            }

            subscript(place: Int) -> ExactDecimal {
                switch shares {
                case .cents(let cents): return ExactDecimal(cents: cents[place])
                case .decimals(let decimals): return decimals[place]
                }
            }
        }
    }

    /// Each month of the period (clipped to it) split by product with every column, handed to
    /// `body` in month order. A month's split depends only on the ledger (one state of the
    /// workspace) and the allocation rule, so the ledger keeps it: a grid or a by=product report
    /// after the first works out only the months no report has split yet (`eachMonth`).
    static func eachMonthSplit(_ ledger: Ledger, _ period: Period, allocation: CostAllocation,
                               _ body: (Int, MonthParts) -> Void) throws(ReportError) {
        try eachMonthSplit(ledger, period, allocation: allocation, making: { _ in () }) { position, parts, _ in body(position, parts) }
    }

    /// The same, with what `make` makes of each month's split handed beside it: made on the
    /// cores that split the months, right after a month is split (or, for the months the ledger
    /// kept, side by side), so that a grid's figures of a hundred thousand owners a month are not
    /// worked out on one core while the other waits.
    static func eachMonthSplit<Value: Sendable>(_ ledger: Ledger, _ period: Period, allocation: CostAllocation,
                                                making make: @escaping @Sendable (MonthParts) -> Value,
                                                _ body: (Int, MonthParts, Value) -> Void) throws(ReportError) {
        let months = months(of: period)
        let untied = ledger.workspace.products.count
        var split = months.map { ledger.productSplit(of: $0, allocation: allocation) }
        var made = [Value?](repeating: nil, count: months.count)
        let kept = months.indices.compactMap { position in split[position].map { (position, $0) } }
        for (offset, value) in mapInPieces(kept.count, minimumPiece: 1, { make(kept[$0].1) }).enumerated() {
            made[kept[offset].0] = value
        }
        let missing = months.indices.filter { split[$0] == nil }
        if !missing.isEmpty {
            try eachMonth(ledger, months: missing.map { months[$0] }, { book, shown in
                let parts = parts(book, shown, allocation: allocation, untied: untied)
                return (parts, make(parts))
            }) { position, worked in
                split[missing[position]] = worked.0
                made[missing[position]] = worked.1
                ledger.keepProductSplit(worked.0, of: months[missing[position]], allocation: allocation)
            }
        }
        for (position, parts) in split.enumerated() {
            if let parts, let value = made[position] { body(position, parts, value) }
        }
    }

    /// Each month of the period (clipped to it): its by-product book and shown figures made into
    /// what `work` makes of them, handed to `body` in month order. The months are worked out side
    /// by side on the machine's cores, as many at a time as there are cores, so that only that
    /// many books of a hundred thousand products are held at once. The shown figures come from
    /// the ledger first (it keeps them); a month whose book or figures fail stops with that
    /// month's error, the book's first, as one month after another would.
    @discardableResult
    static func eachMonth<Value: Sendable>(_ ledger: Ledger, _ period: Period, _ work: @escaping @Sendable (CostBook, PeriodFigures) -> Value,
                                           _ body: (Int, Value) -> Void) throws(ReportError) -> [Period] {
        let months = months(of: period)
        try eachMonth(ledger, months: months, work, body)
        return months
    }

    /// `eachMonth(_:_:_:_:)` over some months (each a month, or the part of one a period holds).
    static func eachMonth<Value: Sendable>(_ ledger: Ledger, months: [Period], _ work: @escaping @Sendable (CostBook, PeriodFigures) -> Value,
                                           _ body: (Int, Value) -> Void) throws(ReportError) {
        let shown = months.map { month in Result(catching: { () throws(CostBook.Failure) -> PeriodFigures in try ledger.figures(month) }) }
        let wave = coreCount()
        let groupsByProduct = CostIndex.GroupsByProduct(ledger.index, productCount: ledger.workspace.products.count)
        var first = 0
        while first < months.count {
            let start = first
            let worked = mapInPieces(min(wave, months.count - start), minimumPiece: 1) { offset -> Result<Value, ReportError> in
                let position = start + offset
                do throws(CostBook.Failure) {
                    let book = try ledger.book(months[position], byProduct: true, groupsByProduct: groupsByProduct)
                    return .success(work(book, try shown[position].get()))
                } catch {
                    return .failure(ReportError(error.message))
                }
            }
            for (offset, result) in worked.enumerated() {
                switch result {
                case .success(let value): body(start + offset, value)
                case .failure(let error): throw error
                }
            }
            first += worked.count
        }
    }

    /// One month's parts: each product's own goods and tied entries, and its share of the month's
    /// shared costs by the month's weights; every column shared out of its shown figure. A pass
    /// over the products for the sums, then one a column, each part taken straight into its
    /// sharing out (no array of exact parts a column).
    static func parts(_ book: CostBook, _ shown: PeriodFigures, allocation: CostAllocation, untied: Int) -> MonthParts {
        let products = book.sales.products
        let direct = book.productDirect
        func weight(_ product: ProductSales) -> ExactDecimal {
            switch allocation {
            case .revenue: return product.netRevenue
            case .units: return product.units
            case .even: return .one
            }
        }
        let categories = CostCategory.allCases
        var weightTotal = ExactDecimal.zero, assignedGMV = ExactDecimal.zero, assignedNet = ExactDecimal.zero, unitSum = ExactDecimal.zero
        var ownTotals = Array(repeating: ExactDecimal.zero, count: categories.count)
        for product in products {
            weightTotal += weight(product)
            assignedGMV += product.gmv
            assignedNet += product.netRevenue
            unitSum += product.units
            for category in categories { ownTotals[category.position] += direct.amount(product: product.index, category: category.position) }
        }
        let untiedGMV = book.sales.gmv - assignedGMV
        // What no product carries (shares adding to less than 100%); not the last cent of rounding.
        let hasUntied = untiedGMV > ExactDecimal(mantissa: 1, places: 2) || weightTotal.isZero
        // What is left of each category to share once the products' own costs are taken out.
        let shared = categories.map { book.total($0) - ownTotals[$0.position] }
        // Each product's part of what is shared, the same in every category.
        let shares = products.map { product in weightTotal.isZero ? .zero : (weight(product).divided(by: weightTotal) ?? .zero) }
        let hundredth = ExactDecimal(mantissa: 1, places: 2)
        /// A column: each product's part (by its place in `products`), then the untied part.
        func column(_ total: ExactDecimal, untiedPart: ExactDecimal?, _ part: (Int) -> ExactDecimal) -> ExactAmount.Apportioning.Shares {
            let count = products.count
            let sharing = ExactAmount.Apportioning(count: untiedPart == nil ? count : count + 1) { place in
                place < count ? part(place) : untiedPart ?? .zero
            }
            return sharing.sharedOutInCents(total)
        }
        var owners = products.map(\.index)
        if hasUntied { owners.append(untied) }
        var columns = Array(repeating: MonthParts.Parts.empty, count: Column.allCases.count)
        columns[Column.gmv.rawValue] = MonthParts.Parts(shares: column(shown.gmv, untiedPart: hasUntied ? untiedGMV : nil) { products[$0].gmv })
        columns[Column.refunds.rawValue] = MonthParts.Parts(shares: column(shown.refunds, untiedPart: hasUntied ? untiedGMV - (book.sales.netRevenue - assignedNet) : nil) {
            products[$0].gmv - products[$0].netRevenue
        })
        for (place, category) in categories.enumerated() {
            let parts = column(shown.categories[Column(category).rawValue - Column.R.rawValue], untiedPart: hasUntied ? (weightTotal.isZero ? shared[place] : .zero) : nil) {
                direct.amount(product: products[$0].index, category: category.position) + shared[place] * shares[$0]
            }
            columns[Column(category).rawValue] = MonthParts.Parts(shares: parts)
        }
        // Whole units by the largest remainder, worked in hundredths so the cent apportioning
        // serves (the part no product carries sells none): a product's units are its cents × 100.
        let hundredths = column(unitSum.rounded(places: 0) * hundredth, untiedPart: nil) { products[$0].units * hundredth }
        var units: [Int64] = []
        if case .cents(let cents) = hundredths {
            units.reserveCapacity(cents.count + 1)
            for part in cents {
                let (whole, overflow) = part.multipliedReportingOverflow(by: 100)
                if overflow { break }
                units.append(whole)
            }
        }
        if units.count == products.count {
            if hasUntied { units.append(0) }
            columns[Column.units.rawValue] = MonthParts.Parts(shares: .cents(units))
        } else {
            let parts = MonthParts.Parts(shares: hundredths)
            columns[Column.units.rawValue] = MonthParts.Parts(shares: .decimals((0..<parts.count).map { parts[$0] * 100 } + (hasUntied ? [.zero] : [])))
        }
        return MonthParts(owners: owners, columns: columns)
    }

    /// Each product's direct costs (its goods and the entries tied to it) and the shared rest,
    /// shared out of the shown total of the categories asked for month by month (as `pnl`), and
    /// summed over the period's months.
    public static func directCosts(_ ledger: Ledger, _ period: Period, only: CostCategory?) throws(ReportError) -> DirectCosts {
        let untied = ledger.workspace.products.count
        var products = Array(repeating: ExactDecimal.zero, count: untied)
        var present = Array(repeating: false, count: untied)
        var shared = ExactDecimal.zero
        var total = ExactDecimal.zero
        let categories = CostCategory.allCases.filter { only == nil || $0 == only }
        try eachMonth(ledger, period, { book, shown -> (indices: [Int], amounts: [ExactDecimal], total: ExactDecimal) in
            let indices = book.productDirect.products
            var parts = indices.map { index in
                ExactAmount(categories.reduce(ExactDecimal.zero) { $0 + book.productDirect.amount(product: index, category: $1.position) })
            }
            let direct = parts.reduce(ExactAmount.zero, +)
            parts.append(book.exactTotal(only) - direct)
            let monthTotal = categories.reduce(ExactDecimal.zero) { $0 + shown.cost($1) }
            return (indices, ExactAmount.apportion(monthTotal, among: parts), monthTotal)
        }) { _, month in
            for (index, amount) in zip(month.indices, month.amounts) {
                products[index] += amount
                present[index] = true
            }
            shared += month.amounts.last ?? .zero
            total += month.total
        }
        return DirectCosts(products: present.indices.filter { present[$0] }.map { (index: $0, amount: products[$0]) }, shared: shared, total: total)
    }
}
