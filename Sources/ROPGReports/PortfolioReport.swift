import ROPGDomain

/// The product line as a whole over a period's planned sales (`portfolio`, docs/DOMAIN.md §5.5):
/// per product its shares, visitors and contribution, its ABC class and its place in the
/// traffic × margin matrix, and where its declared role contradicts the numbers; then the ABC
/// classes and the matrix quadrants added up.
public struct PortfolioReport: Equatable, Sendable {
    /// Classes by contribution: A until 80% of the positive contribution, B until 95%, C the rest.
    public enum ABCClass: String, CaseIterable, Sendable {
        case A, B, C
    }

    /// The quadrants of the traffic × margin matrix (visitors share and margin against their medians).
    public enum Quadrant: String, CaseIterable, Sendable {
        /// High traffic, low margin (引流).
        case traffic
        /// High traffic, high margin.
        case star
        /// Low traffic, high margin (利润).
        case profit
        /// Low traffic, low margin.
        case question
    }

    /// A declared role the numbers contradict.
    public enum RoleFlag: Equatable, Sendable {
        /// A traffic product in the top half by margin (star or profit).
        case trafficWithTopHalfMargin
        /// A profit product whose contribution is below zero.
        case profitLosesMoney
        /// A profit product in the traffic quadrant.
        case profitBringsTrafficAtLowMargin
        /// A hit in the profit or question quadrant.
        case hitBringsLittleTraffic
    }

    public struct Row: Equatable, Sendable {
        /// The product's index in the workspace.
        public var productIndex: Int
        public var sku: String
        public var name: String
        public var role: ProductRole?
        /// Its share of the period's planned GMV (the mix, and saved hit plans inside the goal).
        public var gmvShare: ExactDecimal
        /// Planned net units in the period.
        public var units: ExactDecimal
        /// Units ÷ units per order ÷ CVR (its own CVR where measured); nil without a CVR.
        public var visitors: ExactDecimal?
        /// Its visitors ÷ all products' visitors; zero without visitors.
        public var visitorsShare: ExactDecimal
        /// Units × unit contribution on the period's first day.
        public var contribution: ExactDecimal
        /// Its contribution ÷ the total contribution; nil when the total is zero.
        public var contributionShare: ExactDecimal?
        /// Unit contribution ÷ price; nil for a free product.
        public var margin: ExactDecimal?
        public var abc: ABCClass
        /// Nil for a product that does not sell, or has no margin.
        public var quadrant: Quadrant?
        public var flag: RoleFlag?
    }

    public struct ClassTotal: Equatable, Sendable {
        public var abc: ABCClass
        public var products: Int
        public var contribution: ExactDecimal
        /// The class's contribution ÷ the total contribution; nil when the total is zero.
        public var share: ExactDecimal?
    }

    public struct QuadrantTotal: Equatable, Sendable {
        public var quadrant: Quadrant
        public var products: Int
        public var gmvShare: ExactDecimal
        public var contribution: ExactDecimal
    }

    /// What the figures lack, or what to look at.
    public enum Note: Equatable, Sendable {
        /// No planned sales in the period: no GMV goal to weigh the products.
        case noPlannedSales
        /// The shop's CVR is not set: products without their own count no visitors.
        case shopCVRNotSet
        /// This many products have a role the numbers contradict.
        case rolesContradicted(Int)
    }

    /// Every product's row, best contribution first (ties in workspace order), each worked out
    /// when it is read: a report over 100,000 products whose command shows the first 50 builds 50.
    public struct Rows: RandomAccessCollection, Equatable, Sendable {
        /// Each product's figures, by its index in the workspace.
        struct Figures: Equatable, Sendable {
            var visitors: ExactDecimal?
            var contribution: ExactDecimal
            var margin: ExactDecimal?
        }

        let products: [Product]
        let shares: [ExactDecimal]
        let units: [ExactDecimal]
        let figures: [Figures]
        let visitorsShares: [ExactDecimal]
        let classes: [ABCClass]
        let quadrants: [Quadrant?]
        let totalContribution: ExactDecimal
        /// Product indices, best contribution first.
        let order: [Int]

        public var startIndex: Int { 0 }
        public var endIndex: Int { order.count }

        public subscript(position: Int) -> Row {
            let index = order[position], product = products[index], figure = figures[index]
            return Row(productIndex: index, sku: product.sku, name: product.name, role: product.role, gmvShare: shares[index],
                       units: units[index], visitors: figure.visitors, visitorsShare: visitorsShares[index],
                       contribution: figure.contribution, contributionShare: figure.contribution.divided(by: totalContribution),
                       margin: figure.margin, abc: classes[index], quadrant: quadrants[index],
                       flag: PortfolioReport.flag(product.role, contribution: figure.contribution, quadrants[index]))
        }
    }

