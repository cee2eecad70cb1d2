/// One line of a period's costs: a cost entry, or the goods the products sold (DOMAIN §2, §4).
public struct CostLine: Equatable, Sendable {
    public enum Source: Equatable, Sendable {
        /// A cost entry, by its index in the workspace.
        case entry(Int)
        /// Net units of each product times its goods cost ("goods (products)", category G).
        case goods
    }
    public var source: Source
    public var category: CostCategory
    public var amount: ExactDecimal
    /// What a sales-linked amount was worked out from: the revenue, units or orders it follows.
    public var basis: ExactDecimal?
}

/// A period's costs, line by line, with the sales they follow and the deposits paid apart.
public struct CostBook: Sendable {
    public struct Failure: Error, Equatable, Sendable { public var message: String }

    public let period: Period
    public let view: CostView
    public let sales: Sales
    public private(set) var lines: [CostLine] = []
    /// Deposits paid in the period: capital tied up, not costs.
    public private(set) var deposits: [(index: Int, amount: ExactDecimal)] = []
    /// Each product's direct costs by category: its goods and the entries tied to it.
    public private(set) var productDirect: [Int: [CostCategory: ExactDecimal]] = [:]

    public init(_ workspace: Workspace, period: Period, model: SalesModel, view: CostView = .accrual) throws(Failure) {
        self.period = period
        self.view = view
        let whole = model.sales(in: period.firstDay...period.lastDay)
        sales = whole
        var windowSales: [ClosedRange<Day>: Sales] = [period.firstDay...period.lastDay: whole]
        for (index, entry) in workspace.costs.enumerated() {
            if case .deposit = entry.basis {
                if let paid = Accrual.deposit(of: entry, in: period) { deposits.append((index, paid)) }
                continue
            }
            if let amount = Accrual.amount(of: entry, in: period, view: view) {
                if !amount.isZero { lines.append(CostLine(source: .entry(index), category: entry.category, amount: amount, basis: nil)) }
                continue
            }
            // Sales-linked: the sales of the days the entry applies on.
            guard let window = Accrual.window(of: entry, in: period) else { continue }
            let windowed: Sales
            if let cached = windowSales[window] { windowed = cached } else {
                windowed = model.sales(in: window)
                windowSales[window] = windowed
            }
            let productIndex = entry.product.flatMap { sku in workspace.products.firstIndex { $0.sku == sku } }
            let productSales = productIndex.flatMap { index in windowed.products.first { $0.index == index } }
            let base: ExactDecimal
            switch entry.basis {
            case .perUnit:
                guard let units = productIndex != nil ? productSales?.units ?? .zero : windowed.units else {
                    throw Failure(message: "\(entry.id) \(entry.name) is per unit, but the units sold are unknown: set aov= (or units goals)")
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
                    throw Failure(message: "\(entry.id) \(entry.name) is per order, but the orders are unknown: set aov= (or orders goals)")
                }
                base = orders
            case .percent:
                base = productIndex != nil ? productSales?.netRevenue ?? .zero : windowed.netRevenue
            case .cps(let share):
                base = (productIndex != nil ? productSales?.netRevenue ?? .zero : windowed.netRevenue) * share
            default:
                base = .zero
            }
            let amount = entry.amount * entry.quantity * base
            if let productIndex { productDirect[productIndex, default: [:]][entry.category, default: .zero] += amount }
            if !amount.isZero || !base.isZero {
                lines.append(CostLine(source: .entry(index), category: entry.category, amount: amount, basis: base))
            }
        }
        // The goods the products sold: net units × goods cost.
        var goods = ExactDecimal.zero
        for product in whole.products {
            let amount = product.units * workspace.products[product.index].cost
            goods += amount
            productDirect[product.index, default: [:]][.G, default: .zero] += amount
        }
        if !whole.products.isEmpty {
            lines.append(CostLine(source: .goods, category: .G, amount: goods, basis: whole.units))
        }
    }

    public func total(_ category: CostCategory? = nil) -> ExactDecimal {
        lines.reduce(.zero) { category == nil || $1.category == category ? $0 + $1.amount : $0 }
    }

    public var depositTotal: ExactDecimal { deposits.reduce(.zero) { $0 + $1.amount } }
    public var profit: ExactDecimal { sales.netRevenue - total() }
}
