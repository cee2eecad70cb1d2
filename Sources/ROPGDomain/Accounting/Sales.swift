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
    /// The units an order holds over the period: net units ÷ gross orders (units come from the
    /// product mix, orders from GMV ÷ AOV, so this is not `units-per-order`; docs/DOMAIN.md §8.4).
    /// Nil without orders.
    public var unitsPerOrder: ExactDecimal? {
        guard let units, let orders, orders > .zero else { return nil }
        return units.divided(by: orders)
    }
    /// The goods cost of what sold (docs/DOMAIN.md §8.4): each product's net revenue × its C ÷ P,
    /// so goods follow the revenue even where a units goal or record sets another unit count.
    public var goods: ExactDecimal = .zero
    /// Each product's part, in workspace order (products with no part are left out).
    public var products: [ProductSales] = []

    /// The part of the product at `index` in the workspace, if it sells: found by halving, as
    /// `products` is in workspace order (no dictionary of a hundred thousand positions a month).
    public func product(_ index: Int) -> ProductSales? {
        // Usually every product sells, so its part is at its own index.
        if products.indices.contains(index), products[index].index == index { return products[index] }
        var low = 0, high = products.count
        while low < high {
            let middle = (low + high) / 2
            if products[middle].index < index { low = middle + 1 } else { high = middle }
        }
        return low < products.count && products[low].index == index ? products[low] : nil
    }
    /// Days of the period with no GMV (no goal covers them, or nothing is recorded).
    public var daysWithoutRevenue = 0
    /// The payment fee on net revenue (`payment-fee`, day by day).
    public var paymentFees: ExactDecimal = .zero
    /// The paid clicks the sales take and what they cost (DOMAIN §4): visitors (orders ÷ CVR, or
    /// recorded) × the paid share × CPC, day by day; recorded ad spend where there is some.
    /// Zero without sales; nil when an assumption is missing (`adSpendProblem` says which).
    public var paidClicks: ExactDecimal? = .zero
    public var adSpend: ExactDecimal? = .zero
    public var adSpendProblem: KeyedMessage?
    /// What the saved hit plans bring (inside the goal, docs/DOMAIN.md §5): revenue, units, and
    /// their own visitors, paid clicks and ad spend (the driver tree's `adSpend` covers the rest).
    public var hitRevenue = ExactDecimal.zero
    public var hitUnits = ExactDecimal.zero
    public var hitVisitors = ExactDecimal.zero
    public var hitPaidClicks = ExactDecimal.zero
    public var hitAdSpend = ExactDecimal.zero
    /// Each saved plan's figures over the days, by the plan's index in the workspace.
    public var hitPlans: [Int: HitFigures] = [:]
    /// How far the hits' revenue goes beyond the days' GMV goals.
    public var goalExceededBy = ExactDecimal.zero
}

public struct ProductSales: Equatable, Sendable {
    public var index: Int
    public var share: ExactDecimal
    public var gmv: ExactDecimal
    public var netRevenue: ExactDecimal
    /// Net units: net revenue ÷ price.
    public var units: ExactDecimal
    /// The goods cost of its sales: net revenue × C ÷ P (a hit plan's: its net units × C).
    public var goods: ExactDecimal = .zero
}

/// Works out `Sales` for any days from the workspace's goals or actuals.
public struct SalesModel: Sendable {
    public struct Failure: Error, Equatable, Sendable { public var message: KeyedMessage }

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
    /// The saved hit plans worked out, by day: which plan, its product and its figures that day.
    private let hitsByDay: [Day: [(planIndex: Int, figures: HitDay)]]
    /// True when saved hit plans are part of the plan: products' parts then no longer follow the
    /// mix alone, so reports work product by product.
    public var hasHits: Bool { source == .plan && !hitsByDay.isEmpty }

    /// One product's hit figures on a day.
    struct HitDay {
        var productIndex: Int
        var figures: HitFigures
    }

    /// A saved hit plan worked out, with its index in the workspace and its product's.
    public struct Hit: Sendable {
        public var index: Int
        public var productIndex: Int
        public var plan: HitPlan
        public init(index: Int, productIndex: Int, plan: HitPlan) {
            self.index = index
            self.productIndex = productIndex
            self.plan = plan
        }
    }

