import ROPGDomain

/// `goal drivers PERIOD by=GRAIN`: what the GMV goals need in visitors, orders, units, paid clicks
/// and ad spend, per child and for the whole period (docs/DOMAIN.md §4.2).
public struct DriversReport: Equatable, Sendable {
    /// One child of the period: named as `period`, worked out over `shown` (its days inside).
    public struct Row: Equatable, Sendable {
        public var period: Period
        public var shown: Period
        public var figures: DriverFigures
    }

    /// The shop-wide assumptions the tree starts from (days may have their own: see
    /// `assumptionsVary`).
    public struct Assumptions: Equatable, Sendable {
        public var cvr: ExactDecimal?
        public var aov: ExactDecimal?
        /// The paid share when one is set; else the paid clicks follow `naturalPerPaid`.
        public var paidShare: ExactDecimal?
        public var naturalPerPaid: ExactDecimal?
        public var cpc: ExactDecimal?
    }

    public var period: Period
    public var grain: PeriodGrain
    /// The children whose every day has a GMV goal (the period itself at its own grain).
    public var rows: [Row]
    /// The whole period's own need, rounded up once: a month of 1,000,000 at AOV 120 and CVR 3%
    /// needs 277,778 visitors, though its days rounded up one by one add to more.
    public var total: DriverFigures?
    public var assumptions: Assumptions
    /// Goals on other metrics that do not fit the GMV goal: the rows' first, then the period's
    /// own (when the rows are smaller than the period).
    public var contradictions: [DriverContradiction]
    /// The units an order holds at the product mix (AOV × the mix's units per yuan) when that is
    /// more than 1% away from `units-per-order`: the mix's prices and the AOV say one thing and
    /// the assumption another, and units follow the mix (docs/DOMAIN.md §8.4).
    public var mixUnitsPerOrder: MixUnitsPerOrder?
    public struct MixUnitsPerOrder: Equatable, Sendable {
        public var mix: ExactDecimal
        public var assumed: ExactDecimal
    }

    /// The period is shown as itself: one line, its total.
    public var isSingle: Bool { grain == period.grain }
    /// Some row's days have assumptions of their own (set … period=).
    public var assumptionsVary: Bool { rows.contains { $0.figures.assumptionsVary } }
    /// Every row's ad spend is known (a CPC holds on each day).
    public var adSpendKnown: Bool { rows.allSatisfy { $0.figures.adSpend != nil } }

    /// The report for `period` by `grain`; `.noGMVGoal` when some day of the period has no GMV goal.
    public static func of(_ context: ReportContext, period: Period, grain: PeriodGrain) throws(GoalReportError) -> DriversReport {
        let workspace = context.workspace
        let gmv = try GoalReports.plan(workspace, .gmv)
        guard gmv.value(of: period) != nil else { throw .noGMVGoal(covering: period) }
        let settings = workspace.settings
        let children = try GoalReports.rows(of: period, by: grain)
        let unitsPerGMV = SalesModel.unitsPerRevenue(of: workspace.products)
        var rows: [Row] = []
        var contradictions: [DriverContradiction] = []
        for child in children {
            let shown = child.clipped(to: period)
            let figures: DriverFigures?
            do { figures = try Drivers.figures(for: shown, gmv: gmv, settings: settings, unitsPerGMV: unitsPerGMV) } catch { throw .failed(error.message) }
            guard let figures else { continue }
            rows.append(Row(period: child, shown: shown, figures: figures))
            contradictions += Drivers.contradictions(in: child, figures: figures, goals: workspace.goals)
        }
        let total: DriverFigures?
        do { total = try Drivers.figures(for: period, gmv: gmv, settings: settings, unitsPerGMV: unitsPerGMV) } catch { throw .failed(error.message) }
        if let total, grain != period.grain {
            contradictions += Drivers.contradictions(in: period, figures: total, goals: workspace.goals)
        }
        let assumptions = Assumptions(cvr: settings[.cvr], aov: settings[.aov],
                                      paidShare: settings.isSet(.paidShare) ? settings[.paidShare] : nil,
                                      naturalPerPaid: settings[.naturalPerPaid], cpc: settings[.cpc])
        var report = DriversReport(period: period, grain: grain, rows: rows, total: total, assumptions: assumptions,
                                   contradictions: contradictions)
        let assumed = settings.value(.unitsPerOrder, on: period.firstDay) ?? .one
        if let unitsPerGMV, let aov = settings.value(.aov, on: period.firstDay) {
            let mix = aov * unitsPerGMV
            if let off = (mix - assumed).divided(by: assumed), off.magnitude > ExactDecimal(mantissa: 1, places: 2) {
                report.mixUnitsPerOrder = MixUnitsPerOrder(mix: mix, assumed: assumed)
            }
        }
        return report
    }
}
