/// A planning assumption that holds for the whole workspace (`set cvr=3% aov=120 …`).
public enum Assumption: String, CaseIterable, Sendable {
    case cvr
    case ctr
    case aov
    case cpc
    case paidShare = "paid-share"
    case naturalPerPaid = "natural-per-paid"
    case unitsPerOrder = "units-per-order"
    case paymentFee = "payment-fee"
    case refundRate = "refund-rate"

    public enum Kind: Sendable { case rate, money, ratio }

    public var kind: Kind {
        switch self {
        case .cvr, .ctr, .paidShare, .paymentFee, .refundRate: return .rate
        case .aov, .cpc: return .money
        case .naturalPerPaid, .unitsPerOrder: return .ratio
        }
    }

    /// The value used when none is set; nil means the assumption must be set before it is used.
    public var defaultValue: ExactDecimal? {
        switch self {
        case .naturalPerPaid, .unitsPerOrder: return .one
        case .paymentFee, .refundRate: return .zero
        case .cvr, .ctr, .aov, .cpc, .paidShare: return nil
        }
    }

    public var meaning: String {
        switch self {
        case .cvr: return "conversion rate: orders ÷ visitors (转化率)"
        case .ctr: return "click-through rate: clicks ÷ impressions (点击率)"
        case .aov: return "average order value (客单价)"
        case .cpc: return "cost per paid click"
        case .paidShare: return "share of visitors that come from paid clicks"
        case .naturalPerPaid: return "natural visitors each paid visitor brings"
        case .unitsPerOrder: return "units in an average order"
        case .paymentFee: return "payment fee on revenue (支付手续费)"
        case .refundRate: return "share of GMV refunded (退款率)"
        }
    }

    /// The accepted range, checked whenever a value is set or loaded; nil when it is fine.
    public func problem(with value: ExactDecimal) -> String? {
        switch self {
        case .cvr, .ctr:
            return value > .zero && value <= .one ? nil : "must be above 0% and at most 100%"
        case .paidShare:
            return value >= .zero && value <= .one ? nil : "must be between 0% and 100%"
        case .paymentFee, .refundRate:
            return value >= .zero && value < .one ? nil : "must be at least 0% and below 100%"
        case .aov, .unitsPerOrder:
            return value > .zero ? nil : "must be above 0"
        case .cpc, .naturalPerPaid:
            return value >= .zero ? nil : "must not be negative"
        }
    }
}

/// The workspace's assumptions: those set, the rest at their defaults, and overrides for
/// particular periods.
public struct Settings: Equatable, Sendable {
    public private(set) var values: [Assumption: ExactDecimal] = [:]
    /// Values for particular periods, in the order they were set.
    public var overrides: [AssumptionOverride] = []
    /// The team's language (`set lang=zh`), when the workspace names one; else the shell's own
    /// choice (`--lang`, the locale) holds.
    public var language: Language?
    /// The language's key in `set` and in the workspace file's settings.
    public static let languageKey = "lang"

    public init() {}

    /// The value that holds on `day`: an override for the smallest period holding the day,
    /// else the workspace-wide value, else the default.
    public func value(_ assumption: Assumption, on day: Day) -> ExactDecimal? {
        var best: AssumptionOverride?
        for override in overrides where override.assumption == assumption && override.period.contains(day) {
            if let current = best, current.period.dayCount <= override.period.dayCount { continue }
            best = override
        }
        return best?.value ?? self[assumption]
    }

    public subscript(_ assumption: Assumption) -> ExactDecimal? {
        get { values[assumption] ?? assumption.defaultValue }
        set { values[assumption] = newValue }
    }

    public func isSet(_ assumption: Assumption) -> Bool { values[assumption] != nil }

    /// The share of visitors that are paid clicks on `day`: paid-share, or one paid visitor in
    /// every 1 + natural-per-paid (DOMAIN §4).
    public func paidFraction(on day: Day) -> ExactDecimal {
        if let share = value(.paidShare, on: day) { return share }
        return ExactDecimal.one.divided(by: .one + (value(.naturalPerPaid, on: day) ?? .one)) ?? .zero
    }
}
