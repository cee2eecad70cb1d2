/// A figure a relative change gives that ropg cannot keep: past the input cap (±10¹⁵, DOMAIN §1.2).
/// The words are the catalogue's (ROPGText/ValidationText.swift).
public struct TooLargeResult: Equatable, Sendable {
    /// The result, rounded to the cent; nil when it is past 10²⁶ (saturated).
    public var shown: ExactDecimal?
}

/// Why a relative change of an assumption cannot be carried to one of its dated values.
public enum OverrideProblem: Equatable, Sendable {
    case tooLarge(Assumption, period: String, TooLargeResult)
    /// `problem` is `Assumption.problem(with:)`'s, itself a catalogue message.
    case outOfRange(Assumption, period: String, value: ExactDecimal, problem: String)
}

/// Why one change of a scenario does not apply to the plan as it is now.
public enum ScenarioProblem: Equatable, Sendable {
    case assumptionNotSet(Assumption)
    case assumptionTooLarge(Assumption, typed: String, TooLargeResult)
    case assumptionOutOfRange(Assumption, value: ExactDecimal, problem: String)
    case override(OverrideProblem)
    case noProduct(String)
    case noOwnFigure(sku: String, label: String)
    case wouldBeNegative(label: String, of: String, value: ExactDecimal)
    case figureTooLarge(figure: String, typed: String, of: String, TooLargeResult)
    case cannotBe(sku: String, label: String, value: ExactDecimal)
    case invalid(of: String, ValidationIssue)
    case sharesAboveWhole
    case planHasProduct(String)
    case costBelongsToProduct(CostID, sku: String)
    case hitPlanForProduct(name: String, sku: String)
    case noCost(CostID)
    case noCostFigure(CostID, figure: String)
    case entryNumbersUsedUp(CostCategory)
    case noGoal(GoalMetric, Period)
    case noHitPlan(String)
}

/// A scenario's change that was left out, and why.
public struct ScenarioFailure: Equatable, Sendable {
    public var change: ScenarioChange
    public var problem: ScenarioProblem
}

/// Why a word cannot name a scenario (`Scenario.problem(withName:)`).
public enum ScenarioNameProblem: Equatable, Sendable {
    case empty, tooLong, separator, control
    /// The invisible scalar's value (a zero-width space is 0x200B).
    case invisible(UInt32)
    case reserved(String)
    case readsAsPeriod(String)
}

/// What a volume rule did to a scenario's or a what-if's prices (the words: ROPGText's `message`).
public struct VolumeNote: Equatable, Sendable {
    public struct Move: Equatable, Sendable {
        public var sku: String
        public var old: ExactDecimal
        public var new: ExactDecimal
        /// How the product's units move with its new price.
        public var unitsFactor: ExactDecimal
    }
    public var moves: [Move]
    /// How the GMV goals move, the products' new revenue shares taken together.
    public var gmvFactor: ExactDecimal
}
