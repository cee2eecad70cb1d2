import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `hit rank|plan|save|list|show|rm`: choosing a product to push and planning the push (爆款, DOMAIN §5).
public enum HitCommand: Command {
    public static let name = "hit"
    public static let topic = HelpTopic.hits
    public static let summary = "hit products (爆款): rank candidates, plan a push day by day, save plans into the P&L"
    public static let usage = [
        "hit rank [SKU…]",
        "hit plan SKU [start=DAY] [test=7] [ramp=14] [peak=30] [hold=30] [test-units=10/day] [peak-units=100/day] [hold-level=70%] "
            + "[cpc=…] [paid-share=80% | 80%,60%,50%,30%] [related=1.3] [lead-time=15] [safety=20%] [by=day|week|phase] [chart[=FIGURE]]",
        "hit save NAME",
        "hit list",
        "hit show NAME [by=day|week|phase] [chart[=FIGURE]]",
        "hit rm NAME",
    ]
    public static let examples = [
        "hit rank",
        "hit plan TS-001 start=2026-10-01 test=7 ramp=14 peak=30 hold=30 test-units=10/day peak-units=500/day hold-level=70% cpc=0.9 paid-share=80%,60%,50%,30% related=1.3 lead-time=15 safety=20%",
        "hit plan TS-001 peak-units=300/day by=week",
        "hit save 双11",
        "hit show 双11 by=phase",
        "hit show 双11 by=week chart=contribution",
    ]
    public static let details = """
        rank: per product, CTR and CVR (the product's own, measured with product set SKU ctr= cvr=, else the shop's),
        unit contribution u, value per visitor = CVR × units per order × u, value per 1,000 impressions = that × CTR × 1000,
        and the break-even CPC (a click may cost what a visitor is worth); best value per visitor first.
        plan: units a day are flat in the test, rise in a straight line to the peak over the ramp, stay at the peak, then
        hold at hold-level × peak (whole units). Each day: orders = units ÷ units per order, visitors = orders ÷ CVR (rounded
        up), paid clicks = visitors × the phase's paid share (rounded), ad spend = clicks × cpc, revenue = units × price,
        related revenue = revenue × (related − 1) earning the shop's average contribution margin, and contribution after
        ads. Unset keys come from the product and the shop (start today, the shop's cpc and paid share). The summary gives
        ROI (contribution after ads ÷ ad spend), the payback day, the peak daily ad budget, the stock needed (units ×
        (1 + safety)) against stock on hand, the stock-out day and the latest reorder day (stock-out − lead time).
        save keeps the last plan shown under a name: saved plans are part of the plan in pnl and costs (their revenue, their
        goods as G and their ad spend as O, each on a line of its own) and goal show says how much of each GMV goal they cover.
        plan and show: chart=FIGURE (or chart alone: the main figure) draws a bar chart of one of the report's figures, row by row, fitted to the terminal's width; the cumulative contribution by default.
        """
    static let grains = Key("by", .choice(["day", "week", "phase"]))
    public static let syntax = Syntax([
        Verb("rank", words: [.sku], repeatsLast: true, keys: [Key("on", .day)]),
        Verb("plan", words: [.sku], required: 1, keys: HitPlanning.keys.map { key in
            switch key {
            case "start": Key(key, .day)
            case "test", "ramp", "peak", "hold", "lead-time": Key(key, .count)
            case "hold-level", "paid-share", "safety": Key(key, .rate)
            default: Key(key, .amount)
            }
        } + [grains, Key("chart", .figure)]),
        Verb("save", words: [.text], required: 1),
        Verb("list"),
        Verb("show", words: [.hitPlan], required: 1, keys: [grains, Key("chart", .figure)]),
        Verb("rm", words: [.hitPlan], required: 1),
    ])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        switch try verb(arguments) {
        case "rank": return try HitRank.run(arguments, session)
        case "plan":
            try arguments.checkKeys(of: Self.self, verb: "plan")
            try arguments.checkPositionals(max: 2, usage: usage[1])
            let spec = try HitPlanning.spec(arguments, skuAt: 1, defaults: .shop(session))
            let grain = try HitReport.grain(arguments)
            let report = try HitPlanning.report(spec, by: grain, session)
            session.lastHitPlan = spec
            return HitReport.blocks(report, title: phrase("hit plan {sku}", ["sku": spec.sku]))
                + [.message(phrase("hit save NAME keeps this plan; its revenue, goods and ads then count in pnl, costs and goal show"))]
        case "save": return try save(arguments, session)
        case "list": return try list(arguments, session)
        case "show":
            try arguments.checkKeys(of: Self.self, verb: "show")
            try arguments.checkPositionals(max: 2, usage: usage[4])
            let saved = try existing(arguments, session, usage: usage[4])
            let grain = try HitReport.grain(arguments)
            let report = try HitPlanning.report(saved.spec, by: grain, session)
            return HitReport.blocks(report, title: phrase("hit plan {name}: {sku}", ["name": saved.name, "sku": saved.spec.sku]))
                + [.message(phrase("plan: {spec}", ["spec": "\(saved.spec.text)"]))]
        default:
            try arguments.checkKeys(of: Self.self, verb: "rm")
            try arguments.checkPositionals(max: 2, usage: usage[5])
            let saved = try existing(arguments, session, usage: usage[5])
            session.perform(Edit(description: "hit rm \(saved.name)",
                                 changes: [.setHitPlans(session.workspace.hitPlans.filter { $0.name != saved.name })]))
            return [.message(phrase("removed hit plan {name}", ["name": "\(saved.name)"]))]
        }
    }

    private static func existing(_ arguments: Arguments, _ session: Session, usage: String) throws(CommandError) -> SavedHitPlan {
        guard let name = arguments.positional(1) else { throw CommandError(phrase("usage: {usage}", ["usage": "\(usage)"])) }
        guard let saved = session.workspace.hitPlans.first(where: { $0.name == name }) else {
            let names = session.workspace.hitPlans.map(\.name)
            throw CommandError(names.isEmpty
                ? phrase("no hit plan {name}; none is saved yet", ["name": name.quotedExcerpt])
                : phrase("no hit plan {name}; saved: {names}", ["name": name.quotedExcerpt, "names": commaList(names)]))
        }
        return saved
    }

    private static func save(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "save")
        try arguments.checkPositionals(max: 2, usage: usage[2])
        guard let name = arguments.positional(1) else { throw CommandError(phrase("hit save needs a name, e.g. hit save 双11")) }
        guard let spec = session.lastHitPlan else { throw CommandError(phrase("no plan to save yet: show one with hit plan SKU …, then hit save {name}", ["name": "\(name)"])) }
        guard session.workspace.productIndex(sku: spec.sku) != nil else { throw CommandError(phrase("product {sku} is gone; plan again", ["sku": "\(spec.sku)"])) }
        var plans = session.workspace.hitPlans
        let replacing = plans.firstIndex { $0.name == name }
        if let replacing { plans[replacing].spec = spec } else { plans.append(SavedHitPlan(name: name, spec: spec)) }
        session.perform(Edit(description: "hit save \(name)", changes: [.setHitPlans(plans)]))
        let parameters: KeyValuePairs<String, String> = ["name": name, "sku": spec.sku, "start": spec.start.isoText, "end": spec.lastDay.isoText]
        return [.message(replacing == nil ? phrase("saved hit plan {name}: {sku} from {start} to {end}", parameters)
                                          : phrase("replaced hit plan {name}: {sku} from {start} to {end}", parameters))]
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "list")
        try arguments.checkPositionals(max: 1, usage: usage[3])
        var rows: [[Cell]] = []
        for saved in session.workspace.hitPlans {
            let plan = try HitPlanning.plan(saved.spec, session)
            rows.append([.text(saved.name), .text(saved.spec.sku), .date(saved.spec.start), .date(saved.spec.lastDay),
                         .count(plan.total.units), .money(plan.total.revenue), .money(plan.total.adSpend), .money(plan.total.contribution),
                         .text(plan.paybackDay?.isoText ?? "does not pay back")])
        }
        let columns: [Column] = [.text("name", key: "name"), .text("SKU", key: "sku"), .text("from", key: "from"), .text("to", key: "to"),
                                 .number("units", key: "units"), .number("revenue", key: "revenue"), .number("ad spend", key: "ad_spend"),
                                 .number("contribution", key: "contribution"), .text("pays back", key: "payback")]
        return [.table(Table(title: phrase("saved hit plans"), columns: columns, rows: rows,
                             notes: rows.isEmpty ? [phrase("none yet: hit plan SKU …, then hit save NAME")] : []))]
    }
}
