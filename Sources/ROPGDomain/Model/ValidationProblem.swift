/// What is wrong with one value of a workspace, with the values the user needs to fix it. The
/// domain names the problem; the words, in either language, are the catalogue's
/// (ROPGText/ValidationText.swift), as for `NumberError` and `PeriodError`.
public enum ValidationProblem: Equatable, Sendable {
    // Any value.
    case holdsNUL(String)
    case negative(ExactDecimal)
    case notWhole(ExactDecimal)
    case notAboveZeroAtMostHundredPercent(ExactDecimal)
    case notBetweenZeroAndHundredPercent(ExactDecimal)
    case appearsTwice(String)
    case noProduct(String)
    case isEmpty
    // Products.
    case productNeedsSKU
    case skuHasSpace(String)
    case sharesAboveHundredPercent(ExactDecimal)
    // Cost entries.
    case costNeedsName
    case quantityNotAboveZero(ExactDecimal)
    case endBeforeStart(end: Day, start: Day)
    case amortizingNeedsAMonth
    case amortizedNeedsStart
    case shareMustBeBetweenZeroAndHundredPercent(ExactDecimal)
    case cpsRateAboveHundredPercent(ExactDecimal)
    case paidClicksAboveHundredPercent(ExactDecimal)
    case rateAboveHundredPercent(ExactDecimal)
    case onlySalesLinkedBelongToProduct
    case idAboveLast(CostID)
    // Goals and splits.
    case moneyGoalHasMoreThanCents(GoalMetric, ExactDecimal)
    case countGoalNotWhole(GoalMetric, ExactDecimal)
    case goalOnRange
    case secondGoal(GoalMetric, Period)
    case onlyYearQuarterMonthSplit(Period)
    case splitsToSmaller(Period)
    case noProfile(String)
    case weightCount(Period, children: Int, grain: PeriodGrain, weights: Int)
    case weightsOutOfRange(largest: ExactDecimal)
    case secondSplit(Period)
    case secondProfile(String)
    // Actuals.
    case recordedTwice(Day)
    case ordersAboveVisitors(Day, orders: ExactDecimal, visitors: ExactDecimal)
    case gmvWithoutOrders(Day, gmv: ExactDecimal)
    // Settings, hit plans and scenarios.
    /// `problem` is `Assumption.problem(with:)`'s, itself a catalogue message.
    case assumptionValue(ExactDecimal, problem: String)
    case overrideValue(Assumption, ExactDecimal, problem: String)
    case scenarioName(ScenarioNameProblem)
    case scenarioTwice(String)
}
