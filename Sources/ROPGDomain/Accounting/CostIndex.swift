/// The cost entries folded by shape, for reports over a million rows: entries that accrue alike
/// (same category, timing, bounds, and for sales-linked ones the same basis and product) are
/// summed once, so a report looks at a few hundred groups instead of every entry. Accrual is
/// linear in the amount, so a group costs what its entries cost together.
public struct CostIndex: Sendable {
    /// A group of entries that accrue alike, as one entry whose amount is their sum.
    struct Group: Sendable {
        var entry: CostEntry
        var productIndex: Int?
        /// Amortized groups: the sum of each entry's rounded monthly share, and of its last month's.
        var monthly: ExactDecimal = .zero
        var last: ExactDecimal = .zero
    }

    private struct Key: Hashable {
        var category: CostCategory
        var kind: UInt8
        var per: TimeUnit?
        var day: Day?        // once: its date; amortized: its start
        var months: Int      // amortized
        var share: ExactDecimal?
        var start: Day?
        var end: Day?
        var product: Int?
    }

    var groups: [Group] = []
    /// Sales-linked entries tied to products, folded further for reports that need no product
    /// breakdown: a product's part of net revenue is fixed by the mix, so each such entry costs a
    /// fixed amount per unit of the shop's net revenue. One coefficient per category, kind,
    /// bounds and CPS share, each a `.percent` entry whose amount is that coefficient.
    var foldedProductGroups: [CostEntry] = []
    /// Deposits by the day they were paid, and those with no date.
    var deposits: [Day: ExactDecimal] = [:]
    var undatedDeposits = ExactDecimal.zero

    public init(_ workspace: Workspace) {
        var productIndex: [String: Int] = [:]
        for (index, product) in workspace.products.enumerated() { productIndex[product.sku] = index }
        var positions: [Key: Int] = [:]
        for entry in workspace.costs {
            let quantity = entry.quantity
            var key = Key(category: entry.category, kind: 0, per: nil, day: nil, months: 0, share: nil,
                          start: entry.start, end: entry.end, product: nil)
            var folded = entry
            folded.quantity = .one
            folded.product = nil
            switch entry.basis {
            case .deposit(let date):
                if let date { deposits[date, default: .zero] += entry.amount * quantity } else { undatedDeposits += entry.amount * quantity }
                continue
            case .recurring(let per), .cpt(let per):
                key.kind = 1; key.per = per
                folded.basis = .recurring(per: per)
                folded.amount = entry.amount * quantity
            case .cpc(let clicks, let per):
                key.kind = 1; key.per = per
                folded.basis = .recurring(per: per)
                folded.amount = entry.amount * clicks * quantity
            case .cpm(let impressions, let per):
                key.kind = 1; key.per = per
                folded.basis = .recurring(per: per)
                folded.amount = (entry.amount * impressions * quantity).divided(by: 1000)
            case .once(let date):
                key.kind = 2; key.day = date
                folded.amount = entry.amount * quantity
            case .amortized(let months):
                key.kind = 3; key.day = entry.start; key.months = months
                folded.amount = entry.amount * quantity
            case .perUnit:
                key.kind = 4; key.product = entry.product.flatMap { productIndex[$0] }
                folded.amount = entry.amount * quantity
            case .perOrder:
                key.kind = 5; key.product = entry.product.flatMap { productIndex[$0] }
                folded.amount = entry.amount * quantity
            case .percent:
                key.kind = 6; key.product = entry.product.flatMap { productIndex[$0] }
                folded.amount = entry.amount * quantity
            case .cps(let share):
                key.kind = 7; key.share = share; key.product = entry.product.flatMap { productIndex[$0] }
                folded.amount = entry.amount * quantity
            case .plannedClicks:
                key.kind = 9; key.product = entry.product.flatMap { productIndex[$0] }
                folded.amount = entry.amount * quantity
            }
            var monthly = ExactDecimal.zero, last = ExactDecimal.zero
            if case .amortized(let months) = entry.basis, months >= 1 {
                monthly = folded.amount.divided(by: months).rounded()
                last = folded.amount - monthly * (months - 1)
            }
            if let position = positions[key] {
                groups[position].entry.amount += folded.amount
                groups[position].monthly += monthly
                groups[position].last += last
            } else {
                positions[key] = groups.count
                if let product = key.product { folded.product = workspace.products[product].sku }
                groups.append(Group(entry: folded, productIndex: key.product, monthly: monthly, last: last))
            }
        }
        foldProductGroups(workspace)
    }

