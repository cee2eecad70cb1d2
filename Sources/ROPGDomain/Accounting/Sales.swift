/// Where revenue and volumes come from: the plan (goals and the driver tree) or recorded actuals.
public enum SalesSource: String, Sendable, CaseIterable {
    case plan, actual
}

/// What a period sells: GMV, refunds, orders and units, and each product's part (DOMAIN §2–§4).
/// Refunds (`refund-rate`) take revenue and units down to net; orders stay gross (the parcel
/// went out).
public struct Sales: Equatable, Sendable {
    public var gmv: ExactDecimal = .zero
    public var refunds: ExactDecimal = .zero
    public var netRevenue: ExactDecimal { gmv - refunds }
    /// Gross orders; nil when they cannot be known (no AOV and no orders goal or actual).
    public var orders: ExactDecimal? = .zero
    /// Net units sold.
    public var units: ExactDecimal? = .zero
    /// Each product's part, in workspace order (products with no part are left out).
    public var products: [ProductSales] = [] {
        didSet { positions = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1.index, $0) }) }
    }
    private var positions: [Int: Int] = [:]

    /// The part of the product at `index` in the workspace, if it sells.
    public func product(_ index: Int) -> ProductSales? { positions[index].map { products[$0] } }
    /// Days of the period with no GMV (no goal covers them, or nothing is recorded).
    public var daysWithoutRevenue = 0
    /// The payment fee on net revenue (`payment-fee`, day by day).
    public var paymentFees: ExactDecimal = .zero
    /// The paid clicks the sales take and what they cost (DOMAIN §4): visitors (orders ÷ CVR, or
    /// recorded) × the paid share × CPC, day by day; recorded ad spend where there is some.
    /// Zero without sales; nil when an assumption is missing (`adSpendProblem` says which).
    public var paidClicks: ExactDecimal? = .zero
    public var adSpend: ExactDecimal? = .zero
    public var adSpendProblem: String?
}

public struct ProductSales: Equatable, Sendable {
    public var index: Int
    public var share: ExactDecimal
    public var gmv: ExactDecimal
    public var netRevenue: ExactDecimal
    /// Net units: net revenue ÷ price.
    public var units: ExactDecimal
}

/// Works out `Sales` for any days from the workspace's goals or actuals.
public struct SalesModel: Sendable {
    public struct Failure: Error, Equatable, Sendable { public var message: String }

    public let source: SalesSource
    private let workspace: Workspace
    private let gmvPlan: GoalPlan?
    private let ordersPlan: GoalPlan?
    private let unitsPlan: GoalPlan?
    private let actuals: [Day: Actual]
    /// Each product's effective share of GMV: its own, or an even part of what the others leave.
    public let shares: [ExactDecimal]
    /// Net units and goods cost per unit of net revenue, over the whole mix: with these, totals
    /// need no pass over every product.
    public let unitsPerNetRevenue: ExactDecimal
    public let goodsPerNetRevenue: ExactDecimal
    /// Goods cost of an average unit of the mix.
    public var goodsPerUnit: ExactDecimal { goodsPerNetRevenue.divided(by: unitsPerNetRevenue) ?? .zero }

    public init(_ workspace: Workspace, source: SalesSource) throws(Failure) {
        self.workspace = workspace
        self.source = source
        func plan(_ metric: GoalMetric) throws(Failure) -> GoalPlan? {
            guard workspace.goals.contains(where: { $0.metric == metric }) else { return nil }
            do { return try GoalPlan(workspace, metric: metric) } catch { throw Failure(message: error.message) }
        }
        if source == .plan {
            gmvPlan = try plan(.gmv)
            ordersPlan = try plan(.orders)
            unitsPlan = try plan(.units)
            actuals = [:]
        } else {
            gmvPlan = nil
            ordersPlan = nil
            unitsPlan = nil
            var byDay: [Day: Actual] = [:]
            for actual in workspace.actuals { byDay[actual.day] = actual }
            actuals = byDay
        }
        (shares, unitsPerNetRevenue, goodsPerNetRevenue) = SalesModel.mix(of: workspace.products)
    }

    /// The same goals on a workspace that differs only in its products, costs or settings (a
    /// what-if or a goal seek's trial): the goal plans, the slow part, are kept.
    public func rebased(on workspace: Workspace) -> SalesModel {
        SalesModel(rebasing: self, on: workspace)
    }

    private init(rebasing model: SalesModel, on workspace: Workspace) {
        self.workspace = workspace
        source = model.source
        gmvPlan = model.gmvPlan
        ordersPlan = model.ordersPlan
        unitsPlan = model.unitsPlan
        actuals = model.actuals
        (shares, unitsPerNetRevenue, goodsPerNetRevenue) = SalesModel.mix(of: workspace.products)
    }

    /// Each product's share, and the net units and goods cost per unit of net revenue of the mix.
    private static func mix(of products: [Product]) -> ([ExactDecimal], ExactDecimal, ExactDecimal) {
        let shares = SalesModel.shares(of: products)
        var units = ExactDecimal.zero, goods = ExactDecimal.zero
        for (index, product) in products.enumerated() where !product.price.isZero {
            let perRevenue = shares[index].divided(by: product.price) ?? .zero
            units += perRevenue
            goods += perRevenue * product.cost
        }
        return (shares, units, goods)
    }

