import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// Reading a hit plan's settings (`hit plan SKU start=… test=7 …`, also how saved plans are
/// stored) and gathering what the product and the shop bring to it.
enum HitPlanning {
    static let keys = ["start", "test", "ramp", "peak", "hold", "test-units", "peak-units", "hold-level", "cpc", "paid-share",
                       "related", "lead-time", "safety"]

    /// What fills in keys that are not given: today, and the shop's CPC and paid share that day.
    struct Defaults {
        var start: Day?
        var cpc: (Day) -> ExactDecimal?
        var paidShare: (Day) -> ExactDecimal?

        /// None: every key must be given (a saved plan's text has them all).
        static var none: Defaults { Defaults(start: nil, cpc: { _ in nil }, paidShare: { _ in nil }) }

        static func shop(_ session: Session) -> Defaults {
            let settings = session.workspace.settings
            return Defaults(start: session.today, cpc: { settings.value(.cpc, on: $0) }, paidShare: { settings.paidFraction(on: $0) })
        }
    }

    /// The plan the words describe; the SKU is the positional at `skuAt`.
    static func spec(_ arguments: Arguments, skuAt: Int, defaults: Defaults) throws(CommandError) -> HitPlanSpec {
        guard let sku = arguments.positional(skuAt) else { throw CommandError(phrase("hit plan needs a SKU, e.g. hit plan TS-001 peak-units=500/day")) }
        let start: Day
        if let text = arguments.value("start") {
            guard let day = Day(isoText: text) else { throw CommandError(phrase("start={text}: give a day such as 2026-10-01", ["text": "\(text)"])) }
            start = day
        } else if let today = defaults.start {
            start = today
        } else {
            throw CommandError(phrase("the plan needs start=DAY"))
        }
        guard let cpc = try arguments.amount("cpc") ?? defaults.cpc(start) else {
            throw CommandError(phrase("the plan needs a cost per click: give cpc=0.9 or set cpc= for the shop"))
        }
        if cpc.isNegative { throw CommandError(phrase("cpc=: a click cannot cost less than nothing")) }
        var shares: [ExactDecimal]
        if let text = arguments.value("paid-share") {
            shares = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let share = try? NumberGrammar.rate(String(part)), !share.isNegative, share <= .one else {
                    throw CommandError(phrase("paid-share={text}: give a share between 0% and 100%, or four of them (test,ramp,peak,hold) like 80%,60%,50%,30%", ["text": "\(text)"]))
                }
                shares.append(share)
            }
            guard shares.count == 1 || shares.count == 4 else {
                throw CommandError(phrase("paid-share={text}: give one share, or one for each of the 4 phases (test,ramp,peak,hold)", ["text": "\(text)"]))
            }
        } else if let share = defaults.paidShare(start) {
            shares = [share]
        } else {
            throw CommandError(phrase("the plan needs paid-share="))
        }
        if shares.count == 1 { shares = Array(repeating: shares[0], count: 4) }
        var spec = HitPlanSpec(sku: sku, start: start, cpc: cpc, paidShares: shares)
        for (index, phase) in HitPhase.allCases.enumerated() {
            if let days = try arguments.wholeCount(phase.rawValue) {
                guard days <= 3_660 else { throw CommandError(phrase("{phase}={days}: a phase of at most ten years (3660 days)", ["phase": "\(phase.rawValue)", "days": "\(days)"])) }
                spec.phaseDays[index] = days
            }
        }
        guard spec.totalDays > 0 else { throw CommandError(phrase("the plan has no days: give test=, ramp=, peak= or hold= above 0")) }
        if let units = try perDay(arguments, "test-units") { spec.testUnits = units }
        if let units = try perDay(arguments, "peak-units") { spec.peakUnits = units }
        if let level = try arguments.rate("hold-level") {
            guard !level.isNegative else { throw CommandError(phrase("hold-level=: give a share of the peak such as 70%")) }
            spec.holdLevel = level
        }
        if let related = try arguments.amount("related") {
            guard related >= .one else { throw CommandError(phrase("related={related}: store-wide AOV ÷ the hit's AOV is at least 1 (1.3 is the seeds' pass mark)", ["related": "\(related.description)"])) }
            spec.related = related
        }
        if let lead = try arguments.wholeCount("lead-time") { spec.leadTime = lead }
        if let safety = try arguments.rate("safety") {
            guard !safety.isNegative else { throw CommandError(phrase("safety=: give extra stock as a share, such as 20%")) }
            spec.safety = safety
        }
        return spec
    }

    /// "500/day", "500/天" or "500": whole units a day.
    private static func perDay(_ arguments: Arguments, _ key: String) throws(CommandError) -> ExactDecimal? {
        guard var text = arguments.value(key) else { return nil }
        for suffix in ["/day", "/天"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        guard let count = try? NumberGrammar.wholeCount(text), count >= 0 else {
            throw CommandError(phrase("{key}={value}: give whole units a day, such as {key}=500/day", ["key": "\(key)", "value": "\(arguments.value(key) ?? "")"]))
        }
        return ExactDecimal(count)
    }

    /// A plan worked out on the session's workspace (what the product and the shop bring:
    /// `HitPlanInputs.of` in the reports target).
    static func plan(_ spec: HitPlanSpec, _ session: Session) throws(CommandError) -> HitPlan {
        do { return try HitPlan.of(spec, session.workspace, index: session.context.costIndex()) } catch { throw CommandError(error.message) }
    }

    /// The plan as `hit plan` and `hit show` show it, by `grain`.
    static func report(_ spec: HitPlanSpec, by grain: HitPlanGrain, _ session: Session) throws(CommandError) -> HitPlanReport {
        do { return try HitPlanReport.of(spec, by: grain, in: session.context) } catch { throw CommandError(error.message) }
    }
}
