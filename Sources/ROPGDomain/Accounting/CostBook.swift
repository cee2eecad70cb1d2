/// One line of a period's costs: a cost entry, or the goods the products sold (DOMAIN §2, §4).
public struct CostLine: Equatable, Sendable {
    public enum Source: Hashable, Sendable {
        /// A cost entry, by its index in the workspace.
        case entry(Int)
        /// Net units of each product times its goods cost ("goods (products)", category G).
        case goods
        /// The payment fee on net revenue (`payment-fee`, category R).
        case paymentFee
        /// A saved hit plan's ad spend (category O), by the plan's index in the workspace. Its
        /// sales are in the products' (docs/DOMAIN.md §5), so its goods are in `goods`.
        case hitAds(Int)
    }
    public var source: Source
    public var category: CostCategory
    /// Exact: calendar shares are not rounded (docs/DOMAIN.md §7).
    public var amount: ExactAmount
    /// What a sales-linked amount was worked out from: the revenue, units or orders it follows.
    public var basis: ExactDecimal?

    public init(source: Source, category: CostCategory, amount: ExactAmount, basis: ExactDecimal?) {
        self.source = source
        self.category = category
        self.amount = amount
        self.basis = basis
    }
}

/// A period's costs, line by line, with the sales they follow and the deposits paid apart.
public struct CostBook: Sendable {
    public struct Failure: Error, Equatable, Sendable { public var message: KeyedMessage }

    public let period: Period
    public let view: CostView
    public private(set) var sales: Sales
    /// One line per entry that costs something (with `perEntry`), and the goods the products sold.
    public private(set) var lines: [CostLine] = []
    /// Deposits paid in the period, entry by entry (with `perEntry`): capital tied up, not costs.
    public private(set) var deposits: [(index: Int, amount: ExactDecimal)] = []
    public private(set) var depositTotal: ExactDecimal = .zero
    /// All deposits paid by the end of the period (or with no date): capital tied up then.
    public private(set) var depositsHeld: ExactDecimal = .zero
    /// Each product's direct costs by category: its goods, its payment fees and the entries tied to it.
    public private(set) var productDirect: ProductCosts
    /// Each category's total, by its `position`.
    private var totals = Array(repeating: ExactAmount.zero, count: CostCategory.allCases.count)
    private var windowSales: [ClosedRange<Day>: Sales] = [:]
    /// The period's days, worked out once (a by-product book looks at them for every group).
    private let days: ClosedRange<Day>
    /// Whether sales are worked out product by product (else from the mix's coefficients).
    private var perProduct = true

    /// Line by line: every entry's amount, for `costs by=entry` and `why`.
    public init(_ workspace: Workspace, period: Period, model: SalesModel, view: CostView = .accrual) throws(Failure) {
        self.period = period
        self.view = view
        days = period.firstDay...period.lastDay
        productDirect = ProductCosts(productCount: workspace.products.count)
        sales = model.sales(in: days)
        windowSales[days] = sales
        let periodSales = sales
        defer { addHitAds() }
        var skus: [String: Int]?
        for (index, entry) in workspace.costs.enumerated() {
            if case .deposit(let date) = entry.basis {
                if date.map({ $0 <= period.lastDay }) ?? true { depositsHeld += entry.amount * entry.quantity }
                if let paid = Accrual.deposit(of: entry, in: period) {
                    deposits.append((index, paid))
                    depositTotal += paid
                }
                continue
            }
            // Products by SKU, made at the first entry tied to one: a search of 100,000 products
            // for each of a million entries took a minute.
            let productIndex = entry.product.flatMap { sku in
                if skus == nil { skus = CostIndex.productIndices(workspace) }
                return skus?[sku]
            }
            guard let (amount, base) = try cost(of: entry, productIndex: productIndex, amortized: nil, workspace, model, periodSales) else { continue }
            lines.append(CostLine(source: .entry(index), category: entry.category, amount: amount, basis: base))
        }
        addGoods(workspace, model)
        addPaymentFees()
    }

