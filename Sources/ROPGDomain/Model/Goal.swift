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

/// A target for one metric over one period. Goals set by hand are pinned.
public struct Goal: Equatable, Sendable {
    public var period: Period
    public var metric: GoalMetric
    public var value: ExactDecimal
    public var pinned: Bool

    public init(period: Period, metric: GoalMetric, value: ExactDecimal, pinned: Bool = true) {
        self.period = period
        self.metric = metric
        self.value = value
        self.pinned = pinned
    }
}
