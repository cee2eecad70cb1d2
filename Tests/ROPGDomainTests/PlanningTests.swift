import Testing
import ROPGText
@testable import ROPGDomain

func dec(_ text: String) -> ExactDecimal { ExactDecimal(plainText: text) ?? ExactDecimal(-999_999) }
func day(_ text: String) -> Day { Day(isoText: text) ?? Day(number: 0) }

@Suite struct AllocationTests {
    @Test func domainExampleByCalendarDays() throws {
        let weights = (1...12).map { ExactDecimal(Day.daysIn(year: 2026, month: $0)) }
        let months = try Allocation.largestRemainder(dec("12000000"), weights: weights, step: dec("0.01"))
        #expect(months.map { $0.formatted() } == [
            "1,019,178.09", "920,547.95", "1,019,178.08", "986,301.37", "1,019,178.08", "986,301.37",
            "1,019,178.08", "1,019,178.08", "986,301.37", "1,019,178.08", "986,301.37", "1,019,178.08",
        ])
        #expect(months.reduce(.zero, +) == dec("12000000"))
    }

    @Test func tiesGoToTheEarlierPart() throws {
        #expect(try Allocation.largestRemainder(dec("1"), weights: [.one, .one, .one], step: dec("0.01")) == [dec("0.34"), dec("0.33"), dec("0.33")])
        #expect(try Allocation.largestRemainder(dec("2"), weights: [.one, .one, .one], step: .one) == [.one, .one, .zero])
    }

    @Test func refusesWhatCannotBeShared() {
        #expect(throws: Allocation.Failure.self) { try Allocation.largestRemainder(dec("1"), weights: [.zero, .zero], step: .one) }
        #expect(throws: Allocation.Failure.self) { try Allocation.largestRemainder(dec("1.005"), weights: [.one], step: dec("0.01")) }
        #expect(throws: Allocation.Failure.self) { try Allocation.largestRemainder(dec("1"), weights: [dec("-1"), .one], step: .one) }
    }

    /// Property: for random totals and weights the parts always add up exactly, each part is
    /// within one step of its exact share, and parts are whole steps.
    @Test func partsAlwaysAddUpExactly() throws {
        var random = SplitMix(seed: 42)
        for _ in 0..<2_000 {
            let count = 1 + random.next(40)
            let weights = (0..<count).map { _ in ExactDecimal(mantissa: Int128(random.next(100_000)), places: random.next(4)) }
            guard weights.contains(where: { !$0.isZero }) else { continue }
            let money = random.next(2) == 0
            let step = money ? dec("0.01") : .one
            let total = ExactDecimal(mantissa: Int128(random.next(1_000_000_000)), places: money ? 2 : 0)
            let parts = try Allocation.largestRemainder(total, weights: weights, step: step)
            #expect(parts.reduce(.zero, +) == total)
            let weightSum = weights.reduce(.zero, +)
            for (part, weight) in zip(parts, weights) {
                let exact = (total * weight).divided(by: weightSum) ?? .zero
                #expect((part - exact).magnitude < step + dec("0.000001"))
                #expect(part.units % step.units == 0)
            }
        }
    }
}

/// A small deterministic random generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

@Suite struct GoalPlanTests {
    func workspace(_ goals: [(String, GoalMetric, String)], splits: [GoalSplit] = []) throws -> Workspace {
        var workspace = Workspace(name: "t")
        workspace.goals = try goals.map { Goal(period: try Period.parse($0.0), metric: $0.1, value: dec($0.2)) }
        workspace.splits = splits
        return workspace
    }

    @Test func aYearSpreadsToMonthsThenDays() throws {
        let plan = try GoalPlan(try workspace([("2026", .gmv, "12000000")]), metric: .gmv)
        #expect(plan.value(of: .month(year: 2026, month: 1)) == dec("1019178.09"))
        #expect(plan.value(of: .month(year: 2026, month: 2)) == dec("920547.95"))
        #expect(plan.value(of: .year(2026)) == dec("12000000"))
        #expect(plan.days.count == 365)
        // January's 1,019,178.09 over 31 days: 32,876.71 each, the first 20 a cent more.
        #expect(plan.days[day("2026-01-01")] == dec("32876.72"))
        #expect(plan.days[day("2026-01-31")] == dec("32876.71"))
    }