    public let period: Period
    /// Every product, best contribution first; ties in workspace order.
    public let rows: Rows
    public let totalContribution: ExactDecimal
    /// The planned GMV of the period.
    public let plannedGMV: ExactDecimal
    /// A, B and C, in that order.
    public let classes: [ClassTotal]
    /// The class A products ÷ all products; nil without products.
    public let classAShareOfProducts: ExactDecimal?
    /// traffic, star, profit and question, in that order.
    public let matrix: [QuadrantTotal]
    /// The medians the matrix splits at, over the products that sell; nil when none sells.
    public let visitorsShareMedian: ExactDecimal?
    public let marginMedian: ExactDecimal?
    /// The products whose role the numbers contradict.
    public let flagged: Int
    public let notes: [Note]

    /// The first day of the period: its cost entries and assumptions give the unit contribution.
    public var day: Day { period.firstDay }

    /// The portfolio over `period` (this year when nil) from the plan's sales.
    public static func of(_ period: Period? = nil, in context: ReportContext) throws(ReportError) -> PortfolioReport {
        let workspace = context.workspace
        let period = period ?? .year(context.today.year)
        let model = try context.salesModel(.plan)
        let sales = model.sales(in: period.firstDay...period.lastDay, perProduct: true)
        let rates = context.unitCostRates(on: period.firstDay)
        let shopCVR = workspace.settings.value(.cvr, on: period.firstDay)
        let products = workspace.products
        let count = products.count
        // Each product's share of the period's planned GMV: the mix, moved by the saved hit plans
        // inside the goal (the same parts pnl by=product shows); the mix when nothing sells.
        var gmvByProduct = [ExactDecimal](repeating: .zero, count: count)
        for part in sales.products { gmvByProduct[part.index] = part.gmv }
        let shares = sales.gmv.isZero ? model.shares : gmvByProduct.map { $0.divided(by: sales.gmv) ?? .zero }

        // Per product: units, visitors, contribution and margin.
        var unitsByProduct = [ExactDecimal](repeating: .zero, count: count)
        for part in sales.products { unitsByProduct[part.index] = part.units }
        let units = unitsByProduct
        let figures = mapInPieces(count) { index -> Rows.Figures in
            let unit = rates.economics(of: products[index], at: index)
            let cvr = products[index].cvr ?? shopCVR
            let visitors = cvr.flatMap { units[index].divided(by: rates.unitsPerOrder)?.divided(by: $0) }
            return Rows.Figures(visitors: visitors, contribution: units[index] * unit.contribution, margin: unit.contributionMargin)
        }
        var visitorsSum = ExactDecimal.zero, contributionSum = ExactDecimal.zero, positive = ExactDecimal.zero
        for figure in figures {
            visitorsSum += figure.visitors ?? .zero
            contributionSum += figure.contribution
            positive += max(.zero, figure.contribution)
        }
        let totalVisitors = visitorsSum, totalContribution = contributionSum
        let visitorsShares = mapInPieces(count) { figures[$0].visitors.flatMap { $0.divided(by: totalVisitors) } ?? .zero }

        // ABC: best contribution first; A until 80% of the positive contribution, B until 95%.
        // Sorted on the contributions packed beside their positions: each comparison reads one
        // array in order, not two figures at random (the sort was a third of the report).
        var keyed = figures.indices.map { (units: figures[$0].contribution.units, index: $0) }
        keyed.sort { $0.units != $1.units ? $0.units > $1.units : $0.index < $1.index }
        let order = keyed.map(\.index)
        var classes = [ABCClass](repeating: .C, count: count)
        var running = ExactDecimal.zero
        let aLine = positive * ExactDecimal(mantissa: 8, places: 1), bLine = positive * ExactDecimal(mantissa: 95, places: 2)
        for index in order where figures[index].contribution > .zero {
            let before = running
            running += figures[index].contribution
            classes[index] = before < aLine ? .A : before < bLine ? .B : .C
        }

        // The matrix: visitors share and margin, each split at its median over the products that sell.
        let selling = (0..<count).filter { !units[$0].isZero }
        let trafficMedian = median(selling.map { visitorsShares[$0] })
        let marginMedian = median(selling.compactMap { figures[$0].margin })
        let quadrants = (0..<count).map { index -> Quadrant? in
            guard !units[index].isZero, let trafficMedian, let marginMedian, let margin = figures[index].margin else { return nil }
            let busy = visitorsShares[index] > trafficMedian, rich = margin > marginMedian
            return busy ? (rich ? .star : .traffic) : (rich ? .profit : .question)
        }

        var classTotals = ABCClass.allCases.map { ClassTotal(abc: $0, products: 0, contribution: .zero, share: nil) }
        var quadrantTotals = Quadrant.allCases.map { QuadrantTotal(quadrant: $0, products: 0, gmvShare: .zero, contribution: .zero) }
        var flagged = 0
        // The cases once, not an array of them made for each of 100,000 products.
        let abcCases = ABCClass.allCases, quadrantCases = Quadrant.allCases
        for index in 0..<count {
            let contribution = figures[index].contribution
            let place = abcCases.firstIndex(of: classes[index]) ?? 2
            classTotals[place].products += 1
            classTotals[place].contribution += contribution
            if let quadrant = quadrants[index], let place = quadrantCases.firstIndex(of: quadrant) {
                quadrantTotals[place].products += 1
                quadrantTotals[place].gmvShare += shares[index]
                quadrantTotals[place].contribution += contribution
            }
            if flag(products[index].role, contribution: contribution, quadrants[index]) != nil { flagged += 1 }
        }
        for place in classTotals.indices { classTotals[place].share = classTotals[place].contribution.divided(by: totalContribution) }

        var notes: [Note] = []
        if sales.gmv.isZero { notes.append(.noPlannedSales) }
        if shopCVR == nil { notes.append(.shopCVRNotSet) }
        if flagged > 0 { notes.append(.rolesContradicted(flagged)) }
        let rows = Rows(products: products, shares: shares, units: units, figures: figures, visitorsShares: visitorsShares,
                        classes: classes, quadrants: quadrants, totalContribution: totalContribution, order: order)
        return PortfolioReport(period: period, rows: rows, totalContribution: totalContribution, plannedGMV: sales.gmv,
                               classes: classTotals,
                               classAShareOfProducts: count == 0 ? nil : ExactDecimal(classTotals[0].products).divided(by: count),
                               matrix: quadrantTotals, visitorsShareMedian: trafficMedian, marginMedian: marginMedian,
                               flagged: flagged, notes: notes)
    }

