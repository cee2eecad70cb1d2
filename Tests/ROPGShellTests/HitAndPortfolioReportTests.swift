import Testing
import ROPGDomain
import ROPGReports
@testable import ROPGStorage

/// The hit and portfolio reports called directly on the demo workspace (today fixed), with
/// figures worked out by hand (docs/DOMAIN.md §5).
@Suite struct HitAndPortfolioReportTests {
    static let today = Day(year: 2026, month: 3, day: 16)!

    static func demo() throws -> Workspace {
        try WorkspaceReader.load(path: TestSupport.repositoryRoot.appendingPathComponent("workspaces/demo.json").path)
    }

    static func context(_ workspace: Workspace) -> ReportContext { ReportContext(workspace: workspace, today: today) }

    static func day(_ month: Int, _ dayOfMonth: Int) -> Day { Day(year: 2026, month: month, day: dayOfMonth)! }

    static func money(_ text: String) -> ExactDecimal { try! NumberGrammar.amount(text) }

    /// TS-001 over 9 days: 2 test days at 20 units, a 3-day ramp to 200, 2 peak days, 2 hold days at 70%.
    static func shortSpec() -> HitPlanSpec {
        var spec = HitPlanSpec(sku: "TS-001", start: day(11, 1), cpc: money("0.5"), paidShares: Array(repeating: money("0.5"), count: 4))
        spec.phaseDays = [2, 3, 2, 2]
        spec.testUnits = ExactDecimal(20)
        spec.peakUnits = ExactDecimal(200)
        return spec
    }

    @Test func shortHitPlanTotalsAndPayback() throws {
        let report = try HitPlanReport.of(Self.shortSpec(), by: .day, in: Self.context(try Self.demo()))
        // Units 20, 20, then 20 + 180 × k ÷ 3 = 80, 140, 200, then 200, 200, then 70% × 200 = 140, 140.
        #expect(report.rows.map(\.figures.units) == [20, 20, 80, 140, 200, 200, 200, 140, 140].map { ExactDecimal($0) })
        #expect(report.rows.map(\.key) == (1...9).map { .day(Self.day(11, $0)) })
        #expect(report.dayCount == 9)
        let total = report.total
        #expect(total.units == ExactDecimal(1_140))
        #expect(total.orders == ExactDecimal(1_140))  // one unit an order
        // Visitors: ⌈units ÷ 3%⌉ = 667, 2,667, 4,667, 6,667; paid clicks: half of them, rounded half up.
        #expect(total.visitors == ExactDecimal(2 * 667 + 2_667 + 4_667 + 3 * 6_667 + 2 * 4_667))
        #expect(total.paidClicks == ExactDecimal(2 * 334 + 1_334 + 2_334 + 3 * 3_334 + 2 * 2_334))
        #expect(total.adSpend == Self.money("9503.00"))  // 19,006 clicks × 0.50
        #expect(total.revenue == Self.money("90060.00"))  // 1,140 × 79.00
        #expect(total.relatedRevenue == Self.money("27018.00"))  // 30% of the revenue
        let inputs = report.plan.inputs
        #expect(inputs.unitContribution.rounded() == Self.money("38.50"))
        let contribution = ExactDecimal(1_140) * inputs.unitContribution + Self.money("27018") * inputs.shopContributionMargin - Self.money("9503")
        #expect(total.contribution == contribution.rounded())
        #expect(report.rows.last?.cumulative == total.contribution)
        #expect(report.roi == report.plan.total.contribution.divided(by: Self.money("9503")))
        // Every day earns more than its ads: it pays back on day 1.
        #expect(report.paybackDay == Self.day(11, 1))
        #expect(report.paybackDayNumber == 1)
        // The biggest day's ads: 3,334 clicks × 0.50 on the ramp's last day (the first of the 200-unit days).
        #expect(report.peak?.day == Self.day(11, 5) && report.peak?.adSpend == Self.money("1667"))
        #expect(report.breakEvenCPC == UnitEconomics.valuePerVisitor(contribution: inputs.unitContribution, cvr: Self.money("0.03"), unitsPerOrder: .one))
        // 1,140 × 120% = 1,368 needed; the 1,200 on hand last the plan but not the safety margin.
        #expect(report.stockNeeded == ExactDecimal(1_368))
        #expect(report.stock == .lastsWithoutSafety)
        #expect(report.warnings.isEmpty)
    }

