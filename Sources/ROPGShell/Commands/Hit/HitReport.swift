import ROPGDomain
import ROPGTables

/// How `hit plan` and `hit show` print a plan: the table at the chosen grain, a summary, and
/// warnings.
enum HitReport {
    static func blocks(_ plan: HitPlan, title: String, by grain: String, _ session: Session) throws(CommandError) -> [Block] {
        [.table(try table(plan, title: title, by: grain)), .table(summary(plan, session))]
    }

    /// The plan's days grouped by day, ISO week or phase.
    static func groups(_ plan: HitPlan, by grain: String) throws(CommandError) -> [(label: String, phases: String, figures: HitFigures)] {
        var groups: [(label: String, phases: [HitPhase], figures: HitFigures)] = []
        for day in plan.days {
            let label: String
            switch grain {
            case "day": label = day.day.isoText
            case "week": label = Period.isoWeek(of: day.day).text
            case "phase": label = day.phase.rawValue
            default: throw CommandError("by=\(grain): use day, week or phase")
            }
            if let last = groups.last, last.label == label {
                groups[groups.count - 1].figures = last.figures + day.figures
                if last.phases.last != day.phase { groups[groups.count - 1].phases.append(day.phase) }
            } else {
                groups.append((label, [day.phase], day.figures))
            }
        }
        return groups.map { ($0.label, $0.phases.map(\.rawValue).joined(separator: "→"), $0.figures) }
    }

    static func table(_ plan: HitPlan, title: String, by grain: String) throws(CommandError) -> Table {
        let groups = try groups(plan, by: grain)
        // Money and orders are rounded so that the rows add up exactly to the totals shown.
        let orders = Allocation.roundedParts(groups.map(\.figures.orders))
        let adSpend = Allocation.roundedParts(groups.map(\.figures.adSpend))
        let revenue = Allocation.roundedParts(groups.map(\.figures.revenue))
        let related = Allocation.roundedParts(groups.map(\.figures.relatedRevenue))
        let contribution = Allocation.roundedParts(groups.map(\.figures.contribution))
        var cumulative = ExactDecimal.zero
        var rows: [[Cell]] = []
        for (position, group) in groups.enumerated() {
            cumulative += contribution[position]
            rows.append([.text(group.label), .text(grain == "phase" ? "" : group.phases), .count(group.figures.units), .count(orders[position]),
                         .count(group.figures.visitors), .count(group.figures.paidClicks), .money(adSpend[position]),
                         .money(revenue[position]), .money(related[position]), .money(contribution[position]), .money(cumulative)])
        }
        let total = plan.total
        let footer: [Cell] = [.text("total"), .text("\(plan.days.count) days"), .count(total.units), .count(orders.reduce(.zero, +)),
                              .count(total.visitors), .count(total.paidClicks), .money(adSpend.reduce(.zero, +)),
                              .money(revenue.reduce(.zero, +)), .money(related.reduce(.zero, +)), .money(cumulative), .empty]
        var columns: [Column] = [.text(grain, key: grain), .text("phase", key: "phase"), .number("units", key: "units"),
                                 .number("orders", key: "orders"), .number("visitors", key: "visitors"),
                                 .number("paid clicks", key: "paid_clicks"), .number("ad spend", key: "ad_spend"),
                                 .number("revenue", key: "revenue"), .number("related", key: "related_revenue"),
                                 .number("contribution", key: "contribution"), .number("cumulative", key: "cumulative")]
        var table = Table(name: "hit_plan", title: title, columns: columns, rows: rows, footerRows: [footer],
                          notes: ["contribution = units × unit contribution \(plan.inputs.unitContribution.formatted()) + related revenue × "
                                  + "the shop's contribution margin \(plan.inputs.shopContributionMargin.percentText()) − ad spend"])
        if grain == "phase" {
            columns.remove(at: 1)
            table.columns = columns
            table.rows = rows.map { row in var row = row; row.remove(at: 1); return row }
            table.footerRows = [{ var row = footer; row[0] = .text("total, \(plan.days.count) days"); row.remove(at: 1); return row }()]
        }
        return table
    }