    /// By groups of entries that cost alike (`CostIndex`): the same totals without a line per
    /// entry, for reports over a million entries.
    /// Without `byProduct`, entries tied to products are taken as their folded per-revenue
    /// coefficients (fast), and `productDirect` holds goods only.
    /// `groupsByProduct`: the index's groups in product order (`CostIndex.GroupsByProduct`), when
    /// the caller builds books of several periods from one index.
    public init(_ workspace: Workspace, index: CostIndex, period: Period, model: SalesModel, view: CostView = .accrual,
                byProduct: Bool = false, groupsByProduct: CostIndex.GroupsByProduct? = nil) throws(Failure) {
        self.period = period
        self.view = view
        days = period.firstDay...period.lastDay
        productDirect = ProductCosts(productCount: workspace.products.count)
        // Hit plans change products' parts day by day, so the mix's folded coefficients do not hold.
        let byProduct = byProduct || model.hasHits
        sales = model.sales(in: days, perProduct: byProduct)
        windowSales[days] = sales
        let periodSales = sales
        self.perProduct = byProduct
        defer { addHitAds() }
        depositTotal = index.deposits(in: period)
        depositsHeld = index.depositsHeld(by: period.lastDay)
        if byProduct {
            // The groups tied to products in product order, so that each product's sales and
            // direct costs are read and written one after another rather than at random over a
            // hundred thousand products. What they add up to does not depend on the order; which
            // failure is told does, so the first in the index's order is the one thrown.
            let order = groupsByProduct ?? CostIndex.GroupsByProduct(index, productCount: workspace.products.count)
            var failure: (position: Int, failure: Failure)?
            // Through the buffer: a group is read in place, not copied out (a few hundred bytes each).
            order.groups.withUnsafeBufferPointer { groups in
                for (place, position) in order.positions.enumerated() {
                    let amortized = groups[place].monthly.isZero && groups[place].last.isZero ? nil : (groups[place].monthly, groups[place].last)
                    do throws(Failure) {
                        _ = try cost(of: groups[place].entry, productIndex: groups[place].productIndex, amortized: amortized, workspace, model, periodSales)
                    } catch {
                        if failure.map({ position < $0.position }) ?? true { failure = (position, error) }
                    }
                }
            }
            if let failure { throw failure.failure }
        } else {
            // By position: a group is only copied out when it counts here (a million entries tied to
            // products make tens of thousands of groups that only a by-product report reads).
            for position in index.groups.indices where index.groups[position].productIndex == nil {
                let group = index.groups[position]
                let amortized = group.monthly.isZero && group.last.isZero ? nil : (group.monthly, group.last)
                _ = try cost(of: group.entry, productIndex: group.productIndex, amortized: amortized, workspace, model, periodSales)
            }
            for folded in index.foldedProductGroups {
                _ = try cost(of: folded, productIndex: nil, amortized: nil, workspace, model, periodSales)
            }
        }
        addGoods(workspace, model)
        addPaymentFees()
    }

    /// What one entry (or group) costs in the period, recorded in the totals; nil when nothing.
    /// `periodSales`: the period's sales (the book's own, held by the caller, so that the groups
    /// that follow them are not handed a copy each).
    private mutating func cost(of entry: CostEntry, productIndex: Int?, amortized: (ExactDecimal, ExactDecimal)?,
                               _ workspace: Workspace, _ model: SalesModel, _ periodSales: Sales) throws(Failure) -> (ExactAmount, ExactDecimal?)? {
        if let amount = Self.calendarAmount(of: entry, amortized: amortized, over: days, view: view) {
            totals[entry.category.position] += amount
            return amount.isZero ? nil : (amount, nil)
        }
        // Sales-linked: the sales of the days the entry applies on.
        guard let window = Accrual.window(of: entry, over: days) else { return nil }
        let (amount, base) = try window == days ? Self.salesLinked(entry, productIndex, periodSales, workspace, model)
                                                : Self.salesLinked(entry, productIndex, sales(in: window, model), workspace, model)
        totals[entry.category.position] += ExactAmount(amount)
        if let productIndex { productDirect.add(amount, product: productIndex, category: entry.category) }
        return amount.isZero && base.isZero ? nil : (ExactAmount(amount), base)
    }

