import ROPGDomain
@testable import ROPGReports
import ROPGStorage
import Testing

func dec(_ text: String) -> ExactDecimal { ExactDecimal(plainText: text) ?? ExactDecimal(-999_999) }
func day(_ text: String) -> Day { Day(isoText: text) ?? Day(number: 0) }

/// The shipped demo workspace (workspaces/demo.json): 12,000,000 of GMV for 2026 split to months
/// by the profile 电商, AOV 120, CVR 3%, paid share 50%, CPC 0.80, no hit plans, no actuals.
func demo() throws -> Workspace {
    // This file is Tests/ROPGReportsTests/GoalReportsTests.swift.
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return try WorkspaceReader.load(path: parts.joined(separator: "/") + "/workspaces/demo.json")
}

/// A context with a fixed today, as scripts and transcripts have (ROPG_TODAY=2026-03-16).
func context(_ workspace: Workspace) -> ReportContext { ReportContext(workspace: workspace, today: day("2026-03-16")) }

func sum(_ values: [ExactDecimal]) -> ExactDecimal { values.reduce(.zero, +) }

@Suite struct GoalShowReportTests {
    @Test func theMonthsOfTheYearAddUpToTheYearGoal() throws {
        let report = try GoalShowReport.of(context(try demo()), period: .year(2026), grain: .month, metrics: nil)
        #expect(report.metrics == [.gmv])
        #expect(report.rows.map(\.period) == Period.children(of: .year(2026), grain: .month))
        let months = report.rows.compactMap { report.value(.gmv, in: $0) }
        #expect(months.count == 12)
        #expect(sum(months) == dec("12000000"))
        #expect(report.value(.gmv, in: report.total) == dec("12000000"))
        // The year is the goal set by hand; the months are spread by the profile.
        #expect(report.total.pinned == [.gmv])
        #expect(report.rows.allSatisfy { $0.pinned.isEmpty })
        #expect(report.split?.grain == .month)
        // No saved hit plans: no coverage.
        #expect(report.total.hits == nil && report.hitPlans.isEmpty)
        #expect(!report.anyClipped && !report.anyBlank && !report.anyBeyond)
    }

    @Test func weeksRunningPastTheYearAreClipped() throws {
        let report = try GoalShowReport.of(context(try demo()), period: .year(2026), grain: .week, metrics: [.gmv, .uv])
        #expect(report.anyClipped)
        let last = try #require(report.rows.last)
        #expect(last.shown.lastDay == day("2026-12-31"))
        #expect(sum(report.rows.compactMap { report.value(.gmv, in: $0) }) == dec("12000000"))
        // No visitor goal: blank.
        #expect(report.anyBlank && report.value(.uv, in: report.total) == nil)
    }

    @Test func aPinnedMonthKeepsItsValue() throws {
        var workspace = try demo()
        workspace.goals.append(Goal(period: .month(year: 2026, month: 9), metric: .gmv, value: dec("1000000")))
        let report = try GoalShowReport.of(context(workspace), period: .year(2026), grain: .month, metrics: nil)
        let september = try #require(report.rows.first { $0.period == .month(year: 2026, month: 9) })
        #expect(september.pinned == [.gmv] && report.value(.gmv, in: september) == dec("1000000"))
        #expect(sum(report.rows.compactMap { report.value(.gmv, in: $0) }) == dec("12000000"))
    }

