import ROPGDomain
import ROPGText

/// "1 product", "9 products", "1 entry", "21 entries".
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : (plural ?? singular + "s"))"
}

extension Workspace {
    /// "9 products, 21 cost entries, 1 goal".
    public var summary: String {
        phrase("{products}, {costs}, {goals}", ["products": phrase(count: products.count, "{count} product", "{count} products"),
                                                "costs": phrase(count: costs.count, "{count} cost entry", "{count} cost entries"),
                                                "goals": phrase(count: goals.count, "{count} goal", "{count} goals")])
    }
}

public enum Wording {
    /// A signed amount: "+12.50", "-3.00".
    public static func signed(_ value: ExactDecimal) -> String {
        (value.rounded().isNegative ? "" : "+") + value.formatted()
    }

    /// A signed percentage: "+57.01%".
    public static func signedPercent(_ value: ExactDecimal) -> String {
        (value.rounded(places: 4).isNegative ? "" : "+") + value.percentText()
    }

    /// How far `value` is from `base`: "-26.98 (-34.15%)".
    public static func change(_ value: ExactDecimal, from base: ExactDecimal) -> String {
        let delta = value - base
        guard let relative = delta.divided(by: base) else { return signed(delta) }
        return "\(signed(delta)) (\(signedPercent(relative)))"
    }
}