    private static func byDay(_ hits: [Hit]) -> [Day: [(planIndex: Int, figures: HitDay)]] {
        var byDay: [Day: [(planIndex: Int, figures: HitDay)]] = [:]
        for hit in hits {
            for day in hit.plan.days {
                byDay[day.day, default: []].append((hit.index, HitDay(productIndex: hit.productIndex, figures: day.figures)))
            }
        }
        return byDay
    }

    public init(_ workspace: Workspace, source: SalesSource, hits: [Hit] = []) throws(Failure) {
        self.workspace = workspace
        self.source = source
        hitsByDay = Self.byDay(hits)
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
    /// `hits` are the saved hit plans worked out on that workspace (their inputs may have changed).
    public func rebased(on workspace: Workspace, hits: [Hit]) -> SalesModel {
        SalesModel(rebasing: self, on: workspace, hits: hits)
    }

    private init(rebasing model: SalesModel, on workspace: Workspace, hits: [Hit]) {
        self.workspace = workspace
        source = model.source
        hitsByDay = Self.byDay(hits)
        gmvPlan = model.gmvPlan
        ordersPlan = model.ordersPlan
        unitsPlan = model.unitsPlan
        actuals = model.actuals
        (shares, unitsPerNetRevenue, goodsPerNetRevenue) = SalesModel.mix(of: workspace.products, changedFrom: model)
    }

    /// The mix of `products` worked out from `model`'s: when every share stays as it was (a
    /// `product set` of a price or a goods cost), only the products that changed are worked out
    /// again, their old terms taken out of the sums and the new ones put in (exact, so the sums
    /// are what a pass over every product gives). Otherwise, or near the range's end, a full pass.
    private static func mix(of products: [Product], changedFrom model: SalesModel) -> ([ExactDecimal], ExactDecimal, ExactDecimal) {
        let old = model.workspace.products
        let shares = SalesModel.shares(of: products)
        guard old.count == products.count, shares == model.shares else { return mix(of: products) }
        let changed = products.indices.lazy.filter { old[$0].price != products[$0].price || old[$0].cost != products[$0].cost }
        guard let (units, goods) = perRevenue(model.unitsPerNetRevenue, model.goodsPerNetRevenue, shares: shares,
                                              changed: changed.map { ($0, old[$0]) }, in: products) else { return mix(of: products) }
        return (shares, units, goods)
    }

    /// The net units and goods cost per unit of net revenue (Σ shareᵢ ÷ Pᵢ and Σ shareᵢ ÷ Pᵢ × Cᵢ)
    /// of products whose shares stay as they were, brought from `units` and `goods` by taking out
    /// the terms of the products in `changed` (each position with the product as it was) and
    /// putting in their new ones; nil near the range's end, where only a full pass is sure.
    static func perRevenue(_ units: ExactDecimal, _ goods: ExactDecimal, shares: [ExactDecimal],
                           changed: some Sequence<(Int, Product)>, in products: [Product]) -> (ExactDecimal, ExactDecimal)? {
        guard !units.isSaturated, !goods.isSaturated else { return nil }
        var units = units, goods = goods
        for (index, old) in changed {
            for (product, sign) in [(old, ExactDecimal(-1)), (products[index], ExactDecimal.one)] where !product.price.isZero {
                let perRevenue = shares[index].divided(by: product.price) ?? .zero
                units += perRevenue * sign
                goods += perRevenue * product.cost * sign
            }
        }
        guard !units.isSaturated, !goods.isSaturated else { return nil }
        return (units, goods)
    }

    /// The units one yuan of revenue sells at the mix of `products` (Σ shareᵢ ÷ Pᵢ, docs/DOMAIN.md
    /// §8.4); nil for a shop with no product that sells a share.
    public static func unitsPerRevenue(of products: [Product]) -> ExactDecimal? {
        let units = mix(of: products).1
        return units.isZero ? nil : units
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
        let open = products.reduce(0) { $1.share == nil && !$1.price.isZero ? $0 + 1 : $0 }  // no copy of 100,000 products
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
            sales.adSpendProblem = orders == nil ? KeyedMessage("the orders of {day} are unknown: set aov= (or orders goals)", ["day": day.isoText])
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
    ///
    /// With saved hit plans (docs/DOMAIN.md §5), a plan day's GMV goal G holds the hits' revenue H:
    /// the rest of the shop brings max(G − H, 0), shared by the other products' mix, and the driver
    /// tree (orders, visitors, paid clicks, ad spend) covers only that rest; where H is above G the
    /// day's GMV is H and `goalExceededBy` says by how much.
    public func sales(in days: ClosedRange<Day>, perProduct: Bool = true) -> Sales {
        var sales = Sales()
        let settings = workspace.settings
        // The rest of each day's GMV, grouped by which products have a hit running (their mix differs).
        var groups: [RestGroup] = []
        var groupPositions: [[Int]: Int] = [:]
        var hitNet: [Int: (gmv: ExactDecimal, net: ExactDecimal, units: ExactDecimal)] = [:]
        var unitsKnown = true
        var unitsWithoutProducts = ExactDecimal.zero
        var day = days.lowerBound
        while day <= days.upperBound {
            defer { day = day.advanced(by: 1) }
            let refundRate = settings.value(.refundRate, on: day) ?? .zero
            let keep = ExactDecimal.one - refundRate
            var rest: ExactDecimal
            var orders: ExactDecimal?
            var units: ExactDecimal?
            let running = source == .plan ? hitsByDay[day] ?? [] : []
            var hit = HitFigures()
            for (_, figures) in running { hit = hit + figures.figures }
            switch source {
            case .plan:
                let goal = gmvPlan?.days[day]
                guard goal != nil || !running.isEmpty else { sales.daysWithoutRevenue += 1; continue }
                let goalValue = goal ?? .zero
                rest = goalValue > hit.revenue ? goalValue - hit.revenue : .zero
                if hit.revenue > goalValue { sales.goalExceededBy += hit.revenue - goalValue }
                orders = ordersPlan?.days[day].map { $0 > hit.orders ? $0 - hit.orders : .zero }
                units = unitsPlan?.days[day].map { $0 > hit.units ? $0 - hit.units : .zero }
            case .actual:
                guard let actual = actuals[day], let recorded = actual.values[.gmv] else { sales.daysWithoutRevenue += 1; continue }
                rest = recorded
                orders = actual.values[.orders]
                units = actual.values[.units]
            }
            if orders == nil, let aov = settings.value(.aov, on: day), !aov.isZero {
                orders = rest.divided(by: aov)
            }
            let gmv = rest + hit.revenue
            sales.gmv += gmv
            sales.refunds += gmv * refundRate
            sales.paymentFees += gmv * keep * (settings.value(.paymentFee, on: day) ?? .zero)
            if sales.adSpend != nil {
                addAds(day: day, orders: orders, to: &sales)
            }
            if let known = orders, let total = sales.orders { sales.orders = total + known + hit.orders } else { sales.orders = nil }
            if !running.isEmpty {
                sales.hitRevenue += hit.revenue
                sales.hitUnits += hit.units
                sales.hitAdSpend += hit.adSpend
                sales.hitPaidClicks += hit.paidClicks
                sales.hitVisitors += hit.visitors
                for (planIndex, figures) in running {
                    sales.hitPlans[planIndex, default: HitFigures()] = sales.hitPlans[planIndex, default: HitFigures()] + figures.figures
                    var part = hitNet[figures.productIndex] ?? (.zero, .zero, .zero)
                    part.gmv += figures.figures.revenue
                    part.net += figures.figures.revenue * keep
                    part.units += figures.figures.units * keep
                    hitNet[figures.productIndex] = part
                    sales.goods += figures.figures.units * keep * workspace.products[figures.productIndex].cost
                }
            }
            if workspace.products.isEmpty {
                if units == nil, let known = orders { units = known * (settings.value(.unitsPerOrder, on: day) ?? .one) }
                if let units { unitsWithoutProducts += units * keep } else { unitsKnown = false }
                continue
            }
            // The rest is shared by the products without a hit that day (all of them on most days).
            let excluded = running.isEmpty ? [] : Array(Set(running.map(\.figures.productIndex))).sorted()
            let position: Int
            if let found = groupPositions[excluded] { position = found } else {
                position = groups.count
                groupPositions[excluded] = position
                groups.append(RestGroup(mix: mix(excluding: excluded)))
            }
            groups[position].gmv += rest
            groups[position].net += rest * keep
            sales.goods += rest * keep * groups[position].mix.goodsPerNetRevenue
            // Units goals or records set the units; otherwise the mix says how many.
            groups[position].units += units.map { $0 * keep } ?? rest * keep * groups[position].mix.unitsPerNetRevenue
        }
        if workspace.products.isEmpty {
            sales.units = unitsKnown ? unitsWithoutProducts : nil
            return sales
        }
        var totalUnits = groups.reduce(ExactDecimal.zero) { $0 + $1.units }
        for part in hitNet.values { totalUnits += part.units }
        sales.units = totalUnits
        guard perProduct else { return sales }
        // A group's units shared by the mix: each product's net revenue ÷ its price, scaled to
        // units goals where there are some (one scale a group, not one a product).
        let scales = groups.map { group in
            group.mix.unitsPerNetRevenue.isZero ? .zero : (group.units.divided(by: group.mix.unitsPerNetRevenue) ?? .zero)
        }
        var parts: [ProductSales] = []
        parts.reserveCapacity(workspace.products.count)
        // Through the buffer: a product's price and cost are read in place, not the product copied out.
        workspace.products.withUnsafeBufferPointer { products in
        for index in products.indices {
            let price = products[index].price, cost = products[index].cost
            var gmv = ExactDecimal.zero, net = ExactDecimal.zero, units = ExactDecimal.zero, goods = ExactDecimal.zero
            for (group, scale) in zip(groups, scales) {
                let share = group.mix.shares[index]
                guard !share.isZero else { continue }
                gmv += group.gmv * share
                let netShare = group.net * share
                net += netShare
                if !price.isZero {
                    units += (scale * share).divided(by: price) ?? .zero
                    goods += (netShare * cost).divided(by: price) ?? .zero
                }
            }
            if let hit = hitNet[index] {
                gmv += hit.gmv
                net += hit.net
                units += hit.units
                goods += hit.units * cost
            }
            guard !gmv.isZero || !units.isZero || !shares[index].isZero else { continue }
            parts.append(ProductSales(index: index, share: shares[index], gmv: gmv, netRevenue: net, units: units, goods: goods))
        }
        }
        sales.products = parts
        return sales
    }

    /// Days with the GMV of the rest of the shop that share one mix.
    private struct RestGroup {
        var mix: Mix
        var gmv = ExactDecimal.zero
        var net = ExactDecimal.zero
        var units = ExactDecimal.zero
    }

    /// A product mix: shares of GMV and the net units per unit of net revenue they give.
    struct Mix {
        var shares: [ExactDecimal]
        var unitsPerNetRevenue: ExactDecimal
        var goodsPerNetRevenue: ExactDecimal
    }

    /// The mix with some products taken out and the others' shares scaled up to what they were
    /// together; the whole mix when nothing else sells.
    private func mix(excluding excluded: [Int]) -> Mix {
        let whole = Mix(shares: shares, unitsPerNetRevenue: unitsPerNetRevenue, goodsPerNetRevenue: goodsPerNetRevenue)
        guard !excluded.isEmpty else { return whole }
        var scaled = shares
        for index in excluded { scaled[index] = .zero }
        let left = scaled.reduce(ExactDecimal.zero, +)
        let total = shares.reduce(ExactDecimal.zero, +)
        guard !left.isZero, let factor = total.divided(by: left) else { return whole }
        var units = ExactDecimal.zero, goods = ExactDecimal.zero
        for index in scaled.indices {
            scaled[index] = scaled[index] * factor
            let product = workspace.products[index]
            if !product.price.isZero, let perRevenue = scaled[index].divided(by: product.price) {
                units += perRevenue
                goods += perRevenue * product.cost
            }
        }
        return Mix(shares: scaled, unitsPerNetRevenue: units, goodsPerNetRevenue: goods)
    }
}
