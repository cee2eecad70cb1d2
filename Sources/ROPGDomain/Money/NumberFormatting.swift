extension ExactDecimal {
    /// Money as shown: thousands separators, `places` decimals, half away from zero: "1,234,567.50".
    public func formatted(places: Int = 2, grouping: Bool = true) -> String {
        let text = rounded(places: places).plainText(minimumPlaces: places)
        guard grouping else { return text }
        return Self.groupThousands(text)
    }

    /// A rate as a percentage: 0.51996 → "52.00%" with two places.
    public func percentText(places: Int = 2) -> String {
        (self * .hundred).formatted(places: places, grouping: true) + "%"
    }

    /// The shortest percentage that states the rate exactly: 0.006 → "0.6%", 0.05 → "5%".
    public var exactPercentText: String { (self * .hundred).description + "%" }

    /// A count as shown: "277,778"; fractional counts keep their decimals.
    public var countText: String { Self.groupThousands(description) }

    static func groupThousands(_ text: String) -> String {
        var digits = Substring(text)
        var sign = ""
        if digits.hasPrefix("-") {
            sign = "-"
            digits = digits.dropFirst()
        }
        let whole: Substring
        let rest: Substring
        if let dot = digits.firstIndex(of: ".") {
            whole = digits[..<dot]
            rest = digits[dot...]
        } else {
            whole = digits
            rest = ""
        }
        var grouped = ""
        for (offset, digit) in whole.enumerated() {
            if offset > 0 && (whole.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return sign + grouped + rest
    }
}
