/// What a goal measures (DOMAIN §4).
public enum GoalMetric: String, CaseIterable, Sendable, Comparable {
    case gmv, orders, units, uv, profit, adspend

    /// Money metrics are kept to 0.01; the others are whole counts.
    public var isMoney: Bool {
        switch self {
        case .gmv, .profit, .adspend: return true
        case .orders, .units, .uv: return false
        }
    }

    public var label: String {
        switch self {
        case .gmv: return "GMV 销售额"
        case .orders: return "orders 订单数"
        case .units: return "units 件数"
        case .uv: return "visitors 访客数"
        case .profit: return "profit 利润"
        case .adspend: return "ad spend 推广花费"
        }
    }

    private var order: Int { GoalMetric.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: GoalMetric, b: GoalMetric) -> Bool { a.order < b.order }
}

/// A target for one metric over one period, set by hand and so pinned: spreading a parent's
/// goal keeps it and shares only the rest (see `GoalPlan`).
public struct Goal: Equatable, Sendable {
    public var period: Period
    public var metric: GoalMetric
    public var value: ExactDecimal

    public init(period: Period, metric: GoalMetric, value: ExactDecimal) {
        self.period = period
        self.metric = metric
        self.value = value
    }

    /// Money goals are kept in cents, counts in whole units.
    public var step: ExactDecimal { metric.step }
}

extension GoalMetric {
    /// The smallest amount a goal of this metric is shared out in: 0.01 for money, 1 for counts.
    public var step: ExactDecimal { isMoney ? ExactDecimal(mantissa: 1, places: 2) : .one }

    /// Profit may be planned below zero (a loss); the other metrics cannot.
    public var mayBeNegative: Bool { self == .profit }
}