    /// DOMAIN §9.5: with a saved hit plan, hit plans (inside the goal) + rest of shop = the GMV
    /// goal in every row and the total; the hits past the goal are the excess pnl counts.
    @Test func hitPlansAndTheRestOfTheShopMakeTheGoal() throws {
        var workspace = try demo()
        var spec = HitPlanSpec(sku: "JN-001", start: day("2026-10-15"), cpc: dec("0.8"), paidShares: Array(repeating: dec("0.5"), count: 4))
        spec.peakUnits = dec("300")
        workspace.hitPlans = [SavedHitPlan(name: "双11", spec: spec)]
        let context = context(workspace)
        for (period, grain) in [(Period.quarter(year: 2026, quarter: 4), PeriodGrain.month), (.month(year: 2026, month: 11), .week),
                                (.month(year: 2026, month: 11), .day), (.year(2026), .quarter)] {
            let report = try GoalShowReport.of(context, period: period, grain: grain, metrics: nil)
            #expect(report.hitPlans == ["双11"])
            for row in report.rows + [report.total] {
                let hits = try #require(row.hits)
                let goal = try #require(report.value(.gmv, in: row))
                #expect(hits.inside + hits.rest == goal, "\(row.shown.text)")
                #expect(hits.coverage == hits.inside.divided(by: goal))
                #expect(!hits.beyond.isNegative)
            }
            let total = try #require(report.total.hits)
            #expect(sum(report.rows.compactMap { $0.hits?.inside }) == total.inside)
            #expect(sum(report.rows.compactMap { $0.hits?.beyond }) == total.beyond)
            // plan GMV = goal + exceeded, the figure pnl shows.
            let gmv = try context.ledger(.plan, .accrual).figures(period).gmv
            #expect(gmv == (report.value(.gmv, in: report.total) ?? .zero) + total.beyond)
        }
        // 300 a day at 199.00 is past November's days' goals: the excess is said.
        let november = try GoalShowReport.of(context, period: .month(year: 2026, month: 11), grain: .day, metrics: nil)
        #expect(november.anyBeyond)
    }

    @Test func noGoalsTouchingThePeriod() throws {
        #expect(throws: GoalReportError.noGoals(touching: .year(2027))) {
            try GoalShowReport.of(context(try demo()), period: .year(2027), grain: .month, metrics: nil)
        }
    }

    @Test func tooManyRows() throws {
        let period = Period.range(from: .year(2000), to: .year(2030))
        let error = #expect(throws: GoalReportError.self) {
            try GoalShowReport.of(context(try demo()), period: period, grain: .day, metrics: [.gmv])
        }
        guard case .tooManyRows(let rows) = error else {
            Issue.record("expected too many rows, got \(String(describing: error))")
            return
        }
        #expect(rows.period == period && rows.grain == .day && rows.estimate == period.dayCount && rows.estimate > PeriodRows.limit)
    }
}

@Suite struct GoalTreeReportTests {
    @Test func theYearTreeGoesDownToMonths() throws {
        let report = try GoalTreeReport.of(context(try demo()), period: .year(2026), metrics: nil)
        // The year, four quarters, twelve months: a month below the root stops there.
        #expect(report.nodes.count == 17)
        #expect(report.nodes[0].period == .year(2026) && report.nodes[0].depth == 0 && report.nodes[0].pinned == [.gmv])
        #expect(report.nodes[0].split?.grain == .month)
        let quarters = report.nodes.filter { $0.depth == 1 }
        #expect(quarters.map(\.period) == Period.children(of: .year(2026), grain: .quarter))
        #expect(sum(quarters.compactMap { $0.values[0] }) == dec("12000000"))
        #expect(sum(report.nodes.filter { $0.depth == 2 }.compactMap { $0.values[0] }) == dec("12000000"))
        #expect(report.nodes.last?.period == .month(year: 2026, month: 12) && report.nodes.last?.lineage == [true, true])
        #expect(report.nodes[1].lineage == [false])
    }

    @Test func aMonthTreeGoesDownToDays() throws {
        let report = try GoalTreeReport.of(context(try demo()), period: .month(year: 2026, month: 2), metrics: [.gmv])
        #expect(report.nodes.count == 29)
        #expect(sum(report.nodes.dropFirst().compactMap { $0.values[0] }) == report.nodes[0].values[0])
    }
}

@Suite struct DriversReportTests {
    /// DOMAIN §4.2: a month of 1,000,000 GMV at AOV 120, CVR 3%, paid share 50%, CPC 0.80 (the
    /// demo's assumptions; September has no day of its own, unlike 618 and 双11).
    func month(_ number: Int) throws -> Workspace {
        var workspace = try demo()
        workspace.goals.append(Goal(period: .month(year: 2026, month: number), metric: .gmv, value: dec("1000000")))
        return workspace
    }

