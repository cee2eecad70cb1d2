/// A change to one figure: to a value, or relative to what it is (`price-=10%`, `price+=5`,
/// `amount*=1.1`). Kept as typed, so that a scenario's relative change follows the plan: a 10%
/// cut of 79 is 71.10 today and 80.10 once the plan's price is 89.
public enum FigureChange: Equatable, Sendable {
    /// To this value; nil takes the figure back to none (a product's own CVR, say).
    case to(ExactDecimal?)
    /// Plus this amount (minus when negative).
    case add(ExactDecimal)
    /// By this share of the figure: −0.1 is 10% less.
    case percent(ExactDecimal)
    /// Times this factor.
    case times(ExactDecimal)

    public var isRelative: Bool {
        if case .to = self { return false }
        return true
    }

    /// Reads the operator typed before `=` (`+`, `-` or `*`) and the value after it: a
    /// percentage with `+`/`-` is a share of the figure, a plain number an amount.
    public static func parse(operator op: Character, _ text: String) throws(NumberError) -> FigureChange {
        let number = try NumberGrammar.parse(text)
        guard !number.value.isNegative else { throw NumberError(text: text, reason: .signedRelativeChange) }
        switch op {
        case "+": return number.isPercent ? .percent(number.value) : .add(number.value)
        case "-": return number.isPercent ? .percent(-number.value) : .add(-number.value)
        default:
            guard !number.isPercent else { throw NumberError(text: text, reason: .percentageForFactor) }
            return .times(number.value)
        }
    }

    /// The figure after the change; nil when a relative change meets a figure that is not set.
    public func applied(to value: ExactDecimal?) -> ExactDecimal? {
        switch self {
        case .to(let new): return new
        case .add(let amount): return value.map { $0 + amount }
        case .percent(let share): return value.map { $0 + $0 * share }
        case .times(let factor): return value.map { $0 * factor }
        }
    }

    /// Why the figure a relative change gives cannot be kept, nil when it can: a result past the
    /// input cap (±10¹⁵, DOMAIN §1.2) would be saved as a figure no file could read back.
    public static func sizeProblem(of result: ExactDecimal) -> TooLargeResult? {
        guard result.isSaturated || result.magnitude > NumberGrammar.largestInput else { return nil }
        return TooLargeResult(shown: result.isSaturated ? nil : result.rounded(places: 2))
    }

    /// As the user types it after the key: `=71.1`, `+=5`, `-=10%`, `*=1.1`.
    public var typed: String {
        switch self {
        case .to(let value): return "=" + (value?.description ?? "none")
        case .add(let amount): return (amount.isNegative ? "-=" : "+=") + amount.magnitude.description
        case .percent(let share): return (share.isNegative ? "-=" : "+=") + share.magnitude.exactPercentText
        case .times(let factor): return "*=" + factor.description
        }
    }

    /// The stored form of a relative change (`"+5"`, `"-10%"`, `"*1.1"`); nil for `.to`.
    public var storedText: String? {
        switch self {
        case .to: return nil
        case .add(let amount): return (amount.isNegative ? "-" : "+") + amount.magnitude.description
        case .percent(let share): return (share.isNegative ? "-" : "+") + share.magnitude.exactPercentText
        case .times(let factor): return "*" + factor.description
        }
    }

    /// Reads `storedText`.
    public init?(storedText text: String) {
        guard let op = text.first, "+-*".contains(op) else { return nil }
        guard let change = try? FigureChange.parse(operator: op, String(text.dropFirst())) else { return nil }
        self = change
    }
}

/// A product's figures that change by number.
public enum ProductFigure: String, CaseIterable, Sendable {
    case price, cost, stock, share, ctr, cvr

    public func value(of product: Product) -> ExactDecimal? {
        switch self {
        case .price: return product.price
        case .cost: return product.cost
        case .stock: return product.stock.map { ExactDecimal($0) }
        case .share: return product.share
        case .ctr: return product.ctr
        case .cvr: return product.cvr
        }
    }

    /// Sets the figure, as the product keeps it: money to the cent, stock to whole units (half up).
    /// Nil is refused for price and cost, which every product has.
    public func set(_ value: ExactDecimal?, on product: inout Product) -> Bool {
        switch self {
        case .price:
            guard let value else { return false }
            product.price = value.rounded(places: 2)
        case .cost:
            guard let value else { return false }
            product.cost = value.rounded(places: 2)
        case .stock:
            guard let value else { product.stock = nil; return true }
            guard let whole = value.rounded(places: 0).exactInt else { return false }
            product.stock = whole
        case .share: product.share = value
        case .ctr: product.ctr = value
        case .cvr: product.cvr = value
        }
        return true
    }

    /// Shown in messages: "price", "CVR".
    public var label: String {
        switch self {
        case .ctr, .cvr: return rawValue.uppercased()
        default: return rawValue
        }
    }
}

/// A cost entry's figures that change by number.
public enum CostFigure: String, CaseIterable, Sendable {
    case amount, qty

    public func value(of entry: CostEntry) -> ExactDecimal {
        self == .amount ? entry.amount : entry.quantity
    }

    /// Sets the figure: an amount of money to the cent (a percentage stays exact).
    public func set(_ value: ExactDecimal, on entry: inout CostEntry) {
        switch self {
        case .amount:
            switch entry.basis {
            case .percent, .cps: entry.amount = value
            default: entry.amount = value.rounded(places: 2)
            }
        case .qty: entry.quantity = value
        }
    }
}

extension Assumption {
    /// An assumption set from a relative change, as it is kept: money to the cent, rates exact.
    public func settled(_ value: ExactDecimal) -> ExactDecimal {
        kind == .money ? value.rounded(places: 2) : value
    }
}

extension Settings {
    /// A relative change of an assumption (`set cpc*=1.2`) changes its dated values in force the
    /// same way (双11's CPC too), each kept as the assumption is (DOMAIN §13); an absolute one
    /// leaves them. Returns why one cannot take it, changing nothing then.
    public mutating func changeOverrides(of assumption: Assumption, by change: FigureChange) -> OverrideProblem? {
        guard change.isRelative else { return nil }
        var changed = overrides
        for index in changed.indices where changed[index].assumption == assumption {
            guard let value = change.applied(to: changed[index].value).map({ assumption.settled($0) }) else { continue }
            let period = changed[index].period.text
            if let problem = FigureChange.sizeProblem(of: value) { return .tooLarge(assumption, period: period, problem) }
            if let problem = assumption.problem(with: value) { return .outOfRange(assumption, period: period, value: value, problem: problem) }
            changed[index].value = value
        }
        overrides = changed
        return nil
    }
}
