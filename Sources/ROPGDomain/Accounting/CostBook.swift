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
    public private(set) var productDirect: [Int: [CostCategory: ExactDecimal]] = [:]
    private var totals: [CostCategory: ExactAmount] = [:]
    private var windowSales: [ClosedRange<Day>: Sales] = [:]
    /// Whether sales are worked out product by product (else from the mix's coefficients).
    private var perProduct = true

    /// Line by line: every entry's amount, for `costs by=entry` and `why`.
    public init(_ workspace: Workspace, period: Period, model: SalesModel, view: CostView = .accrual) throws(Failure) {
        self.period = period
        self.view = view
        sales = model.sales(in: period.firstDay...period.lastDay)
        windowSales[period.firstDay...period.lastDay] = sales
        defer { addHitAds() }
        for (index, entry) in workspace.costs.enumerated() {
            if case .deposit(let date) = entry.basis {
                if date.map({ $0 <= period.lastDay }) ?? true { depositsHeld += entry.amount * entry.quantity }
                if let paid = Accrual.deposit(of: entry, in: period) {
                    deposits.append((index, paid))
                    depositTotal += paid
                }
                continue
            }
            let productIndex = entry.product.flatMap { sku in workspace.products.firstIndex { $0.sku == sku } }
            guard let (amount, base) = try cost(of: entry, productIndex: productIndex, amortized: nil, workspace, model) else { continue }
            lines.append(CostLine(source: .entry(index), category: entry.category, amount: amount, basis: base))
        }
        addGoods(workspace, model)
        addPaymentFees()
    }

    /// By groups of entries that cost alike (`CostIndex`): the same totals without a line per
    /// entry, for reports over a million entries.
    /// Without `byProduct`, entries tied to products are taken as their folded per-revenue
    /// coefficients (fast), and `productDirect` holds goods only.
    public init(_ workspace: Workspace, index: CostIndex, period: Period, model: SalesModel, view: CostView = .accrual,
                byProduct: Bool = false) throws(Failure) {
        self.period = period
        self.view = view
        // Hit plans change products' parts day by day, so the mix's folded coefficients do not hold.
        let byProduct = byProduct || model.hasHits
        sales = model.sales(in: period.firstDay...period.lastDay, perProduct: byProduct)
        windowSales[period.firstDay...period.lastDay] = sales
        self.perProduct = byProduct
        defer { addHitAds() }
        depositTotal = index.deposits(in: period)
        depositsHeld = index.depositsHeld(by: period.lastDay)
        // By position: a group is only copied out when it counts here (a million entries tied to
        // products make tens of thousands of groups that only a by-product report reads).
        for position in index.groups.indices where byProduct || index.groups[position].productIndex == nil {
            let group = index.groups[position]
            let amortized = group.monthly.isZero && group.last.isZero ? nil : (group.monthly, group.last)
            _ = try cost(of: group.entry, productIndex: group.productIndex, amortized: amortized, workspace, model)
        }
        if !byProduct {
            for folded in index.foldedProductGroups {
                _ = try cost(of: folded, productIndex: nil, amortized: nil, workspace, model)
            }
        }
        addGoods(workspace, model)
        addPaymentFees()
    }

    /// What one entry (or group) costs in the period, recorded in the totals; nil when nothing.
    private mutating func cost(of entry: CostEntry, productIndex: Int?, amortized: (ExactDecimal, ExactDecimal)?,
                               _ workspace: Workspace, _ model: SalesModel) throws(Failure) -> (ExactAmount, ExactDecimal?)? {
        if let amount = Self.calendarAmount(of: entry, amortized: amortized, in: period, view: view) {
            totals[entry.category, default: .zero] += amount
            return amount.isZero ? nil : (amount, nil)
        }
        // Sales-linked: the sales of the days the entry applies on.
        guard let window = Accrual.window(of: entry, in: period) else { return nil }
        let windowed: Sales
        if let cached = windowSales[window] { windowed = cached } else {
            windowed = model.sales(in: window, perProduct: perProduct)
            windowSales[window] = windowed
        }
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
        let amount = entry.amount * entry.quantity * base
        totals[entry.category, default: .zero] += ExactAmount(amount)
        if let productIndex { productDirect[productIndex, default: [:]][entry.category, default: .zero] += amount }
        return amount.isZero && base.isZero ? nil : (ExactAmount(amount), base)
    }

    /// The goods the products sold (each product's net revenue × C ÷ P, docs/DOMAIN.md §8.4), category G.
    private mutating func addGoods(_ workspace: Workspace, _ model: SalesModel) {
        guard !workspace.products.isEmpty else { return }
        var goods = ExactDecimal.zero
        if !perProduct { goods = sales.goods }
        for product in sales.products {
            let amount = product.goods
            goods += amount
            productDirect[product.index, default: [:]][.G, default: .zero] += amount
        }
        totals[.G, default: .zero] += ExactAmount(goods)
        lines.append(CostLine(source: .goods, category: .G, amount: ExactAmount(goods), basis: sales.units))
    }

    /// What a calendar-based entry (or group, with its amortized shares) costs in a period; nil
    /// for entries that follow sales.
    static func calendarAmount(of entry: CostEntry, amortized: (ExactDecimal, ExactDecimal)?, in period: Period,
                               view: CostView) -> ExactAmount? {
        if let (monthly, last) = amortized, case .amortized(let months) = entry.basis, view == .accrual {
            guard let window = Accrual.window(of: entry, in: period), let start = entry.start else { return .zero }
            return Accrual.amortized(monthly: monthly, last: last, months: months, from: start, over: window)
        }
        return Accrual.amount(of: entry, in: period, view: view)
    }

    /// The payment fee on net revenue, category R; each product's part follows its net revenue.
    private mutating func addPaymentFees() {
        guard !sales.paymentFees.isZero else { return }
        totals[.R, default: .zero] += ExactAmount(sales.paymentFees)
        if perProduct {
            for product in sales.products {
                productDirect[product.index, default: [:]][.R, default: .zero] += sales.paymentFees * product.share
            }
        }
        lines.append(CostLine(source: .paymentFee, category: .R, amount: ExactAmount(sales.paymentFees), basis: sales.netRevenue))
    }

    /// Each saved hit plan's own ad spend, a line in O (its paid clicks × its cpc). The driver
    /// tree's ad spend covers only the rest of the goal, so nothing is counted twice.
    private mutating func addHitAds() {
        for (index, figures) in sales.hitPlans.sorted(by: { $0.key < $1.key }) where !figures.adSpend.isZero {
            totals[.O, default: .zero] += ExactAmount(figures.adSpend)
            lines.append(CostLine(source: .hitAds(index), category: .O, amount: ExactAmount(figures.adSpend), basis: figures.paidClicks))
        }
    }

    /// The exact total of a category, or of all costs.
    public func exactTotal(_ category: CostCategory? = nil) -> ExactAmount {
        guard let category else { return totals.values.reduce(.zero, +) }
        return totals[category] ?? .zero
    }

    /// A category's total (or all costs) to twelve places: for rates and working, not for a shown figure.
    public func total(_ category: CostCategory? = nil) -> ExactDecimal { exactTotal(category).decimal }
}