    @Test func theDomainExample() throws {
        let report = try DriversReport.of(context(try month(9)), period: .month(year: 2026, month: 9), grain: .month)
        #expect(report.isSingle && report.rows.count == 1)
        let total = try #require(report.total)
        #expect(total.gmv == dec("1000000"))
        #expect(total.orders == dec("8334"))
        #expect(total.visitors == dec("277778"))
        #expect(total.paidClicks == dec("138889"))
        #expect(total.adSpend == dec("111111.20"))
        #expect(report.rows[0].figures == total)
        let assumptions = report.assumptions
        #expect(assumptions.cvr == dec("0.03") && assumptions.aov == dec("120") && assumptions.paidShare == dec("0.5") && assumptions.cpc == dec("0.8"))
        #expect(report.contradictions.isEmpty && report.adSpendKnown && !report.assumptionsVary)
    }

    @Test func daysAreRoundedUpOneByOneTheMonthOnce() throws {
        let report = try DriversReport.of(context(try month(9)), period: .month(year: 2026, month: 9), grain: .day)
        #expect(report.rows.count == 30 && !report.isSingle)
        #expect(sum(report.rows.map(\.figures.gmv)) == dec("1000000"))
        #expect(report.total?.visitors == dec("277778"))
        #expect(sum(report.rows.map(\.figures.visitors)) >= dec("277778"))
    }

    @Test func aDayWithItsOwnAssumptionsIsSummedDayByDay() throws {
        // 618 has CVR 4% and CPC 1.10 of its own: fewer visitors than at 3% all month.
        let report = try DriversReport.of(context(try month(6)), period: .month(year: 2026, month: 6), grain: .week)
        #expect(report.assumptionsVary && report.rows.contains { $0.period == Period.isoWeek(of: day("2026-06-18")) && $0.figures.assumptionsVary })
        let total = try #require(report.total)
        #expect(total.gmv == dec("1000000") && total.visitors < dec("277778"))
        // A week running past June is shown by its days inside.
        #expect(report.rows.contains { $0.shown != $0.period })
    }

    @Test func aVisitorGoalThatDoesNotFitIsPointedOut() throws {
        var workspace = try month(9)
        workspace.goals.append(Goal(period: .month(year: 2026, month: 9), metric: .uv, value: dec("200000")))
        let report = try DriversReport.of(context(workspace), period: .month(year: 2026, month: 9), grain: .month)
        let contradiction = try #require(report.contradictions.first)
        #expect(report.contradictions.count == 1)
        #expect(contradiction.metric == .uv && contradiction.goal == dec("200000") && contradiction.needed == dec("277778"))
        #expect(contradiction.relative.rounded(places: 3) == dec("-0.280"))
    }

    @Test func noGMVGoalCoversThePeriod() throws {
        #expect(throws: GoalReportError.noGMVGoal(covering: .year(2027))) {
            try DriversReport.of(context(try demo()), period: .year(2027), grain: .month)
        }
    }
}

@Suite struct CheckReportTests {
    @Test func withoutADayTheCheckIsOfToday() throws {
        let report = try CheckReport.of(context(try demo()), day: nil)
        #expect(report.day == context(try demo()).today && report.lines.isEmpty && !report.recordedOnDay)
    }