    /// Where a declared role contradicts the numbers (docs/DOMAIN.md §5.5).
    static func flag(_ role: ProductRole?, contribution: ExactDecimal, _ quadrant: Quadrant?) -> RoleFlag? {
        if role == .profit, contribution.rounded().isNegative { return .profitLosesMoney }
        guard let quadrant else { return nil }
        switch (role, quadrant) {
        case (.traffic?, .star), (.traffic?, .profit): return .trafficWithTopHalfMargin
        case (.profit?, .traffic): return .profitBringsTrafficAtLowMargin
        case (.hit?, .profit), (.hit?, .question): return .hitBringsLittleTraffic
        default: return nil
        }
    }

    /// The middle value (the mean of the two middle ones for an even count); nil for none.
    static func median(_ values: [ExactDecimal]) -> ExactDecimal? {
        guard !values.isEmpty else { return nil }
        // The middle values selected, not the whole list sorted: 100,000 products' margins and
        // visitor shares were sorted twice a report.
        var units = values.map(\.units)
        let middle = units.count / 2
        let upper = selectInPlace(&units, rank: middle)
        guard units.count % 2 == 0 else { return ExactDecimal(units: upper) }
        // Everything before the middle is at most the middle value: the largest of it is the one below.
        let lower = units[0..<middle].max() ?? upper
        return (ExactDecimal(units: lower) + ExactDecimal(units: upper)).divided(by: 2)
    }

    /// The value that would stand at `rank` (0 ≤ rank < count) were `values` sorted; `values` is
    /// left with every value before that place at most it and every one after at least it.
    /// Three-way partitions around the middle of three, so that many equal values stay linear.
    static func selectInPlace(_ values: inout [Int128], rank: Int) -> Int128 {
        var low = 0, high = values.count - 1
        while low < high {
            let a = values[low], b = values[low + (high - low) / 2], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            // [low, less) < pivot, [less, scan) == pivot, (greater, high] > pivot.
            var less = low, scan = low, greater = high
            while scan <= greater {
                if values[scan] < pivot {
                    values.swapAt(less, scan)
                    less += 1
                    scan += 1
                } else if values[scan] > pivot {
                    values.swapAt(scan, greater)
                    greater -= 1
                } else {
                    scan += 1
                }
            }
            if rank < less {
                high = less - 1
            } else if rank > greater {
                low = greater + 1
            } else {
                return pivot
            }
        }
        return values[rank]
    }
}
