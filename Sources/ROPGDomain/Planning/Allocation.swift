/// Sharing a total among parts by weights so that the rounded parts add up exactly to the total:
/// the largest-remainder method (DOMAIN §4). Each part first gets the whole number of steps its
/// exact share holds; the steps left over go one each to the parts with the largest remainders,
/// ties to the earlier part.
public enum Allocation {
    public struct Failure: Error, Equatable, Sendable {
        public var message: KeyedMessage
    }

    /// Shares `total` (a whole number of `step`s, e.g. cents) among `weights` (each ≥ 0, not all
    /// zero). Every part is a whole number of steps; the parts sum to `total` exactly.
    public static func largestRemainder(_ total: ExactDecimal, weights: [ExactDecimal], step: ExactDecimal) throws(Failure) -> [ExactDecimal] {
        guard !weights.isEmpty else { return [] }
        guard weights.allSatisfy({ !$0.isNegative }) else { throw Failure(message: "a weight is negative") }
        var weightSum: Int128 = 0
        for weight in weights {
            let (sum, overflow) = weightSum.addingReportingOverflow(weight.units)
            guard !overflow else { throw Failure(message: "the weights are too large to add up") }
            weightSum = sum
        }
        guard weightSum > 0 else { throw Failure(message: "the weights are all zero") }
        let (steps, leftover) = total.units.quotientAndRemainder(dividingBy: step.units)
        guard leftover == 0 else {
            throw Failure(message: KeyedMessage("{total} is not a whole number of {step}", ["total": "\(total)", "step": "\(step)"]))
        }
        let negative = steps < 0
        let magnitude = negative ? -steps : steps
        // Exact integer shares: steps × weight ÷ Σweights, as quotient and remainder. Weights are
        // scaled by 10¹², so scale them down to keep the product inside 128 bits.
        let reduce = commonScale(weights)
        let scaled = weights.map { $0.units / reduce }
        let scaledSum = weightSum / reduce
        var parts = [Int128](repeating: 0, count: weights.count)
        var remainders = [(remainder: Int128, index: Int)]()
        remainders.reserveCapacity(weights.count)
        var given: Int128 = 0
        for (index, weight) in scaled.enumerated() {
            let (quotient, remainder) = multiplyDivide(magnitude, weight, scaledSum)
            parts[index] = quotient
            given += quotient
            remainders.append((remainder, index))
        }
        var left = magnitude - given
        if left > 0 {
            remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
            for entry in remainders where left > 0 {
                parts[entry.index] += 1
                left -= 1
            }
        }
        return parts.map { ExactDecimal(units: (negative ? -$0 : $0) * step.units) }
    }

    /// Rounds each part to cents so that the rounded parts add up exactly to the rounded total:
    /// every part is rounded down, and the cents left over go to the largest remainders (ties
    /// to the earlier part). For tables whose parts and total are shown together.
    public static func roundedParts(_ parts: [ExactDecimal]) -> [ExactDecimal] {
        roundedParts(parts, total: parts.reduce(ExactDecimal.zero, +).rounded())
    }

    /// The same, adding up to a given rounded total (one already shown elsewhere): the one
    /// largest-remainder rule of shown figures, `ExactAmount.apportion`.
    public static func roundedParts(_ parts: [ExactDecimal], total: ExactDecimal) -> [ExactDecimal] {
        ExactAmount.apportion(total, among: parts.map(ExactAmount.init))
    }

    /// The largest power of ten dividing every weight's units (at most 10¹²), so that
    /// 1, 2 and 3 are shared as 1 : 2 : 3 without twelve trailing zeros each.
    static func commonScale(_ weights: [ExactDecimal]) -> Int128 {
        var scale = ExactDecimal.unitsPerOne
        while scale > 1 && !weights.allSatisfy({ $0.units % scale == 0 }) { scale /= 10 }
        return scale
    }

    /// (a × b) ÷ d as quotient and remainder, with a 256-bit intermediate.
    static func multiplyDivide(_ a: Int128, _ b: Int128, _ d: Int128) -> (Int128, Int128) {
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        guard product.high < d.magnitude else { return (Int128.max, 0) }
        let (quotient, remainder) = d.magnitude.dividingFullWidth(product)
        return (Int128(quotient), Int128(remainder))
    }
}
