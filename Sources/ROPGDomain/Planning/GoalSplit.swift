/// How a parent period's goal is shared among its children (`goal split`).
public enum SplitMethod: Equatable, Sendable {
    /// In proportion to calendar days (the default).
    case days
    /// The same for every child.
    case even
    /// One weight per child, in order.
    case weights([ExactDecimal])
    /// A named profile's month, weekday and event weights.
    case profile(String)
    /// In proportion to the same periods' actuals a year earlier.
    case prior

    /// Reads what `text` writes; nil for anything else (weights must be plain decimals).
    public init?(text: String) {
        switch text {
        case "days": self = .days
        case "even": self = .even
        case "prior": self = .prior
        default:
            if text.hasPrefix("profile:") && text.count > 8 {
                self = .profile(String(text.dropFirst(8)))
            } else if text.hasPrefix("weights:") {
                var weights: [ExactDecimal] = []
                for part in text.dropFirst(8).split(separator: ",", omittingEmptySubsequences: false) {
                    guard let weight = ExactDecimal(plainText: String(part)) else { return nil }
                    weights.append(weight)
                }
                self = .weights(weights)
            } else {
                return nil
            }
        }
    }

    /// As typed after `by=`: "days", "even", "weights:8,7,9", "profile:ecommerce", "prior".
    public var text: String {
        switch self {
        case .days: return "days"
        case .even: return "even"
        case .weights(let weights): return "weights:" + weights.map(\.description).joined(separator: ",")
        case .profile(let name): return "profile:\(name)"
        case .prior: return "prior"
        }
    }
}

/// A rule that a period's goals are spread over children of a grain (quarters, months or days).
public struct GoalSplit: Equatable, Sendable {
    public var period: Period
    public var grain: PeriodGrain
    public var method: SplitMethod

    public init(period: Period, grain: PeriodGrain, method: SplitMethod) {
        self.period = period
        self.grain = grain
        self.method = method
    }
}

/// One day's recorded results (DOMAIN §4 actuals, §6 health figures). Any field may be missing.
public struct Actual: Equatable, Sendable {
    public var day: Day
    public var values: [GoalMetric: ExactDecimal]
    /// 跳失率, as a fraction.
    public var bounceRate: ExactDecimal?
    /// 访问深度: pages per visitor.
    public var visitDepth: ExactDecimal?
    /// 询单转化率, as a fraction.
    public var inquiryConversion: ExactDecimal?

    public init(day: Day, values: [GoalMetric: ExactDecimal] = [:], bounceRate: ExactDecimal? = nil,
                visitDepth: ExactDecimal? = nil, inquiryConversion: ExactDecimal? = nil) {
        self.day = day
        self.values = values
        self.bounceRate = bounceRate
        self.visitDepth = visitDepth
        self.inquiryConversion = inquiryConversion
    }
}

/// An assumption that holds for one period instead of the workspace-wide value
/// (`set cvr=4.5% period=2026-11-11`).
public struct AssumptionOverride: Equatable, Sendable {
    public var period: Period
    public var assumption: Assumption
    public var value: ExactDecimal

    public init(period: Period, assumption: Assumption, value: ExactDecimal) {
        self.period = period
        self.assumption = assumption
        self.value = value
    }
}