    @Test func aPinnedMonthKeepsItsValueAndTheRestReSpreads() throws {
        let plan = try GoalPlan(try workspace([("2026", .gmv, "12000000"), ("2026-11", .gmv, "3000000")]), metric: .gmv)
        #expect(plan.value(of: .month(year: 2026, month: 11)) == dec("3000000"))
        // 9,000,000 over the other 335 days: January gets 9,000,000 × 31/335.
        #expect(plan.value(of: .month(year: 2026, month: 1)) == dec("832835.82"))
        #expect(plan.value(of: .year(2026)) == dec("12000000"))
        #expect(plan.isPinned(.month(year: 2026, month: 11)))
    }

    @Test func pinsThatExceedTheParentNameTheNumbers() throws {
        let goals = try workspace([("2026", .gmv, "12000000"), ("2026-11", .gmv, "13000000")])
        do throws(GoalPlan.Failure) {
            _ = try GoalPlan(goals, metric: .gmv)
            Issue.record("pins past the parent's goal were taken")
        } catch {
            #expect(error.message.phrased == "the pinned goals inside 2026 add up to 13,000,000.00, more than its gmv goal 12,000,000.00 (2026-11 13,000,000.00)")
            #expect(Interface.$language.withValue(.zh) { error.message.phrased } == "2026 内固定的目标合计 13,000,000.00，超过了它的 gmv 目标 12,000,000.00（2026-11 13,000,000.00）")
        }
        #expect(throws: GoalPlan.Failure.self) {
            try GoalPlan(try workspace([("2026-11", .uv, "1000"), ("2026-W45", .uv, "2000")]), metric: .uv)
        }
    }

    @Test func aWeekAcrossTwoMonthsPinsItsDaysAndTheMonthsReSpreadAroundThem() throws {
        // 2026-W44 is 2026-10-26..2026-11-01: six days in October, one in November. The pinned
        // days are fixed parts of their months; the year's other 2,950,000 goes over its other
        // 358 days, so October and November grow and every other month shrinks.
        let plan = try GoalPlan(try workspace([("2026", .gmv, "3650000"), ("2026-W44", .gmv, "700000")]), metric: .gmv)
        #expect(plan.value(of: try Period.parse("2026-W44")) == dec("700000"))
        for text in ["2026-10-26", "2026-10-31", "2026-11-01"] { #expect(plan.days[day(text)] == dec("100000")) }
        #expect(plan.value(of: .year(2026)) == dec("3650000"))
        let perDay = dec("2950000").divided(by: 358) ?? .zero  // 8,240.2234…
        let october = try #require(plan.value(of: .month(year: 2026, month: 10)))
        #expect((october - (dec("600000") + perDay * 25)).magnitude < dec("0.05"))
        let january = try #require(plan.value(of: .month(year: 2026, month: 1)))
        #expect((january - perDay * 31).magnitude < dec("0.05"))
        // Pins inside a pinned month cannot exceed it: that is the error that names the numbers.
        #expect(throws: GoalPlan.Failure.self) {
            try GoalPlan(try workspace([("2026-10", .gmv, "500000"), ("2026-W44", .gmv, "700000")]), metric: .gmv)
        }
    }

    @Test func aLossCanBePlannedAndSpread() throws {
        let plan = try GoalPlan(try workspace([("2026", .profit, "-120000"), ("2026-12", .profit, "30000")]), metric: .profit)
        #expect(plan.value(of: .year(2026)) == dec("-120000"))
        #expect(plan.value(of: .month(year: 2026, month: 12)) == dec("30000"))
        #expect(plan.value(of: .month(year: 2026, month: 1)).map { $0.isNegative } == true)
    }

    @Test func countsAreWholeUnits() throws {
        let plan = try GoalPlan(try workspace([("2026-02", .uv, "1000")]), metric: .uv)
        #expect(plan.days.values.allSatisfy { $0.exactInt != nil })
        #expect(plan.value(of: .month(year: 2026, month: 2)) == dec("1000"))
        #expect(plan.days[day("2026-02-01")] == dec("36"))   // 1000 / 28 = 35.7: the first 20 days get 36
        #expect(plan.days[day("2026-02-28")] == dec("35"))
    }

    @Test func profilesWeightMonthsWeekdaysAndEvents() throws {
        var workspace = try workspace([("2026-11", .gmv, "3000000")],
                                      splits: [GoalSplit(period: .month(year: 2026, month: 11), grain: .day, method: .profile("p"))])
        var profile = Profile(name: "p")
        profile.events[day("2026-11-11")] = ExactDecimal(6)
        workspace.profiles = [profile]
        let plan = try GoalPlan(workspace, metric: .gmv)
        // 30 days, one counting six: 35 shares of 85,714.2857…
        #expect(plan.days[day("2026-11-11")] == dec("514285.71"))
        #expect(plan.days[day("2026-11-01")] == dec("85714.29"))
        #expect(plan.value(of: .month(year: 2026, month: 11)) == dec("3000000"))
    }

    @Test func aPinnedQuarterIsKeptWhenTheYearSplitsStraightToDays() throws {
        let plan = try GoalPlan(try workspace([("2026", .gmv, "10000000"), ("2026-Q4", .gmv, "4000000")],
                                              splits: [GoalSplit(period: .year(2026), grain: .day, method: .even)]), metric: .gmv)
        #expect(plan.value(of: .quarter(year: 2026, quarter: 4)) == dec("4000000"))
        #expect(plan.value(of: .year(2026)) == dec("10000000"))
        // Evenly over the first three quarters' 273 days, to within the cent the rounding moves.
        let first = plan.days[day("2026-01-01")] ?? .zero, last = plan.days[day("2026-09-30")] ?? .zero
        #expect((first - last).magnitude <= dec("0.01"))
        #expect(plan.days[day("2026-10-01")] == dec("43478.27"))  // 4,000,000 / 92 days
    }

    @Test func priorNeedsLastYearsActuals() throws {
        var workspace = try workspace([("2026-Q1", .gmv, "300")], splits: [GoalSplit(period: .quarter(year: 2026, quarter: 1), grain: .month, method: .prior)])
        #expect(throws: GoalPlan.Failure.self) { try GoalPlan(workspace, metric: .gmv) }
        workspace.actuals = [Actual(day: day("2025-01-15"), values: [.gmv: dec("10")]), Actual(day: day("2025-02-15"), values: [.gmv: dec("20")]),
                             Actual(day: day("2025-03-15"), values: [.gmv: dec("30")])]
        let plan = try GoalPlan(workspace, metric: .gmv)
        #expect(plan.value(of: .month(year: 2026, month: 3)) == dec("150"))
    }

    /// Property: random yearly goals with random pinned months always spread to days that add up
    /// exactly to the year, keep every pin, and are whole cents.
    @Test func randomPinsAlwaysAddUp() throws {
        var random = SplitMix(seed: 7)
        for _ in 0..<150 {
            let year = ExactDecimal(mantissa: Int128(10_000_000 + random.next(900_000_000)), places: 2)
            var goals: [(String, GoalMetric, String)] = [("2026", .gmv, year.description)]
            var pinned = ExactDecimal.zero
            for month in 1...12 where random.next(4) == 0 {
                let value = ExactDecimal(mantissa: Int128(random.next(1_000_000)), places: 2)
                if pinned + value < year {
                    pinned += value
                    goals.append(("2026-\(month < 10 ? "0" : "")\(month)", .gmv, value.description))
                }
            }
            let methods: [SplitMethod] = [.days, .even, .weights((1...12).map { _ in ExactDecimal(1 + random.next(9)) })]
            let split = GoalSplit(period: .year(2026), grain: .month, method: methods[random.next(3)])
            let plan = try GoalPlan(try workspace(goals, splits: [split]), metric: .gmv)
            #expect(plan.value(of: .year(2026)) == year)
            for goal in goals.dropFirst() { #expect(plan.value(of: try Period.parse(goal.0)) == dec(goal.2)) }
            #expect(plan.days.values.allSatisfy { $0.rounded() == $0 })
        }
    }
}