    @Test func shortHitPlanByWeekAndPhase() throws {
        let context = Self.context(try Self.demo())
        // 2026-11-01 is a Sunday: W44 has one test day, W45 the next seven, W46 the last hold day.
        let weeks = try HitPlanReport.of(Self.shortSpec(), by: .week, in: context)
        #expect(weeks.rows.map(\.key) == [44, 45, 46].map { .week(.week(isoYear: 2026, week: $0)) })
        #expect(weeks.rows.map(\.phases) == [[.test], [.test, .ramp, .peak, .hold], [.hold]])
        #expect(weeks.rows.map(\.figures.units) == [20, 980, 140].map { ExactDecimal($0) })
        let phases = try HitPlanReport.of(Self.shortSpec(), by: .phase, in: context)
        #expect(phases.rows.map(\.key) == HitPhase.allCases.map { .phase($0) })
        #expect(phases.rows.map(\.figures.units) == [40, 420, 400, 280].map { ExactDecimal($0) })
        // The same totals at every grain.
        let days = try HitPlanReport.of(Self.shortSpec(), by: .day, in: context)
        #expect(weeks.total == days.total)
        #expect(phases.total == days.total)
    }

    @Test func planThatNeverPaysBackAndRunsOutOfStock() throws {
        // SK-001 (5,000 on hand): clicks dearer than a visitor is worth and no related sales.
        var spec = HitPlanSpec(sku: "SK-001", start: Self.day(10, 1), cpc: Self.money("0.6"), paidShares: Array(repeating: Self.money("0.9"), count: 4))
        spec.phaseDays = [7, 7, 14, 0]
        spec.peakUnits = ExactDecimal(300)
        spec.related = .one
        let report = try HitPlanReport.of(spec, by: .phase, in: Self.context(try Self.demo()))
        // 7 × 10, then 51, 93, 134, 176, 217, 259, 300, then 14 × 300.
        #expect(report.rows.map(\.figures.units) == [70, 1_230, 4_200].map { ExactDecimal($0) })
        #expect(report.total.relatedRevenue == .zero)
        #expect(report.total.contribution.isNegative)
        #expect(report.paybackDay == nil)
        #expect(report.paybackDayNumber == nil)
        #expect(report.roi.map { $0.isNegative } == true)
        // 1,300 sold by the ramp's end; 300 a day pass 5,000 on the peak's 13th day, 2026-10-27.
        let breakEven = report.breakEvenCPC
        #expect(breakEven.rounded() == Self.money("0.19"))
        #expect(report.stock == .runsOut(day: Self.day(10, 27), reorderBy: Self.day(10, 12)))
        #expect(report.warnings == [.cpcAboveBreakEven(cpc: Self.money("0.6"), breakEven: breakEven),
                                    .stockRunsOut(day: Self.day(10, 27), reorderBy: Self.day(10, 12), beforeStart: false)])
        #expect(report.stockNeeded == ExactDecimal(6_600))  // 5,500 × 120%
    }

    @Test func adSpendGoalTheHitGoesOver() throws {
        var workspace = try Self.demo()
        let october = Period.month(year: 2026, month: 10)
        workspace.goals.append(Goal(period: october, metric: .adspend, value: Self.money("50000")))
        var spec = HitPlanSpec(sku: "TS-001", start: Self.day(10, 1), cpc: Self.money("0.9"), paidShares: Array(repeating: Self.money("0.8"), count: 4))
        spec.peakUnits = ExactDecimal(500)
        let report = try HitPlanReport.of(spec, by: .phase, in: Self.context(workspace))
        let spend = report.plan.figures(in: Self.day(10, 1)...Self.day(10, 31)).adSpend
        #expect(spend.rounded() == Self.money("213252.30"))
        #expect(report.warnings.last == .adSpendAboveGoal(period: october, spend: spend, goal: Self.money("50000")))
        // Stock: 1,200 on hand; 70 in the test, then 45, 80, 115, … a day: past 1,200 on 2026-10-15.
        #expect(report.warnings.first == .stockRunsOut(day: Self.day(10, 15), reorderBy: Self.day(9, 30), beforeStart: true))
    }

    @Test func unknownProductIsAReportError() throws {
        var spec = Self.shortSpec()
        spec.sku = "NOPE"
        #expect(throws: ReportError("no product {sku}; see product list", ["sku": "NOPE"])) {
            try HitPlanReport.of(spec, by: .day, in: Self.context(try Self.demo()))
        }
    }

    @Test func hitRankOrdersByValuePerVisitor() throws {
        let workspace = try Self.demo()
        let report = HitRankReport.of(in: Self.context(workspace))
        #expect(report.day == Self.today)
        #expect(report.unitsPerOrder == .one)
        #expect(report.candidates.map(\.sku) == ["DR-001", "HD-001", "JN-001", "SH-001", "PL-001", "TS-001", "TS-002", "CP-001", "SK-001"])
        for candidate in report.candidates {
            // The shop's CVR of 3% and one unit an order: a visitor is worth 3% of u, and a click may cost that.
            #expect(candidate.cvr == Self.money("0.03"))
            #expect(candidate.valuePerVisitor == candidate.unitContribution * Self.money("0.03"))
            #expect(candidate.breakEvenCPC == candidate.valuePerVisitor)
            #expect(candidate.ctr == nil && candidate.valuePerMille == nil)
            #expect(!candidate.ctrMeasured && !candidate.cvrMeasured)
        }
        let ts001 = try #require(report.candidates.first { $0.sku == "TS-001" })
        #expect(ts001.unitContribution.rounded() == Self.money("38.50"))
        #expect(ts001.valuePerVisitor?.rounded() == Self.money("1.15"))
        #expect(report.notes == [.shopCTRMissing])
    }

    @Test func hitRankWithMeasuredRates() throws {
        var workspace = try Self.demo()
        let ts001 = try #require(workspace.productIndex(sku: "TS-001")), sk001 = try #require(workspace.productIndex(sku: "SK-001"))
        workspace.products[ts001].ctr = Self.money("0.035")
        workspace.products[ts001].cvr = Self.money("0.042")
        let report = HitRankReport.of([sk001, ts001], on: Self.day(11, 1), in: Self.context(workspace))
        #expect(report.day == Self.day(11, 1))
        #expect(report.candidates.map(\.sku) == ["TS-001", "SK-001"])
        let first = report.candidates[0]
        #expect(first.ctrMeasured && first.cvrMeasured)
        let perVisitor = Self.money("0.042") * first.unitContribution
        #expect(first.valuePerVisitor == perVisitor)
        #expect(first.valuePerMille == perVisitor * Self.money("0.035") * 1000)
        // SK-001 has no CTR of its own and the shop has none.
        #expect(report.candidates[1].valuePerMille == nil)
        #expect(report.notes == [.shopCTRMissing])
    }

    @Test func portfolioOfTheDemoYear() throws {
        let report = try PortfolioReport.of(in: Self.context(try Self.demo()))
        #expect(report.period == .year(2026))
        #expect(report.day == Self.day(1, 1))
        #expect(report.rows.count == 9)
        // Best contribution first.
        #expect(report.rows.first?.sku == "DR-001")
        #expect(zip(report.rows, report.rows.dropFirst()).allSatisfy { $0.contribution >= $1.contribution })
        #expect(report.rows.reduce(ExactDecimal.zero) { $0 + $1.contribution } == report.totalContribution)
        // Nine products with no shares of their own: 1/9 of GMV each.
        #expect(report.rows.allSatisfy { $0.gmvShare.rounded(places: 4) == Self.money("0.1111") })
        // ABC: the first seven stay below 80% of the contribution before them (the 7th starts at 72.9%),
        // CP-001 starts at 83.8% (B) and SK-001 at 92.8% (B); nothing loses money, so no C.
        #expect(report.rows.map(\.abc) == [.A, .A, .A, .A, .A, .A, .A, .B, .B])
        #expect(report.classes.map(\.abc) == [.A, .B, .C])
        #expect(report.classes.map(\.products) == [7, 2, 0])
        #expect(report.classes.map(\.products).reduce(0, +) == report.rows.count)
        #expect(report.classes.reduce(ExactDecimal.zero) { $0 + $1.contribution } == report.totalContribution)
        #expect(report.classes[0].contribution.rounded() == Self.money("4971837.67"))
        #expect(report.classAShareOfProducts == ExactDecimal(7).divided(by: 9))
        // The matrix: all nine sell, so the medians are the fifth values; four lie above each median.
        let byVisitors = report.rows.map(\.visitorsShare).sorted(), byMargin = report.rows.compactMap(\.margin).sorted()
        #expect(report.visitorsShareMedian == byVisitors[4])
        #expect(report.marginMedian == byMargin[4])
        #expect(report.matrix.map(\.quadrant) == [.traffic, .star, .profit, .question])
        #expect(report.matrix.map(\.products) == [4, 0, 4, 1])
        #expect(report.matrix.map(\.products).reduce(0, +) == 9)
        #expect(report.matrix.reduce(ExactDecimal.zero) { $0 + $1.contribution } == report.totalContribution)
        let quadrants = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.sku, $0.quadrant) })
        #expect(quadrants["TS-001"] == .traffic && quadrants["SK-001"] == .traffic && quadrants["DR-001"] == .profit)
        #expect(quadrants["HD-001"] == .question)
        // Visitors shares add up to 1 (each rounded at the twelfth place).
        let visitors = report.rows.reduce(ExactDecimal.zero) { $0 + $1.visitorsShare }
        #expect((visitors - .one).rounded(places: 9) == .zero)
        // One role contradicted: the hit JN-001 sits in profit (little traffic).
        #expect(report.rows.filter { $0.flag != nil }.map(\.sku) == ["JN-001"])
        #expect(report.rows.first { $0.sku == "JN-001" }?.flag == .hitBringsLittleTraffic)
        #expect(report.flagged == 1)
        #expect(report.notes == [.rolesContradicted(1)])
    }

    @Test func portfolioWithoutPlannedSales() throws {
        let report = try PortfolioReport.of(.year(2030), in: Self.context(try Self.demo()))
        #expect(report.plannedGMV == .zero)
        #expect(report.totalContribution == .zero)
        #expect(report.rows.allSatisfy { $0.abc == .C && $0.quadrant == nil && $0.contributionShare == nil })
        #expect(report.classes.map(\.products) == [0, 0, 9])
        #expect(report.matrix.map(\.products) == [0, 0, 0, 0])
        #expect(report.visitorsShareMedian == nil && report.marginMedian == nil)
        #expect(report.notes == [.noPlannedSales])
    }

    /// With a saved hit plan, a product's GMV share in the portfolio is its part of the period's
    /// GMV in pnl by=product: one figure, whichever report shows it.
    @Test func portfolioSharesFollowSavedHitPlans() throws {
        var workspace = try Self.demo()
        let day = Day(isoText: "2026-10-15") ?? Day(number: 0)
        var spec = HitPlanSpec(sku: "JN-001", start: day, cpc: ExactDecimal(mantissa: 8, places: 1),
                               paidShares: Array(repeating: ExactDecimal(mantissa: 5, places: 1), count: 4))
        spec.peakUnits = ExactDecimal(300)
        workspace.hitPlans = [SavedHitPlan(name: "双11", spec: spec)]
        let context = Self.context(workspace)
        let november = try Period.parse("2026-11")
        let portfolio = try PortfolioReport.of(november, in: context)
        let split = try ProductSplit.pnl(try context.ledger(.plan, .accrual), november, allocation: .revenue)
        let total = split.rows.reduce(ExactDecimal.zero) { $0 + $1.figures.gmv }
        let jeans = try #require(workspace.productIndex(sku: "JN-001"))
        let row = try #require(portfolio.rows.first { $0.productIndex == jeans })
        let pnlShare = try #require(split.rows.first { $0.product == jeans }?.figures.gmv.divided(by: total))
        #expect(row.gmvShare.percentText() == pnlShare.percentText())
        #expect(row.gmvShare > ExactDecimal(mantissa: 8, places: 1), "the hit brings most of November")
    }
}
