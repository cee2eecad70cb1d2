import ROPGDomain
@testable import ROPGReports
import Testing

/// The portfolio's medians, selected in place, equal the medians of the sorted values they
/// replace (the old code, kept here as the oracle): odd and even counts, one value, many equal
/// values, sorted and reversed input, negative values.
@Suite struct PortfolioMedianTests {
    static func medianBySorting(_ values: [ExactDecimal]) -> ExactDecimal? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]).divided(by: 2)
    }

    @Test func selectedMedianEqualsTheSortedOne() {
        var state: UInt64 = 17
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        #expect(PortfolioReport.median([]) == nil)
        for round in 0..<600 {
            let count = round < 40 ? round + 1 : 1 + next(round < 300 ? 60 : 3_000)
            // Few distinct values now and then, so that runs of equal values meet the pivot.
            let spread = [2, 5, 1_000_000][next(3)]
            var values = (0..<count).map { _ in ExactDecimal(units: Int128(next(spread) - spread / 3) * 10_000_000) }
            switch next(4) {
            case 0: values.sort()
            case 1: values.sort(by: >)
            default: break
            }
            let selected = PortfolioReport.median(values)
            #expect(selected == Self.medianBySorting(values), "round \(round), \(count) values")
        }
    }
}
