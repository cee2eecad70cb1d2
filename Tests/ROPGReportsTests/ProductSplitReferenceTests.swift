import Testing
import ROPGDomain
@testable import ROPGReports

/// The month × product grid, `pnl by=product` and `costs by=product` as the reports work them out
/// (a month's split in columns, only the columns a figure needs, months side by side on the
/// cores, the cents left by selection, the lines shown kept without a full sort) equal the
/// splits worked out plainly, one month after another, a row of figures a product, every part
/// apportioned (docs/DOMAIN.md §7.6, §11.3): on generated workspaces of a few hundred products
/// and costs of every kind, for every metric and every alloc= rule, to the cent.
@Suite struct ProductSplitReferenceTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func money(_ cents: Int) -> ExactDecimal { ExactDecimal(mantissa: Int128(1 + next(cents)), places: 2) }
    }

    /// How the generated shop shares its GMV among its products.
    enum Mix: CaseIterable {
        /// Every product an even part.
        case even
        /// Every product its own share, adding up to less than 100%: a part no product carries.
        case sharesShort
        /// Some free products, and a saved hit plan running in autumn.
        case freeProductsAndAHit
    }

    static func day(_ month: Int, _ dayOfMonth: Int) -> Day { Day(year: 2026, month: month, day: dayOfMonth) ?? Day(number: 0) }

    static func workspace(seed: UInt64, mix: Mix) -> Workspace {
        var random = Generator(state: seed)
        var workspace = Workspace(name: "generated")
        // Over 256 parts a month, so that the cents left are given out by selection, not a sort.
        let count = 260 + random.next(60)
        for index in 0..<count {
            let cost = random.money(20_000)
            let free = mix == .freeProductsAndAHit && index % 37 == 5
            let price = free ? ExactDecimal.zero : cost * 2 + random.money(5_000)
            let share: ExactDecimal? = mix == .sharesShort ? ExactDecimal(mantissa: Int128(1 + random.next(400)), places: 6) : nil
            workspace.products.append(Product(sku: "P-\(index)", name: "产品 \(index)", price: price, cost: cost, share: share))
        }
        let skus = workspace.products.map(\.sku)
        var numbers: [CostCategory: Int32] = [:]
        for _ in 0..<(500 + random.next(200)) {
            let category = CostCategory.allCases[random.next(4)]
            let number = (numbers[category] ?? 0) + 1
            numbers[category] = number
            let id = CostID(category: category, number: number)
            let month = 1 + random.next(12)
            let start = day(month, 1 + random.next(28))
            let end = random.next(3) == 0 ? start.advanced(by: 20 + random.next(200)) : nil
            // A sales-linked entry's own window is a pass over the products' sales: a few of them.
            let linkedStart = [nil, day(3, 10)][random.next(2)], linkedEnd = [nil, day(9, 20)][random.next(2)]
            let product = random.next(2) == 0 ? skus[random.next(skus.count)] : nil
            let entry: CostEntry
            switch random.next(9) {
            case 0: entry = CostEntry(id: id, name: "once", basis: .once(date: start), amount: random.money(1_000_000))
            case 1: entry = CostEntry(id: id, name: "amortized", basis: .amortized(months: 1 + random.next(12)), amount: random.money(1_000_000), start: start)
            case 2: entry = CostEntry(id: id, name: "per unit", basis: .perUnit, amount: random.money(500), start: linkedStart, end: linkedEnd, product: product)
            case 3: entry = CostEntry(id: id, name: "per order", basis: .perOrder, amount: random.money(800), end: linkedEnd, product: product)
            case 4: entry = CostEntry(id: id, name: "percent", basis: .percent, amount: ExactDecimal(mantissa: Int128(1 + random.next(80)), places: 3),
                                      start: linkedStart, product: product)
            case 5: entry = CostEntry(id: id, name: "cps", basis: .cps(share: ExactDecimal(mantissa: Int128(1 + random.next(9)), places: 1)),
                                      amount: ExactDecimal(mantissa: Int128(1 + random.next(20)), places: 2), product: product)
            case 6: entry = CostEntry(id: id, name: "clicks", basis: .cpc(clicks: ExactDecimal(100 + random.next(5_000)), per: .month),
                                      amount: random.money(300), start: start, end: end)
            default: entry = CostEntry(id: id, name: "recurring", basis: .recurring(per: [.day, .week, .month, .quarter, .year][random.next(5)]),
                                       amount: random.money(100_000), quantity: ExactDecimal(1 + random.next(3)), start: start, end: end)
            }
            workspace.costs.append(entry)
        }
        workspace.lastCostNumber = numbers
        var settings = Settings()
        settings[.cvr] = ExactDecimal(mantissa: 3, places: 2)
        settings[.aov] = ExactDecimal(120)
        settings[.refundRate] = ExactDecimal(mantissa: Int128(random.next(15)), places: 2)
        settings[.paymentFee] = ExactDecimal(mantissa: 6, places: 3)
        workspace.settings = settings
        workspace.goals = [Goal(period: .year(2026), metric: .gmv, value: ExactDecimal(10_000_000 + random.next(90_000_000)))]
        if mix == .freeProductsAndAHit {
            var spec = HitPlanSpec(sku: skus[1], start: day(10, 1), cpc: ExactDecimal(mantissa: 8, places: 1),
                                   paidShares: Array(repeating: ExactDecimal(mantissa: 5, places: 1), count: 4))
            spec.peakUnits = ExactDecimal(300)
            workspace.hitPlans = [SavedHitPlan(name: "双11", spec: spec)]
        }
        return workspace
    }

    static let today = Day(year: 2026, month: 3, day: 16) ?? Day(number: 0)

    /// A month split plainly: a row of figures a product (and one for the part no product carries),
    /// each column's exact parts apportioned out of the month's shown figure.
    static func plainRows(_ book: CostBook, _ shown: PeriodFigures, allocation: CostAllocation) -> [ProductSplit.Row] {
        let products = book.sales.products
        let weights: [ExactDecimal] = products.map { allocation == .revenue ? $0.netRevenue : allocation == .units ? $0.units : .one }
        let weightTotal = weights.reduce(ExactDecimal.zero, +)
        let categories = CostCategory.allCases
        let own = products.map { product in categories.map { book.productDirect[product.index]?[$0] ?? .zero } }
        let shared = categories.indices.map { index in book.total(categories[index]) - own.reduce(ExactDecimal.zero) { $0 + $1[index] } }
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
        let hundredth = ExactDecimal(mantissa: 1, places: 2)
        let unitTotal = products.reduce(ExactDecimal.zero) { $0 + $1.units }.rounded(places: 0) * hundredth
        let units = ExactAmount.apportion(unitTotal, among: products.map { ExactAmount($0.units * hundredth) }).map { $0 * ExactDecimal(100) }
        return owners.enumerated().map { position, owner in
            var figures = PeriodFigures()
            figures.gmv = parts[0][position]
            figures.refunds = parts[1][position]
            figures.categories = categories.indices.map { parts[2 + $0][position] }
            return ProductSplit.Row(product: owner, figures: figures, units: position < units.count ? units[position] : .zero)
        }
    }

    /// Each month's by-product book and shown figures, one month after another.
    static func books(_ ledger: Ledger, _ period: Period) throws -> [(month: Period, book: CostBook, shown: PeriodFigures)] {
        try ProductSplit.months(of: period).map { month in (month, try ledger.book(month, byProduct: true), try ledger.figures(month)) }
    }

    /// Each month's plain rows.
    static func plainMonths(_ books: [(month: Period, book: CostBook, shown: PeriodFigures)],
                            allocation: CostAllocation) -> [(month: Period, rows: [ProductSplit.Row])] {
        books.map { ($0.month, plainRows($0.book, $0.shown, allocation: allocation)) }
    }

    /// A year, and a range whose first and last months are parts of months.
    static let periods = ["2026", "2026-02-10..2026-05-20"]

    @Test(arguments: Mix.allCases, [UInt64(1), 2])
    func theGridIsThePlainSplitForEveryMetricAndRule(mix: Mix, seed: UInt64) throws {
        let workspace = Self.workspace(seed: seed, mix: mix)
        let ledger = try ReportContext(workspace: workspace, today: Self.today).ledger(.plan, .accrual)
        let untied = workspace.products.count
        for text in Self.periods {
            let period = try Period.parse(text)
            let books = try Self.books(ledger, period)
            for (rule, allocation) in CostAllocation.allCases.enumerated() {
                let months = Self.plainMonths(books, allocation: allocation)
                for (place, metric) in ProductMonthGrid.Metric.allCases.enumerated() {
                    // Each owner's values month by month, plainly.
                    var values: [Int: [ExactDecimal]] = [:]
                    var monthTotals: [ExactDecimal] = []
                    for (position, month) in months.enumerated() {
                        var total = ExactDecimal.zero
                        for row in month.rows {
                            let value = metric.value(of: row)
                            values[row.product ?? untied, default: Array(repeating: .zero, count: months.count)][position] = value
                            total += value
                        }
                        monthTotals.append(total)
                    }
                    let order = values.keys.sorted { a, b in
                        let ta = (values[a] ?? []).reduce(ExactDecimal.zero, +).magnitude, tb = (values[b] ?? []).reduce(ExactDecimal.zero, +).magnitude
                        return ta != tb ? ta > tb : a < b
                    }
                    // One cap a metric and rule, every cap over them: a line, a few, many, all.
                    let caps = [1, 7, 60, order.count + 1]
                    let top = caps[(place + rule) % caps.count]
                    let grid = try ProductMonthGrid(ledger, period, metric: metric, allocation: allocation, top: top)
                    let label = "\(mix) seed \(seed) \(text) alloc=\(allocation) metric=\(metric) top=\(top)"
                    #expect(grid.months == months.map(\.month), "\(label): months")
                    #expect(grid.monthTotals == monthTotals, "\(label): month totals")
                    #expect(grid.ownerCount == order.count, "\(label): owners")
                    let shown = Array(order.prefix(top))
                    #expect(grid.lines.map { $0.product ?? untied } == shown, "\(label): the lines shown, in order")
                    for line in grid.lines {
                        #expect(line.values == values[line.product ?? untied], "\(label): \(line.product ?? untied)'s values")
                    }
                    let others = order.dropFirst(top)
                    if others.isEmpty {
                        #expect(grid.rest == nil, "\(label): no rest")
                    } else {
                        let summed = months.indices.map { position in others.reduce(ExactDecimal.zero) { $0 + (values[$1]?[position] ?? .zero) } }
                        #expect(grid.rest?.count == others.count, "\(label): the rest's count")
                        #expect(grid.rest?.line.values == summed, "\(label): the rest summed")
                    }
                }
            }
        }
    }

    @Test(arguments: Mix.allCases)
    func byProductIsThePlainSplitSummed(mix: Mix) throws {
        let seed: UInt64 = 4
        let workspace = Self.workspace(seed: seed, mix: mix)
        let ledger = try ReportContext(workspace: workspace, today: Self.today).ledger(.plan, .accrual)
        for text in Self.periods {
            let period = try Period.parse(text)
            let books = try Self.books(ledger, period)
            for allocation in CostAllocation.allCases {
                var sums: [Int: (figures: PeriodFigures, units: ExactDecimal)] = [:]
                for month in Self.plainMonths(books, allocation: allocation) {
                    for row in month.rows {
                        let key = row.product ?? Int.max
                        var sum = sums[key] ?? (PeriodFigures(), .zero)
                        sum.figures.gmv += row.figures.gmv
                        sum.figures.refunds += row.figures.refunds
                        for index in sum.figures.categories.indices { sum.figures.categories[index] += row.figures.categories[index] }
                        sum.units += row.units
                        sums[key] = sum
                    }
                }
                let split = try ProductSplit.pnl(ledger, period, allocation: allocation)
                let label = "\(mix) seed \(seed) \(text) alloc=\(allocation)"
                #expect(split.rows.map { $0.product ?? Int.max } == sums.keys.sorted(), "\(label): the rows")
                for row in split.rows {
                    let want = sums[row.product ?? Int.max]
                    #expect(row.figures == want?.figures, "\(label): \(row.product ?? -1)'s figures")
                    #expect(row.units == want?.units, "\(label): \(row.product ?? -1)'s units")
                }
            }
        }
    }

    @Test(arguments: Mix.allCases)
    func costsByProductIsThePlainSplitSummed(mix: Mix) throws {
        let workspace = Self.workspace(seed: 6, mix: mix)
        let ledger = try ReportContext(workspace: workspace, today: Self.today).ledger(.plan, .accrual)
        for text in Self.periods {
            let period = try Period.parse(text)
            for only in [nil] + CostCategory.allCases.map(Optional.some) {
                var products: [Int: ExactDecimal] = [:]
                var shared = ExactDecimal.zero, total = ExactDecimal.zero
                for (_, book, shown) in try Self.books(ledger, period) {
                    let indices = workspace.products.indices.filter { book.productDirect[$0] != nil }
                    var parts = indices.map { index in
                        ExactAmount(CostCategory.allCases.reduce(ExactDecimal.zero) { only == nil || $1 == only ? $0 + (book.productDirect[index]?[$1] ?? .zero) : $0 })
                    }
                    parts.append(book.exactTotal(only) - parts.reduce(ExactAmount.zero, +))
                    let monthTotal = CostCategory.allCases.reduce(ExactDecimal.zero) { only == nil || $1 == only ? $0 + shown.cost($1) : $0 }
                    let amounts = ExactAmount.apportion(monthTotal, among: parts)
                    for (index, amount) in zip(indices, amounts) { products[index, default: .zero] += amount }
                    shared += amounts.last ?? .zero
                    total += monthTotal
                }
                let split = try ProductSplit.directCosts(ledger, period, only: only)
                let label = "\(mix) \(text) only=\(only?.rawValue ?? "all")"
                #expect(split.products.map(\.index) == products.keys.sorted(), "\(label)")
                #expect(split.products.map(\.amount) == products.keys.sorted().map { products[$0] ?? .zero }, "\(label)")
                #expect(split.shared == shared, "\(label)")
                #expect(split.total == total, "\(label)")
            }
        }
    }

    /// The ledger keeps each month's split (every column, for each alloc= rule): a report after
    /// the first splits no month anew and gives what a ledger of its own gives.
    @Test func theLedgerKeepsEachMonthsSplit() throws {
        let workspace = Self.workspace(seed: 8, mix: .sharesShort)
        let ledger = try ReportContext(workspace: workspace, today: Self.today).ledger(.plan, .accrual)
        let period = try Period.parse("2026-02-10..2026-05-20")
        let months = ProductSplit.months(of: period)
        #expect(months.allSatisfy { ledger.productSplit(of: $0, allocation: .units) == nil })
        let first = try ProductMonthGrid(ledger, period, metric: .profit, allocation: .units, top: 5)
        #expect(months.allSatisfy { ledger.productSplit(of: $0, allocation: .units) != nil })
        #expect(months.allSatisfy { ledger.productSplit(of: $0, allocation: .revenue) == nil }, "another rule is another split")
        for metric in ProductMonthGrid.Metric.allCases {
            let kept = try ProductMonthGrid(ledger, period, metric: metric, allocation: .units, top: 5)
            let fresh = try ProductMonthGrid(try ReportContext(workspace: workspace, today: Self.today).ledger(.plan, .accrual), period,
                                             metric: metric, allocation: .units, top: 5)
            #expect(kept.lines.map(\.values) == fresh.lines.map(\.values), "\(metric)")
            #expect(kept.lines.map(\.product) == fresh.lines.map(\.product), "\(metric)")
            #expect(kept.monthTotals == fresh.monthTotals, "\(metric)")
            #expect(kept.rest?.line.values == fresh.rest?.line.values, "\(metric)")
        }
        #expect(try ProductMonthGrid(ledger, period, metric: .profit, allocation: .units, top: 5).lines.map(\.values) == first.lines.map(\.values))
    }

    /// A grid's figure of an owner's parts worked from their cents is the figure worked from the
    /// owner's figures (`Metric.value(of:units:)`), as it is for parts given as decimals.
    @Test func aFigureFromCentsIsTheFigureFromTheOwnersFigures() {
        var random = Generator(state: 12)
        let columns = ProductSplit.Column.allCases
        for _ in 0..<200 {
            let cents = columns.map { _ in Int64(random.next(2_000_000_000)) - 1_000_000_000 }
            let decimals = cents.map { ExactDecimal(mantissa: Int128($0), places: 2) }
            let inCents = ProductSplit.MonthParts(owners: [0], columns: cents.map { .init(shares: .cents([$0])) })
            let asDecimals = ProductSplit.MonthParts(owners: [0], columns: decimals.map { .init(shares: .decimals([$0])) })
            var figures = PeriodFigures()
            figures.gmv = decimals[ProductSplit.Column.gmv.rawValue]
            figures.refunds = decimals[ProductSplit.Column.refunds.rawValue]
            for (position, category) in CostCategory.allCases.enumerated() { figures.categories[position] = decimals[ProductSplit.Column(category).rawValue] }
            let row = ProductSplit.Row(product: 0, figures: figures, units: decimals[ProductSplit.Column.units.rawValue])
            for metric in ProductMonthGrid.Metric.allCases {
                let coefficients = metric.coefficients
                let fromCents = metric.values(of: inCents, coefficients: coefficients), fromDecimals = metric.values(of: asDecimals, coefficients: coefficients)
                #expect(fromCents.count == 1 && fromCents.cents != nil, "\(metric) kept in cents")
                #expect(fromCents[0] == metric.value(of: row), "\(metric) from cents")
                #expect(fromDecimals.count == 1 && fromDecimals[0] == metric.value(of: row), "\(metric) from decimals")
            }
        }
    }
}