    /// Each product's effective share of GMV: its own, or an even part of what the others leave.
    /// A free product (price 0) sells no share of GMV: it could not say how many units that is.
    public static func shares(of products: [Product]) -> [ExactDecimal] {
        let explicit = products.reduce(ExactDecimal.zero) { $1.price.isZero ? $0 : $0 + ($1.share ?? .zero) }
        let open = products.filter { $0.share == nil && !$0.price.isZero }.count
        let rest = explicit < .one ? ExactDecimal.one - explicit : .zero
        let even = open > 0 ? rest.divided(by: open) : .zero
        return products.map { $0.price.isZero ? .zero : $0.share ?? even }
    }

    /// The share of GMV no product carries (all products have shares adding to less than 100%).
    public var unassignedShare: ExactDecimal {
        let total = shares.reduce(ExactDecimal.zero, +)
        return total < .one ? .one - total : .zero
    }

    /// Adds a day's paid clicks and ad spend: recorded ad spend if any, else recorded (or
    /// planned) visitors × the paid share × CPC.
    private func addAds(day: Day, orders: ExactDecimal?, to sales: inout Sales) {
        let settings = workspace.settings
        var recordedSpend: ExactDecimal?
        var visitors: ExactDecimal?
        if source == .actual, let actual = actuals[day] {
            recordedSpend = actual.values[.adspend]
            visitors = actual.values[.uv]
        }
        let cpc = settings.value(.cpc, on: day)
        if let recordedSpend {
            sales.adSpend = (sales.adSpend ?? .zero) + recordedSpend
            if let clicks = sales.paidClicks { sales.paidClicks = cpc.flatMap { recordedSpend.divided(by: $0) }.map { clicks + $0 } }
            return
        }
        if visitors == nil, let orders, let cvr = settings.value(.cvr, on: day), !cvr.isZero { visitors = orders.divided(by: cvr) }
        guard let visitors else {
            sales.adSpend = nil
            sales.paidClicks = nil
            sales.adSpendProblem = orders == nil ? "the orders of \(day.isoText) are unknown: set aov= (or orders goals)"
                                                 : "the conversion rate is not set: set cvr="
            return
        }
        guard let cpc else {
            sales.adSpend = nil
            sales.paidClicks = nil
            sales.adSpendProblem = "the cost per click is not set: set cpc="
            return
        }
        let paid = visitors * settings.paidFraction(on: day)
        sales.paidClicks = (sales.paidClicks ?? .zero) + paid
        sales.adSpend = (sales.adSpend ?? .zero) + paid * cpc
    }

    /// The sales of some days; with `perProduct`, each product's part as well.
    public func sales(in days: ClosedRange<Day>, perProduct: Bool = true) -> Sales {
        var sales = Sales()
        var unitsFromOrders = ExactDecimal.zero
        var unitsKnown = true
        let settings = workspace.settings
        var day = days.lowerBound
        while day <= days.upperBound {
            defer { day = day.advanced(by: 1) }
            let refundRate = settings.value(.refundRate, on: day) ?? .zero
            let gmv: ExactDecimal
            var orders: ExactDecimal?
            var units: ExactDecimal?
            switch source {
            case .plan:
                guard let planned = gmvPlan?.days[day] else { sales.daysWithoutRevenue += 1; continue }
                gmv = planned
                orders = ordersPlan?.days[day]
                units = unitsPlan?.days[day]
            case .actual:
                guard let actual = actuals[day], let recorded = actual.values[.gmv] else { sales.daysWithoutRevenue += 1; continue }
                gmv = recorded
                orders = actual.values[.orders]
                units = actual.values[.units]
            }
            if orders == nil, let aov = settings.value(.aov, on: day), !aov.isZero {
                orders = gmv.divided(by: aov)
            }
            sales.gmv += gmv
            sales.refunds += gmv * refundRate
            sales.paymentFees += gmv * (.one - refundRate) * (settings.value(.paymentFee, on: day) ?? .zero)
            if sales.adSpend != nil {
                addAds(day: day, orders: orders, to: &sales)
            }
            if let known = orders, let total = sales.orders { sales.orders = total + known } else { sales.orders = nil }
            if workspace.products.isEmpty, units == nil, let known = orders {
                units = known * (settings.value(.unitsPerOrder, on: day) ?? .one)
            }
            if let units {
                unitsFromOrders += units * (.one - refundRate)
            } else if !workspace.products.isEmpty {
                // No units goal or record for the day: the product mix says how many.
                unitsFromOrders += gmv * (.one - refundRate) * unitsPerNetRevenue
            } else {
                unitsKnown = false
            }
        }
        // Units follow the product mix where there are products (each product's net revenue ÷
        // its price); otherwise the orders and units per order.
        if workspace.products.isEmpty {
            sales.units = unitsKnown ? unitsFromOrders : nil
        } else if !perProduct {
            sales.units = unitsFromOrders
        } else {
            // Units goals or records set the total; the mix shares it among the products.
            let unitsScale = unitsPerNetRevenue.isZero ? .zero : (unitsFromOrders.divided(by: unitsPerNetRevenue) ?? .zero)
            var units = ExactDecimal.zero
            var parts: [ProductSales] = []
            parts.reserveCapacity(workspace.products.count)
            for (index, product) in workspace.products.enumerated() {
                let share = shares[index]
                guard !share.isZero else { continue }
                let net = sales.netRevenue * share
                let productUnits = product.price.isZero ? .zero : ((unitsScale * share).divided(by: product.price) ?? .zero)
                units += productUnits
                parts.append(ProductSales(index: index, share: share, gmv: sales.gmv * share, netRevenue: net, units: productUnits))
            }
            sales.products = parts
            sales.units = units
        }
        return sales
    }
}