@Suite struct DriversTests {
    @Test func domainExampleNeeds277778Visitors() throws {
        var workspace = Workspace(name: "t")
        workspace.goals = [Goal(period: .month(year: 2026, month: 6), metric: .gmv, value: dec("1000000"))]
        var settings = Settings()
        settings[.aov] = dec("120")
        settings[.cvr] = dec("0.03")
        settings[.paidShare] = dec("0.5")
        settings[.cpc] = dec("0.8")
        let plan = try GoalPlan(workspace, metric: .gmv)
        let figures = try #require(try Drivers.figures(for: .month(year: 2026, month: 6), gmv: plan, settings: settings))
        #expect(figures.visitors == dec("277778"))
        #expect(figures.orders == dec("8334"))
        #expect(figures.paidClicks == dec("138889"))
        #expect(figures.adSpend == dec("111111.20"))
        // Without a paid share, one natural visitor per paid one: half the visitors are paid.
        settings[.paidShare] = nil
        let natural = try #require(try Drivers.figures(for: .month(year: 2026, month: 6), gmv: plan, settings: settings))
        #expect(natural.paidClicks == dec("138889"))
        // An override on one day changes that day only.
        settings.overrides = [AssumptionOverride(period: .day(day("2026-06-18")), assumption: .cvr, value: dec("0.06"))]
        let event = try #require(try Drivers.figures(for: .day(day("2026-06-18")), gmv: plan, settings: settings))
        #expect(event.visitors == dec("4630"))  // 33,333.33 / 120 / 6%
        #expect(event.assumptionsVary == false)
        let contradictions = Drivers.contradictions(in: .month(year: 2026, month: 6), figures: figures,
                                                    goals: [Goal(period: .month(year: 2026, month: 6), metric: .uv, value: dec("200000"))])
        #expect(contradictions.count == 1)
        #expect(contradictions.first?.needed == dec("277778") && contradictions.first?.goal == dec("200000"))
        #expect(contradictions.first?.relative.rounded(places: 3) == dec("-0.280"))
    }
}