    /// This index for a workspace with the same cost entries and the same products in the same
    /// order, whose prices, shares or units per order may differ (a scenario): only the
    /// product-tied coefficients are folded again, not the million entries.
    public func refolded(for workspace: Workspace) -> CostIndex {
        var copy = self
        copy.foldedProductGroups = []
        copy.foldProductGroups(workspace)
        return copy
    }

    /// Folds the product-tied sales-linked groups into per-net-revenue coefficients.
    private mutating func foldProductGroups(_ workspace: Workspace) {
        let shares = SalesModel.shares(of: workspace.products)
        let unitsPerOrder = workspace.settings[.unitsPerOrder] ?? .one
        // A product's units are the shop's units shared by the mix (docs/DOMAIN.md §8.4): its part
        // of every unit is (shareᵢ ÷ Pᵢ) ÷ Σ shareⱼ ÷ Pⱼ. So per-unit and per-order entries tied to
        // products fold into one shop-wide rate per unit, which follows recorded units or a units
        // goal as the products' own parts do (a rate per yuan of revenue would not).
        let unitsPerRevenue = SalesModel.unitsPerRevenue(of: workspace.products)
        var positions: [Key: Int] = [:]
        for group in groups {
            guard let product = group.productIndex else { continue }
            let price = workspace.products[product].price
            let coefficient: ExactDecimal
            var share: ExactDecimal?
            var perUnit = false
            switch group.entry.basis {
            case .perUnit, .perOrder:
                guard !price.isZero, let unitsPerRevenue else { continue }
                let perOrder = group.entry.basis == .perOrder ? unitsPerOrder : .one
                coefficient = (group.entry.amount * shares[product]).divided(by: price * perOrder * unitsPerRevenue) ?? .zero
                perUnit = true
            case .percent: coefficient = group.entry.amount * shares[product]
            case .cps(let cpsShare):
                coefficient = group.entry.amount * shares[product] * cpsShare
                share = cpsShare
            case .plannedClicks:
                coefficient = group.entry.amount * shares[product]
            default: continue
            }
            let isAds = group.entry.basis == .plannedClicks
            let key = Key(category: group.entry.category, kind: isAds ? 10 : perUnit ? 11 : 8, per: nil, day: nil, months: 0, share: share,
                          start: group.entry.start, end: group.entry.end, product: nil)
            if let position = positions[key] {
                foldedProductGroups[position].amount += coefficient
            } else {
                positions[key] = foldedProductGroups.count
                var folded = group.entry
                folded.basis = isAds ? .plannedClicks : perUnit ? .perUnit : .percent
                folded.product = nil
                folded.amount = coefficient
                foldedProductGroups.append(folded)
            }
        }
    }

    /// The fixed costs of a period: what the entries that do not follow sales cost in it
    /// (deposits are not costs). Break-even's F.
    public func fixedCosts(in period: Period, view: CostView = .accrual) -> ExactDecimal {
        var total = ExactAmount.zero
        for group in groups where !group.entry.basis.followsSales {
            let amortized = group.monthly.isZero && group.last.isZero ? nil : (group.monthly, group.last)
            total += CostBook.calendarAmount(of: group.entry, amortized: amortized, in: period, view: view) ?? .zero
        }
        return total.decimal
    }

    /// Deposits held at the end of a day: all paid by then, and those with no date.
    public func depositsHeld(by day: Day) -> ExactDecimal {
        deposits.reduce(undatedDeposits) { $1.key <= day ? $0 + $1.value : $0 }
    }

    /// Deposits paid in a period.
    public func deposits(in period: Period) -> ExactDecimal {
        deposits.reduce(.zero) { period.contains($1.key) ? $0 + $1.value : $0 }
    }
}