    @Test func achievementGapAndRunRate() throws {
        var workspace = try demo()
        let days = (1...14).map { day("2026-03-" + ($0 < 10 ? "0" : "") + String($0)) }
        workspace.actuals = days.map { Actual(day: $0, values: [.gmv: dec("30000")]) }
        workspace.actuals[13].bounceRate = dec("0.65")
        workspace.actuals[13].visitDepth = dec("3.6")
        workspace.actuals[13].inquiryConversion = dec("0.45")
        let report = try CheckReport.of(context(workspace), day: day("2026-03-14"))
        #expect(report.day == day("2026-03-14"))
        #expect(report.goalsCoverDay && report.recordedOnDay)
        #expect(report.lines.map(\.scope) == [.day, .monthToDate, .quarterToDate, .yearToDate])
        let plan = try GoalPlan(workspace, metric: .gmv)
        let month = try #require(report.lines.first { $0.scope == .monthToDate })
        let goalToDate = try #require(plan.value(of: .range(from: .day(day("2026-03-01")), to: .day(day("2026-03-14")))))
        let monthGoal = try #require(plan.value(of: .month(year: 2026, month: 3)))
        #expect(month.goalToDate == goalToDate && month.actualToDate == dec("420000"))
        #expect(month.gap == dec("420000") - goalToDate)
        #expect(month.achievement == dec("420000").divided(by: goalToDate))
        #expect(month.remainingDays == 17 && month.periodGoal == monthGoal)
        #expect(month.neededPerDay == (monthGoal - dec("420000")).divided(by: 17))
        #expect(month.shownNeededPerDay == month.neededPerDay?.rounded())
        #expect(report.health.map(\.figure) == [.bounceRate, .visitDepth, .inquiryConversion])
        #expect(report.health.map(\.verdict) == [.pass, .good, .fail])

        // Days with no record are missing, not 0: the goal to date covers the 14 recorded days only,
        // and the run-rate counts the missing days at their goal.
        let later = try CheckReport.of(context(workspace), day: day("2026-03-16"))
        #expect(!later.recordedOnDay && later.health.isEmpty)
        let laterMonth = try #require(later.lines.first { $0.scope == .monthToDate })
        #expect(laterMonth.actualToDate == dec("420000") && laterMonth.goalToDate == goalToDate)
        #expect(laterMonth.recordedDays.count == 14 && laterMonth.missingDays == [day("2026-03-15"), day("2026-03-16")])
        let missingGoal = try #require(plan.value(of: .range(from: .day(day("2026-03-15")), to: .day(day("2026-03-16")))))
        #expect(laterMonth.missingGoal == missingGoal && laterMonth.remainingDays == 15)
        #expect(laterMonth.neededPerDay == (monthGoal - dec("420000") - missingGoal).divided(by: 15))
        let laterDay = try #require(later.lines.first { $0.scope == .day })
        #expect(laterDay.recordedDays.isEmpty && laterDay.achievement == nil && laterDay.goalToDate == .zero)
        // A day no goal covers.
        #expect(try !CheckReport.of(context(workspace), day: day("2027-01-05")).goalsCoverDay)
    }

    @Test func countsNeedWholeUnitsEachDay() throws {
        var workspace = try demo()
        workspace.goals.append(Goal(period: .month(year: 2026, month: 3), metric: .orders, value: dec("1000")))
        workspace.actuals = [Actual(day: day("2026-03-01"), values: [.orders: dec("10")])]
        let report = try CheckReport.of(context(workspace), day: day("2026-03-01"))
        let month = try #require(report.lines.first { $0.metric == .orders && $0.scope == .monthToDate })
        #expect(month.neededPerDay == dec("33"))  // (1,000 − 10) ÷ 30
        let first = try #require(report.lines.first { $0.metric == .orders && $0.scope == .day })
        #expect(first.remainingDays == 0 && first.shownNeededPerDay == nil)
        // 990 ÷ 30 is whole; a count that is not rounds up.
        workspace.actuals = [Actual(day: day("2026-03-01"), values: [.orders: dec("11")])]
        let odd = try #require(try CheckReport.of(context(workspace), day: day("2026-03-01")).lines.first { $0.metric == .orders && $0.scope == .monthToDate })
        #expect(odd.shownNeededPerDay == dec("33"))  // 989 ÷ 30 = 32.97 → 33
    }
}

@Suite struct CheckGapTests {
    /// The shown parts add up to the shown gap to the cent, over random days of the demo.
    @Test func shownPartsAddUpToTheShownGap() throws {
        var workspace = try demo()
        var generator = SystemRandomNumberGenerator()
        for offset in 0..<20 {
            let visitors = Int.random(in: 3000...12000, using: &generator)
            let orders = Int.random(in: 50...400, using: &generator)
            let gmv = ExactDecimal(Int.random(in: 5000...60000, using: &generator)) + ExactDecimal(mantissa: Int128(Int.random(in: 0...99, using: &generator)), places: 2)
            workspace.actuals.append(Actual(day: day("2026-04-01").advanced(by: offset),
                                            values: [.gmv: gmv, .uv: ExactDecimal(visitors), .orders: ExactDecimal(orders)]))
        }
        let report = try CheckReport.of(context(workspace), day: day("2026-04-20"))
        #expect(report.gaps.map(\.scope) == [.day, .monthToDate, .quarterToDate, .yearToDate])
        for gap in report.gaps {
            let shown = gap.shownParts
            #expect(shown.traffic + shown.conversion + shown.orderValue == shown.gap)
            #expect(shown.gap == gap.split.actualGMV.rounded() - gap.split.planGMV.rounded())
            // Each shown part is within a cent of its exact value.
            for (part, exact) in [(shown.traffic, gap.split.traffic), (shown.conversion, gap.split.conversion), (shown.orderValue, gap.split.orderValue)] {
                #expect((part - exact).magnitude <= ExactDecimal(mantissa: 1, places: 2))
            }
        }
        let month = try #require(report.lines.first { $0.scope == .monthToDate && $0.metric == .gmv })
        let monthGap = try #require(report.gaps.first { $0.scope == .monthToDate })
        #expect(monthGap.split.gap == month.gap && monthGap.days == 20)
    }
}

