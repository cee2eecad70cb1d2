import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// How `hit plan` and `hit show` print a plan (its figures: `HitPlanReport`): the table at the
/// chosen grain, a summary, and warnings.
enum HitReport {
    /// `by=day|week|phase`, phase when not given.
    static func grain(_ arguments: Arguments) throws(CommandError) -> HitPlanGrain {
        let text = arguments.value("by") ?? HitPlanGrain.phase.rawValue
        guard let grain = HitPlanGrain(rawValue: text) else { throw CommandError(phrase("by={text}: use day, week or phase", ["text": "\(text)"])) }
        return grain
    }

    static func blocks(_ report: HitPlanReport, title: String) -> [Block] {
        [.table(table(report, title: title)), .table(summary(report))]
    }

    /// What a row covers, as its first cell says it.
    static func label(_ key: HitPlanReport.Key) -> String {
        switch key {
        case .day(let day): day.isoText
        case .week(let week): week.text
        case .phase(let phase): phrase(phase.rawValue)
        }
    }

    static func table(_ report: HitPlanReport, title: String) -> Table {
        let grain = report.grain, inputs = report.plan.inputs
        let byPhase = grain == .phase
        let rows: [[Cell]] = report.rows.map { row in
            let figures = row.figures
            var cells: [Cell] = []
            cells.reserveCapacity(11)
            cells.append(.text(label(row.key)))
            if !byPhase { cells.append(.text(row.phases.map { phrase($0.rawValue) }.joined(separator: "→"))) }
            cells.append(.count(figures.units))
            cells.append(.count(figures.orders))
            cells.append(.count(figures.visitors))
            cells.append(.count(figures.paidClicks))
            cells.append(.money(figures.adSpend))
            cells.append(.money(figures.revenue))
            cells.append(.money(figures.relatedRevenue))
            cells.append(.money(figures.contribution))
            cells.append(.money(row.cumulative))
            return cells
        }
        let total = report.total, days = phrase(count: report.dayCount, "{count} day", "{count} days")
        let footer: [Cell] = (byPhase ? [.text(phrase("total, {days}", ["days": days]))] : [.text(phrase("total")), .text(days)])
            + [.count(total.units), .count(total.orders), .count(total.visitors), .count(total.paidClicks), .money(total.adSpend),
               .money(total.revenue), .money(total.relatedRevenue), .money(total.contribution), .empty]
        let columns: [Column] = [.text(grain.rawValue, key: grain.rawValue)] + (byPhase ? [] : [.text("phase", key: "phase")])
            + [.number("units", key: "units"), .number("orders", key: "orders"), .number("visitors", key: "visitors"),
               .number("paid clicks", key: "paid_clicks"), .number("ad spend", key: "ad_spend"), .number("revenue", key: "revenue"),
               .number("related", key: "related_revenue"), .number("contribution", key: "contribution"),
               .number("cumulative", key: "cumulative")]
        return Table(name: "hit_plan", title: title, columns: columns, rows: rows, footerRows: [footer],
                     notes: [phrase("contribution = units × unit contribution {unit} + related revenue × the shop's contribution margin {margin} − ad spend",
                                    ["unit": inputs.unitContribution.formatted(), "margin": inputs.shopContributionMargin.percentText()])])
    }

    static func summary(_ report: HitPlanReport) -> Table {
        let spec = report.plan.spec, inputs = report.plan.inputs, total = report.total
        var rows: [(String, Cell)] = [
            ("days", .text(phrase("{start} to {end}, {count} days (test {test}, ramp {ramp}, peak {peak}, hold {hold})", ["start": spec.start.isoText, "end": spec.lastDay.isoText, "count": String(report.dayCount), "test": String(spec.phaseDays[0]), "ramp": String(spec.phaseDays[1]), "peak": String(spec.phaseDays[2]), "hold": String(spec.phaseDays[3])]))),
            ("units", .count(total.units)),
            ("revenue", .money(total.revenue)),
            ("related revenue", .money(total.relatedRevenue)),
            ("ad spend", .money(total.adSpend)),
            ("contribution after ads", .money(total.contribution)),
            ("ROI", .optional(report.roi) { .text(phrase("{roi} (contribution after ads ÷ ad spend)", ["roi": $0.formatted()])) }),
        ]
        if let payback = report.paybackDay, let dayNumber = report.paybackDayNumber {
            rows.append(("pays back", .text(phrase("{day} (day {number})", ["day": payback.isoText, "number": String(dayNumber)]))))
        } else {
            rows.append(("pays back", Cell.text(phrase("does not pay back within the plan")).emphasized(.negative)))
        }
        if let peak = report.peak {
            rows.append(("peak daily ad budget", .text(phrase("{amount} on {day}", ["amount": peak.adSpend.formatted(), "day": peak.day.isoText]))))
        }
        rows.append(("cpc / break-even CPC", .text(phrase("{cpc} / {breakeven} (CVR {cvr} × units per order {units} × u {contribution})", ["cpc": spec.cpc.formatted(), "breakeven": report.breakEvenCPC.formatted(), "cvr": inputs.cvr.percentText(), "units": inputs.unitsPerOrder.description, "contribution": inputs.unitContribution.formatted()]))))
        rows.append(("stock needed", .text(phrase("{count} (units × {share})", ["count": report.stockNeeded.countText, "share": (ExactDecimal.one + spec.safety).percentText(places: 0)]))))
        rows.append(("stock on hand", .text(inputs.stock.map { ExactDecimal($0).countText } ?? phrase("not set (product set {sku} stock=…)", ["sku": spec.sku]))))
        switch report.stock {
        case .runsOut(let day, let reorder):
            rows.append(("stock runs out", Cell.date(day).emphasized(.negative)))
            rows.append(("reorder by", .text(phrase("{day} (lead time {days} days)", ["day": reorder.isoText, "days": String(spec.leadTime)]))))
        case .lastsWithoutSafety: rows.append(("stock runs out", .text(phrase("lasts the plan, but is below the stock needed with the safety margin"))))
        case .lasts: rows.append(("stock runs out", .text(phrase("lasts the plan"))))
        case .unknown: break
        }
        return propertyTable(name: "hit_plan_summary", title: phrase("summary"), rows, notes: report.warnings.map(sentence))
    }

    /// A warning in words.
    static func sentence(_ warning: HitPlanReport.Warning) -> String {
        switch warning {
        case .cpcAboveBreakEven(let cpc, let breakEven):
            phrase("⚠ cpc {cpc} is above the break-even CPC {breakEven}: every paid click loses money on the product itself", ["cpc": cpc.formatted(), "breakEven": breakEven.formatted()])
        case .stockRunsOut(let day, let reorder, let beforeStart):
            phrase(beforeStart ? "⚠ the stock on hand runs out on {day}, inside the plan: reorder by {reorder}, which is before the plan starts"
                   : "⚠ the stock on hand runs out on {day}, inside the plan: reorder by {reorder}", ["day": day.isoText, "reorder": reorder.isoText])
        case .adSpendAboveGoal(let period, let spend, let goal):
            phrase("⚠ ad spend in {period} is {spend} on this plan alone, above the adspend goal {goal}", ["period": period.text, "spend": spend.formatted(), "goal": goal.formatted()])
        }
    }
}