    static func summary(_ plan: HitPlan, _ session: Session) -> Table {
        let spec = plan.spec, inputs = plan.inputs, total = plan.total
        var notes: [String] = []
        var rows: [(String, Cell)] = [
            ("days", .text("\(spec.start.isoText) to \(spec.lastDay.isoText), \(plan.days.count) days (test \(spec.phaseDays[0]), ramp \(spec.phaseDays[1]), peak \(spec.phaseDays[2]), hold \(spec.phaseDays[3]))")),
            ("units", .count(total.units)),
            ("revenue", .money(total.revenue)),
            ("related revenue", .money(total.relatedRevenue)),
            ("ad spend", .money(total.adSpend)),
            ("contribution after ads", .money(total.contribution)),
            ("ROI", .optional(plan.roi) { .text($0.formatted() + " (contribution after ads ÷ ad spend)") }),
        ]
        if let payback = plan.paybackDay {
            let dayNumber = spec.start.distance(to: payback) + 1
            rows.append(("pays back", .text("\(payback.isoText) (day \(dayNumber))")))
        } else {
            rows.append(("pays back", Cell.text("does not pay back within the plan").emphasized(.negative)))
        }
        if let peak = plan.days.max(by: { $0.figures.adSpend < $1.figures.adSpend }) {
            rows.append(("peak daily ad budget", .text("\(peak.figures.adSpend.formatted()) on \(peak.day.isoText)")))
        }
        let breakEven = inputs.breakEvenCPC
        rows.append(("cpc / break-even CPC", .text("\(spec.cpc.formatted()) / \(breakEven.formatted()) (CVR \(inputs.cvr.percentText()) × units per order \(inputs.unitsPerOrder.description) × u \(inputs.unitContribution.formatted()))")))
        if spec.cpc > breakEven.rounded() {
            notes.append("⚠ cpc \(spec.cpc.formatted()) is above the break-even CPC \(breakEven.formatted()): every paid click loses money on the product itself")
        }
        rows.append(("stock needed", .text("\(plan.stockNeeded.countText) (units × \((ExactDecimal.one + spec.safety).percentText(places: 0)))")))
        rows.append(("stock on hand", .text(inputs.stock.map { ExactDecimal($0).countText } ?? "not set (product set \(spec.sku) stock=…)")))
        if let stockOut = plan.stockOutDay, let reorder = plan.reorderDay {
            rows.append(("stock runs out", Cell.date(stockOut).emphasized(.negative)))
            rows.append(("reorder by", .text("\(reorder.isoText) (lead time \(spec.leadTime) days)")))
            notes.append("⚠ the stock on hand runs out on \(stockOut.isoText), inside the plan: reorder by \(reorder.isoText)"
                         + (reorder < spec.start ? ", which is before the plan starts" : ""))
        } else if let stock = inputs.stock, ExactDecimal(stock) < plan.stockNeeded {
            rows.append(("stock runs out", .text("lasts the plan, but is below the stock needed with the safety margin")))
        } else if inputs.stock != nil {
            rows.append(("stock runs out", .text("lasts the plan")))
        }
        for goal in session.workspace.goals where goal.metric == .adspend {
            let days = max(goal.period.firstDay, spec.start)...min(goal.period.lastDay, spec.lastDay)
            guard days.lowerBound <= days.upperBound else { continue }
            let spend = plan.figures(in: days).adSpend
            if spend > goal.value {
                notes.append("⚠ ad spend in \(goal.period.text) is \(spend.formatted()) on this plan alone, above the adspend goal \(goal.value.formatted())")
            }
        }
        return propertyTable(name: "hit_plan_summary", title: "summary", rows, notes: notes)
    }
}