@Suite struct PlanActualReportTests {
    /// vs=actual shows the same figures as pnl and pnl source=actual over the recorded days, and a
    /// missing day is left out of both sides, never counted as zero.
    @Test func agreesWithPnlOfEachSourceOverTheRecordedDays() throws {
        var workspace = try demo()
        let recorded = (1...14).filter { $0 != 5 }.map { day("2026-03-" + ($0 < 10 ? "0" : "") + String($0)) }
        workspace.actuals = recorded.map { Actual(day: $0, values: [.gmv: dec("31000"), .orders: dec("250")]) }
        let context = context(workspace)
        let report = try PlanActualReport.of(context, period: .month(year: 2026, month: 3), grain: .day, view: .accrual)
        let plan = try context.ledger(.plan, .accrual), actual = try context.ledger(.actual, .accrual)
        var planSum = PeriodFigures(), actualSum = PeriodFigures()
        for recordedDay in recorded {
            planSum = planSum + (try plan.figures(.day(recordedDay)))
            actualSum = actualSum + (try actual.figures(.day(recordedDay)))
        }
        #expect(report.total.plan == planSum && report.total.actual == actualSum)
        #expect(report.total.recordedDays == 13 && report.total.days == 31)
        #expect(report.missingDays.first == day("2026-03-05") && report.missingDays.count == 18)
        let fifth = try #require(report.rows.first { $0.period == .day(day("2026-03-05")) })
        #expect(fifth.isMissing && fifth.plan == nil && fifth.actual == nil)
        // A run of recorded days is the same figure asked as a period.
        let first = Period.range(from: .day(day("2026-03-01")), to: .day(day("2026-03-04")))
        let firstRows = report.rows.prefix(4).compactMap(\.actual).reduce(PeriodFigures(), +)
        #expect(firstRows == (try actual.figures(first)))
        // Fully recorded: the whole period's figure of each source.
        let week = try PlanActualReport.of(context, period: .range(from: .day(day("2026-03-06")), to: .day(day("2026-03-12"))), grain: nil, view: .accrual)
        #expect(week.total.plan == (try plan.figures(.range(from: .day(day("2026-03-06")), to: .day(day("2026-03-12"))))))
        #expect(week.total.actual == (try actual.figures(.range(from: .day(day("2026-03-06")), to: .day(day("2026-03-12"))))))
        #expect(week.missingDays.isEmpty)
    }
}

/// The units an order two reports name: `costs … by=entry`'s note reads the period's sales
/// (units ÷ orders), `goal drivers` the mix (AOV × the mix's units per yuan). Over a month of the
/// demo without hit plans or refunds they are one figure, as the two notes show it.
@Suite struct UnitsPerOrderTests {
    @Test func theCostBooksUnitsAnOrderIsTheDriverTreesMix() throws {
        let context = context(try demo())
        for month in [day("2026-03-01"), day("2026-06-01")] {
            let period = Period.month(year: month.year, month: month.month)
            let drivers = try DriversReport.of(context, period: period, grain: .month)
            let book = try context.ledger(.plan, .accrual).book(period)
            let mix = try #require(drivers.mixUnitsPerOrder).mix
            let sold = try #require(book.sales.unitsPerOrder)
            #expect(sold.rounded(places: 2) == mix.rounded(places: 2), "\(period.text): sales \(sold), mix \(mix)")
            #expect(sold.rounded(places: 2) > .one)
        }
    }
}
