import ROPGDomain

/// "1 product", "9 products", "1 entry", "21 entries".
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : (plural ?? singular + "s"))"
}

extension Workspace {
    /// "9 products, 21 cost entries, 1 goal".
    public var summary: String {
        "\(counted(products.count, "product")), \(counted(costs.count, "cost entry", "cost entries")), \(counted(goals.count, "goal"))"
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
