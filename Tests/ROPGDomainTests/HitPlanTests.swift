import Testing
@testable import ROPGDomain

/// Hit-plan arithmetic (DOMAIN §5) against numbers worked out by hand.
@Suite struct HitPlanTests {
    func d(_ text: String) -> ExactDecimal { ExactDecimal(plainText: text) ?? ExactDecimal(-999_999) }
    let start = Day(year: 2026, month: 10, day: 1) ?? Day(number: 0)

    /// Price 100, u = 40, CVR 10%, one unit an order, no related sales unless asked.
    func inputs(stock: Int? = nil) -> HitPlanInputs {
        HitPlanInputs(price: d("100"), unitContribution: d("40"), cvr: d("0.1"), unitsPerOrder: .one, shopContributionMargin: d("0.5"), stock: stock)
    }

    @Test func unitsRampInAStraightLineAndHoldAtAShareOfThePeak() throws {
        var spec = HitPlanSpec(sku: "TS-001", start: start, cpc: d("0.9"), paidShares: Array(repeating: d("0.8"), count: 4))
        spec.phaseDays = [7, 14, 30, 30]
        spec.testUnits = d("10")
        spec.peakUnits = d("500")
        spec.holdLevel = d("0.7")
        let plan = try HitPlan(spec, inputs: inputs())
        let units = plan.days.map(\.figures.units)
        #expect(units.count == 81)
        #expect(units[0..<7].allSatisfy { $0 == d("10") })
        // 10 + 490 × i ÷ 14 = 10 + 35i: 45, 80, … 500 on the ramp's last day.
        #expect(Array(units[7..<21]) == (1...14).map { ExactDecimal(10 + 35 * $0) })
        #expect(units[21..<51].allSatisfy { $0 == d("500") })
        #expect(units[51...].allSatisfy { $0 == d("350") })
        #expect(plan.total.units == d("29385"))  // 70 + 3,815 + 15,000 + 10,500
        #expect(plan.days(in: .ramp).first?.day == Day(year: 2026, month: 10, day: 8))
        #expect(plan.spec.lastDay == Day(year: 2026, month: 12, day: 20))
    }

    @Test func visitorsRoundUpAndPaidClicksRoundHalfUp() throws {
        var spec = HitPlanSpec(sku: "TS-001", start: start, cpc: d("0.5"), paidShares: Array(repeating: d("0.5"), count: 4))
        spec.phaseDays = [1, 0, 0, 0]
        spec.testUnits = d("20")
        let plan = try HitPlan(spec, inputs: HitPlanInputs(price: d("79"), unitContribution: d("38.5"), cvr: d("0.03"), unitsPerOrder: .one,
                                                          shopContributionMargin: d("0.5"), stock: nil))
        let day = try #require(plan.days.first).figures
        #expect(day.visitors == d("667"))  // 20 ÷ 3% = 666.67, rounded up
        #expect(day.paidClicks == d("334"))  // 333.5, half up
        #expect(day.adSpend == d("167"))
        #expect(day.revenue == d("1580"))
        #expect(day.relatedRevenue == d("474"))  // × (1.3 − 1)
        #expect(day.contribution == d("840"))  // 20 × 38.5 + 474 × 50% − 167
    }

    /// Three test days buy every visitor at 5 a click and lose 100 a day; the peak buys none and
    /// earns 400 a day: the cumulative is −100, −200, −300, then +100 on day 4.
    @Test func paybackIsTheFirstDayBackAtOrAboveZero() throws {
        var spec = HitPlanSpec(sku: "X", start: start, cpc: d("5"), paidShares: [.one, .zero, .zero, .zero])
        spec.phaseDays = [3, 0, 2, 0]
        spec.testUnits = d("10")
        spec.peakUnits = d("10")
        spec.related = .one
        let plan = try HitPlan(spec, inputs: inputs())
        #expect(plan.days.map(\.cumulative) == [d("-100"), d("-200"), d("-300"), d("100"), d("500")])
        #expect(plan.paybackDay == start.advanced(by: 3))
        #expect(plan.roi == d("0.333333333333"))  // 500 ÷ 1,500
        #expect(plan.peakDailyAdSpend == d("500"))

        spec.paidShares = Array(repeating: .one, count: 4)
        let losing = try HitPlan(spec, inputs: inputs())
        #expect(losing.days.last?.cumulative == d("-500"))
        #expect(losing.paybackDay == nil)

        spec.paidShares = Array(repeating: .zero, count: 4)
        #expect(try HitPlan(spec, inputs: inputs()).paybackDay == start)  // never below zero: from the first day
    }

    /// 10 units a day against 25 on hand: 10, 20, 30 sold, so it runs out on day 3; with a
    /// 2-day lead time the reorder is due on day 1. Needed: 50 × 120% = 60.
    @Test func stockRunsOutAndTheReorderDayComesLeadTimeBefore() throws {
        var spec = HitPlanSpec(sku: "X", start: start, cpc: d("1"), paidShares: Array(repeating: d("0.5"), count: 4))
        spec.phaseDays = [5, 0, 0, 0]
        spec.testUnits = d("10")
        spec.leadTime = 2
        let plan = try HitPlan(spec, inputs: inputs(stock: 25))
        #expect(plan.stockOutDay == start.advanced(by: 2))
        #expect(plan.reorderDay == start)
        #expect(plan.stockNeeded == d("60"))
        #expect(try HitPlan(spec, inputs: inputs(stock: 50)).stockOutDay == nil)  // exactly enough lasts
        #expect(try HitPlan(spec, inputs: inputs()).stockOutDay == nil)  // unknown stock
        spec.safety = d("0.25")
        #expect(try HitPlan(spec, inputs: inputs()).stockNeeded == d("63"))  // 62.5, rounded up
    }

    @Test func aPlanNeedsDaysAndAConversionRate() {
        var spec = HitPlanSpec(sku: "X", start: start, cpc: d("1"), paidShares: Array(repeating: d("0.5"), count: 4))
        spec.phaseDays = [0, 0, 0, 0]
        #expect(throws: HitPlan.Failure.self) { try HitPlan(spec, inputs: inputs()) }
        spec.phaseDays = [1, 0, 0, 0]
        var noCVR = inputs()
        noCVR.cvr = .zero
        #expect(throws: HitPlan.Failure.self) { try HitPlan(spec, inputs: noCVR) }
    }
}
