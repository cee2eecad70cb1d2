import Testing
import ROPGDomain
import ROPGReports
@testable import ROPGStorage

/// The month × product grid is a typed report (docs/DOMAIN.md §11.2–§11.3): its cells are each
/// month's product split, its month totals the ledger's months, its product totals
/// `ProductSplit.pnl`'s, and capping with top= keeps the totals whole.
@Suite struct ProductMonthGridTests {
    static func workspaceWithAHit() throws -> Workspace {
        var workspace = try HitAndPortfolioReportTests.demo()
        let start = Day(isoText: "2026-10-15") ?? Day(number: 0)
        var spec = HitPlanSpec(sku: "JN-001", start: start, cpc: ExactDecimal(mantissa: 8, places: 1),
                               paidShares: Array(repeating: ExactDecimal(mantissa: 5, places: 1), count: 4))
        spec.peakUnits = ExactDecimal(300)
        workspace.hitPlans = [SavedHitPlan(name: "双11", spec: spec)]
        return workspace
    }

    @Test(arguments: ProductMonthGrid.Metric.allCases.filter { $0 != .units })
    func cellsAndTotalsAreTheOneDimensionReports(_ metric: ProductMonthGrid.Metric) throws {
        let ledger = try HitAndPortfolioReportTests.context(try Self.workspaceWithAHit()).ledger(.plan, .accrual)
        let year = try Period.parse("2026")
        let grid = try ProductMonthGrid(ledger, year, metric: metric, allocation: .revenue, top: 3)
        #expect(grid.months.count == 12)
        #expect(grid.lines.count == 3)
        let rest = try #require(grid.rest)
        #expect(grid.lines.count + rest.count == grid.ownerCount)
        let split = try ProductSplit.pnl(ledger, year, allocation: .revenue)
        #expect(grid.ownerCount == split.rows.count)
        for line in grid.lines {
            let row = try #require(split.rows.first { $0.product == line.product })
            #expect(line.total == metric.value(of: row), "\(metric) \(line.product ?? -1): the year's product figure")
        }
        for (position, month) in grid.months.enumerated() {
            let shown = try ledger.figures(month)
            let want = ProductMonthGrid.Metric(key: metric.rawValue).map { m -> ExactDecimal in
                switch m {
                case .gmv: return shown.gmv
                case .refunds: return shown.refunds
                case .net_revenue: return shown.netRevenue
                case .total_cost: return shown.totalCost
                case .profit: return shown.profit
                default: return shown.categories[CostCategory.allCases.firstIndex { $0.rawValue == m.rawValue } ?? 0]
                }
            }
            #expect(grid.monthTotals[position] == want, "\(metric) \(month.text): the month's figure")
            let column = grid.lines.reduce(rest.line.values[position]) { $0 + $1.values[position] }
            #expect(column == grid.monthTotals[position], "\(metric) \(month.text): the lines add up to the month")
        }
        // The largest first.
        let magnitudes = grid.lines.map(\.total.magnitude)
        #expect(magnitudes == magnitudes.sorted(by: >))
    }

    /// metric=units: each product's net units in each month, from the sales its goods follow
    /// (net revenue ÷ price): whole units, each month's total rounded and shared out by the
    /// largest remainder, so a cell is within a unit of the exact figure and the month adds up.
    @Test func unitsAreTheSalesNetUnits() throws {
        let workspace = try Self.workspaceWithAHit()
        let ledger = try HitAndPortfolioReportTests.context(workspace).ledger(.plan, .accrual)
        let year = try Period.parse("2026")
        let grid = try ProductMonthGrid(ledger, year, metric: .units, allocation: .revenue, top: 1000)
        #expect(grid.rest == nil)
        var checked = 0
        for (position, month) in grid.months.enumerated() {
            let sales = try ledger.book(month, byProduct: true).sales
            let exact = sales.products.reduce(ExactDecimal.zero) { $0 + $1.units }
            #expect(grid.monthTotals[position] == exact.rounded(places: 0), "\(month.text): the month's net units, rounded")
            #expect(grid.lines.reduce(ExactDecimal.zero) { $0 + $1.values[position] } == grid.monthTotals[position])
            for product in sales.products {
                let line = try #require(grid.lines.first { $0.product == product.index })
                let cell = line.values[position]
                #expect((cell - product.units).magnitude < .one, "\(month.text) \(workspace.products[product.index].sku): \(cell) against \(product.units)")
                #expect(cell == cell.rounded(places: 0), "whole units")
                // Net units are net revenue at the product's price.
                let price = workspace.products[product.index].price
                if product.netRevenue > .zero, let atPrice = product.netRevenue.divided(by: price) {
                    #expect((cell - atPrice).magnitude < ExactDecimal(2), "\(month.text): units follow net revenue ÷ price")
                }
                checked += 1
            }
        }
        #expect(checked > 12, "products sell in the year")
    }
}