    /// The sales of some of the period's days, worked out once.
    private mutating func sales(in window: ClosedRange<Day>, _ model: SalesModel) -> Sales {
        if let cached = windowSales[window] { return cached }
        let windowed = model.sales(in: window, perProduct: perProduct)
        windowSales[window] = windowed
        return windowed
    }

    /// What a sales-linked entry (or group) costs over the days `windowed` holds the sales of,
    /// and the revenue, units, orders or ad spend it follows there.
    private static func salesLinked(_ entry: CostEntry, _ productIndex: Int?, _ windowed: Sales, _ workspace: Workspace,
                                    _ model: SalesModel) throws(Failure) -> (amount: ExactDecimal, base: ExactDecimal) {
        let productSales = productIndex.flatMap { windowed.product($0) }
        let base: ExactDecimal
        switch entry.basis {
        case .perUnit:
            guard let units = productIndex != nil ? productSales?.units ?? .zero : windowed.units else {
                throw Failure(message: KeyedMessage("{id} {name} is per unit, but the units sold are unknown: set aov= (or units goals)", ["id": entry.id.description, "name": entry.name]))
            }
            base = units
        case .perOrder:
            let orders: ExactDecimal?
            if productIndex != nil {
                // A product's orders: its units over the units in an order.
                orders = productSales.map { $0.units.divided(by: workspace.settings[.unitsPerOrder] ?? .one) ?? .zero } ?? .zero
            } else {
                orders = windowed.orders
            }
            guard let orders else {
                throw Failure(message: KeyedMessage("{id} {name} is per order, but the orders are unknown: set aov= (or orders goals)", ["id": entry.id.description, "name": entry.name]))
            }
            base = orders
        case .percent:
            base = productIndex != nil ? productSales?.netRevenue ?? .zero : windowed.netRevenue
        case .cps(let share):
            base = (productIndex != nil ? productSales?.netRevenue ?? .zero : windowed.netRevenue) * share
        case .plannedClicks:
            guard let spend = windowed.adSpend else {
                throw Failure(message: KeyedMessage("{id} {name} follows the plan's paid clicks, but {problem}", ["id": entry.id.description, "name": entry.name], cause: windowed.adSpendProblem ?? "they are unknown"))
            }
            base = productIndex.map { spend * model.shares[$0] } ?? spend
        default:
            base = .zero
        }
        return (entry.amount * entry.quantity * base, base)
    }

    /// The goods the products sold (each product's net revenue × C ÷ P, docs/DOMAIN.md §8.4), category G.
    private mutating func addGoods(_ workspace: Workspace, _ model: SalesModel) {
        guard !workspace.products.isEmpty else { return }
        var goods = ExactDecimal.zero
        if !perProduct { goods = sales.goods }
        for product in sales.products {
            let amount = product.goods
            goods += amount
            productDirect.add(amount, product: product.index, category: .G)
        }
        totals[CostCategory.G.position] += ExactAmount(goods)
        lines.append(CostLine(source: .goods, category: .G, amount: ExactAmount(goods), basis: sales.units))
    }

    /// What a calendar-based entry (or group, with its amortized shares) costs in a period; nil
    /// for entries that follow sales.
    static func calendarAmount(of entry: CostEntry, amortized: (ExactDecimal, ExactDecimal)?, in period: Period,
                               view: CostView) -> ExactAmount? {
        calendarAmount(of: entry, amortized: amortized, over: period.firstDay...period.lastDay, view: view)
    }