@Suite struct DailyCheckTests {
    @Test func runRateIsWhatEachRemainingDayNeeds() throws {
        var workspace = Workspace(name: "t")
        workspace.goals = [Goal(period: .month(year: 2026, month: 4), metric: .gmv, value: dec("30000"))]  // 1,000 a day
        let plan = try GoalPlan(workspace, metric: .gmv)
        let actuals = (1...10).map { Actual(day: day("2026-04-\($0 < 10 ? "0" : "")\($0)"), values: [.gmv: dec("800")]) }
        let lines = DailyCheck.lines(on: day("2026-04-10"), plans: [plan], actuals: actuals)
        let month = try #require(lines.first { $0.scope == .monthToDate })
        #expect(month.goalToDate == dec("10000"))
        #expect(month.actualToDate == dec("8000"))
        #expect(month.achievement == dec("0.8"))
        #expect(month.gap == dec("-2000"))
        #expect(month.remainingDays == 20)
        #expect(month.neededPerDay == dec("1100"))  // (30,000 − 8,000) / 20
        #expect(!month.onTarget)
        // No quarter or year goal covers every day: those lines are left out.
        #expect(lines.map(\.scope) == [.day, .monthToDate])
    }

    @Test func healthThresholds() {
        let lines = DailyCheck.health(of: Actual(day: day("2026-04-10"), bounceRate: dec("0.65"), visitDepth: dec("3.6"), inquiryConversion: dec("0.45")))
        #expect(lines.map(\.verdict) == [.pass, .good, .fail])
        #expect(lines.map(\.figure) == [.bounceRate, .visitDepth, .inquiryConversion])
        #expect(lines.map(\.pass) == [dec("0.7"), dec("2.5"), dec("0.5")] && lines.map(\.good) == [dec("0.6"), dec("3.5"), nil])
        // The edges: bounce passes strictly below 70%, depth is good from 3.5 on.
        let edges = DailyCheck.health(of: Actual(day: day("2026-04-10"), bounceRate: dec("0.7"), visitDepth: dec("3.5"), inquiryConversion: dec("0.5")))
        #expect(edges.map(\.verdict) == [.fail, .good, .pass])
    }
}

