import ROPGDomain
import ROPGTables

/// `goal drivers PERIOD`: what the GMV goals need in visitors, orders, units, clicks and ad money.
extension GoalCommand {
    static func drivers(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(allowed: ["by"], command: "goal drivers")
        try arguments.checkPositionals(max: 2, usage: usage[7])
        let period = try period(arguments.positional(1), "drivers")
        let grain = try grain(arguments.value("by"), for: period)
        let gmv = try plan(session.workspace, .gmv)
        guard gmv.value(of: period) != nil else {
            throw CommandError("no GMV goal covers every day of \(period.text); set one with goal set \(GoalCommand.settable(period)) gmv=…")
        }
        let settings = session.workspace.settings
        let children = try rows(of: period, by: grain)
        var rows: [[Cell]] = []
        var spendKnown = true
        var notes: [String] = []
        var varies = false
        for child in children {
            let shown = clip(child, to: period)
            let figures: DriverFigures?
            do { figures = try Drivers.figures(for: shown, gmv: gmv, settings: settings) } catch { throw CommandError(error.message) }
            guard let figures else { continue }
            varies = varies || figures.assumptionsVary
            if figures.adSpend == nil { spendKnown = false }
            rows.append([.text(label(child, shown: shown)), .money(figures.gmv), .count(figures.visitors), .count(figures.orders),
                         .count(figures.units), .count(figures.paidClicks), .optional(figures.adSpend, { .money($0) })])
            notes += Drivers.contradictions(in: child, figures: figures, goals: session.workspace.goals)
        }
        // The total is the whole period's own need, rounded up once: a month of 1,000,000 at AOV 120
        // and CVR 3% needs 277,778 visitors, though its days rounded up one by one add to more.
        let whole: DriverFigures?
        do { whole = try Drivers.figures(for: period, gmv: gmv, settings: settings) } catch { throw CommandError(error.message) }
        let total: [Cell] = [.text("total \(period.text)"), .optional(whole?.gmv, { .money($0) }), .optional(whole?.visitors, { .count($0) }),
                             .optional(whole?.orders, { .count($0) }), .optional(whole?.units, { .count($0) }),
                             .optional(whole?.paidClicks, { .count($0) }), .optional(whole?.adSpend, { .money($0) })]
        let cvr = settings[.cvr].map(\.exactPercentText) ?? "—"
        let aov = settings[.aov].map { $0.formatted() } ?? "—"
        let paid = settings.isSet(.paidShare) ? "paid share \(settings[.paidShare]?.exactPercentText ?? "")"
            : "\(settings[.naturalPerPaid]?.description ?? "1") natural visitor per paid click"
        notes.insert("assumptions: cvr \(cvr), aov \(aov), \(paid), cpc \(settings[.cpc].map { $0.formatted() } ?? "not set")"
                     + (varies ? "; some days have their own (set … period=)" : ""), at: 0)
        if let whole, grain != period.grain { notes += Drivers.contradictions(in: period, figures: whole, goals: session.workspace.goals) }
        if rows.count > 1 {
            notes.insert("visitors, orders, units and clicks are rounded up in each row and in the total, so the rows may add to a little more", at: 1)
        }
        if !spendKnown { notes.append("ad spend needs a CPC: set cpc=0.8") }
        // A period shown as itself is one line: its total.
        let single = grain == period.grain
        let table = Table(
            title: nil,
            columns: [.text(single ? "period" : grain.name, key: "period"), .number("GMV goal", key: "gmv"), .number("visitors", key: "visitors"),
                      .number("orders", key: "orders"), .number("units", key: "units"), .number("paid clicks", key: "paid_clicks"),
                      .number("ad spend", key: "ad_spend")],
            rows: single ? [total] : rows, footerRows: single ? [] : [total], notes: notes, compare: ["visitors", "ad_spend"])
        return [.table(table)]
    }
}