    static func calendarAmount(of entry: CostEntry, amortized: (ExactDecimal, ExactDecimal)?, over days: ClosedRange<Day>,
                               view: CostView) -> ExactAmount? {
        if let (monthly, last) = amortized, case .amortized(let months) = entry.basis, view == .accrual {
            guard let window = Accrual.window(of: entry, over: days), let start = entry.start else { return .zero }
            return Accrual.amortized(monthly: monthly, last: last, months: months, from: start, over: window)
        }
        return Accrual.amount(of: entry, over: days, view: view)
    }

    /// The payment fee on net revenue, category R; each product's part follows its net revenue.
    private mutating func addPaymentFees() {
        guard !sales.paymentFees.isZero else { return }
        totals[CostCategory.R.position] += ExactAmount(sales.paymentFees)
        if perProduct {
            for product in sales.products {
                productDirect.add(sales.paymentFees * product.share, product: product.index, category: .R)
            }
        }
        lines.append(CostLine(source: .paymentFee, category: .R, amount: ExactAmount(sales.paymentFees), basis: sales.netRevenue))
    }

    /// Each saved hit plan's own ad spend, a line in O (its paid clicks × its cpc). The driver
    /// tree's ad spend covers only the rest of the goal, so nothing is counted twice.
    private mutating func addHitAds() {
        for (index, figures) in sales.hitPlans.sorted(by: { $0.key < $1.key }) where !figures.adSpend.isZero {
            totals[CostCategory.O.position] += ExactAmount(figures.adSpend)
            lines.append(CostLine(source: .hitAds(index), category: .O, amount: ExactAmount(figures.adSpend), basis: figures.paidClicks))
        }
    }

    /// The exact total of a category, or of all costs.
    public func exactTotal(_ category: CostCategory? = nil) -> ExactAmount {
        guard let category else { return totals.reduce(.zero, +) }
        return totals[category.position]
    }

    /// A category's total (or all costs) to twelve places: for rates and working, not for a shown figure.
    public func total(_ category: CostCategory? = nil) -> ExactDecimal { exactTotal(category).decimal }
}

/// Each product's direct costs by category (its goods, its payment fees and the entries tied to
/// it), flat by product index: four amounts a product in one array, not a dictionary of
/// dictionaries (a by-product book of 100,000 products is built once a month of the period).
public struct ProductCosts: Sendable {
    /// One product's direct costs.
    public struct Amounts: Sendable {
        fileprivate var values: ArraySlice<ExactDecimal>
        public subscript(category: CostCategory) -> ExactDecimal { values[values.startIndex + category.position] }
    }

    private let productCount: Int
    /// Product × 4 + category position; empty until a product gets a cost.
    private var amounts: [ExactDecimal] = []
    private var touched: [Bool] = []

    init(productCount: Int) { self.productCount = productCount }

    /// The product's direct costs; nil when nothing was put to it in the period.
    public subscript(product: Int) -> Amounts? {
        guard touched.indices.contains(product), touched[product] else { return nil }
        return Amounts(values: amounts[product * 4..<product * 4 + 4])
    }

    /// One of the product's direct costs (zero for one with none), by the category's `position`.
    public func amount(product: Int, category position: Int) -> ExactDecimal {
        amounts.isEmpty ? .zero : amounts[product * 4 + position]
    }

    /// The products something was put to, in workspace order.
    public var products: [Int] { touched.indices.filter { touched[$0] } }

    mutating func add(_ amount: ExactDecimal, product: Int, category: CostCategory) {
        guard product >= 0, product < productCount else { return }
        if amounts.isEmpty {
            amounts = Array(repeating: .zero, count: productCount * 4)
            touched = Array(repeating: false, count: productCount)
        }
        amounts[product * 4 + category.position] += amount
        touched[product] = true
    }
}