@Suite struct GapDecompositionTests {
    typealias Figures = (visitors: ExactDecimal, orders: ExactDecimal, gmv: ExactDecimal)
    let plan: Figures = (dec("5000"), dec("100"), dec("10000"))

    func split(_ actual: Figures, _ plan: Figures? = nil) throws -> GapDecomposition {
        try #require(GapDecomposition(plan: plan ?? self.plan, actual: actual))
    }

    @Test func mostlyTraffic() throws {
        // 4,000 visitors at 2.1% and 100: traffic −1,000 × (2 + 2.1) ÷ 2, conversion 0.1% × 100 × 4,500.
        let gap = try split((dec("4000"), dec("84"), dec("8400")))
        #expect(gap.gap == dec("-1600"))
        #expect(gap.traffic == dec("-2050") && gap.conversion == dec("450") && gap.orderValue == .zero)
        #expect(gap.mainCause == .traffic)
    }

    @Test func mostlyConversion() throws {
        let gap = try split((dec("5200"), dec("78"), dec("7800")))
        #expect(gap.traffic == dec("350") && gap.conversion == dec("-2550") && gap.orderValue == .zero)
        #expect(gap.mainCause == .conversion)
    }

    @Test func mostlyOrderValue() throws {
        let gap = try split((dec("5000"), dec("102"), dec("8160")))
        #expect(gap.traffic == .zero && gap.conversion == dec("180") && gap.orderValue == dec("-2020"))
        #expect(gap.mainCause == .orderValue)
    }

    @Test func partsAddUpExactlyAndAgreeWithTheFormula() throws {
        // 15,000 → 14,200 visitors, 300 → 264 orders, 30,000 → 24,360: Python fractions give
        // −1,484.7460520699…, −1,977.6141698676…, −2,177.6397780623…
        let gap = try split((dec("14200"), dec("264"), dec("24360")), (dec("15000"), dec("300"), dec("30000")))
        #expect(gap.traffic + gap.conversion + gap.orderValue == dec("-5640"))
        #expect(gap.traffic.rounded(places: 6) == dec("-1484.746052"))
        #expect(gap.conversion.rounded(places: 6) == dec("-1977.614170"))
        #expect(gap.orderValue.rounded(places: 6) == dec("-2177.639778"))
        #expect(gap.mainCause == .orderValue)
    }

    @Test func ahead() throws {
        let gap = try split((dec("6000"), dec("120"), dec("12000")))
        #expect(gap.traffic == dec("2000") && gap.conversion == .zero && gap.orderValue == .zero && gap.mainCause == .traffic)
    }

    @Test func nothingSoldFallsToTrafficAndConversion() throws {
        // No orders: the order value cannot be compared and is taken as planned.
        let gap = try split((dec("3000"), .zero, .zero))
        #expect(gap.orderValue == .zero && gap.traffic + gap.conversion == dec("-10000"))
        let none = try split((.zero, .zero, .zero))
        #expect(none.traffic == dec("-10000") && none.conversion == .zero && none.mainCause == .traffic)
        #expect(GapDecomposition(plan: (.zero, .zero, .zero), actual: (dec("1"), dec("1"), dec("1"))) == nil)
    }
}
