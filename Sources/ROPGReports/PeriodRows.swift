import ROPGDomain

/// The periods a report shows one per row (`by=`): the children of a period at a grain, clipped
/// to the period, with a limit on how many rows a table may have.
public enum PeriodRows {
    /// At most this many rows: a table of a thousand years of days helps nobody.
    public static let limit = 5_000

    /// A period by a grain would give more rows than `limit`; `estimate` is about how many.
    public struct TooMany: Error, Equatable, Sendable {
        public var period: Period
        public var grain: PeriodGrain
        public var estimate: Int
    }

    /// The periods a table shows, one per row: the period itself at its own grain, else its
    /// children at `grain` (a week running past the period is one of them; see `Period.clipped`).
    public static func children(of period: Period, by grain: PeriodGrain) throws(TooMany) -> [Period] {
        if grain == period.grain { return [period] }
        let estimate = grain == .day ? period.dayCount : grain == .week ? period.dayCount / 7 : period.dayCount / 28
        guard estimate <= limit else { throw TooMany(period: period, grain: grain, estimate: estimate) }
        return Period.children(of: period, grain: grain)
    }

    /// The grain of the rows when none is asked for: the next one down (a year shows months, a
    /// month, week or range days).
    public static func defaultGrain(for period: Period) -> PeriodGrain {
        switch period.grain {
        case .year, .quarter: return .month
        case .month, .week, .range: return .day
        case .day: return .day
        }
    }
}

extension Period {
    /// The days of this period inside `parent`: itself when it lies inside, else the range of
    /// the days it shares with the parent (a week running into the next year).
    public func clipped(to parent: Period) -> Period {
        if firstDay >= parent.firstDay && lastDay <= parent.lastDay { return self }
        return .range(from: .day(max(firstDay, parent.firstDay)), to: .day(min(lastDay, parent.lastDay)))
    }
}
