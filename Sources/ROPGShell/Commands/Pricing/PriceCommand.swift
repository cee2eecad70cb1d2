import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `price SKU margin=30%`: the price that earns a target contribution margin, markup or unit profit.
public enum PriceCommand: Command {
    public static let name = "price"
    public static let topic = HelpTopic.pricing
    public static let summary = "the price for a target contribution margin, markup or profit per unit"
    public static let usage = ["price SKU margin=RATE | markup=RATE | profit=AMOUNT [on=DAY]"]
    public static let examples = ["price TS-001 margin=30%", "price TS-001 markup=150%", "price TS-001 profit=20"]
    public static let details = """
        margin=m: P = (C + v) ÷ (1 − f − m), with goods cost C, other unit costs v and fees f as margin shows them; no
        price reaches it when f + m ≥ 100%. markup=k: P = C × (1 + k). profit=x: the unit contribution x, P = (C + v + x)
        ÷ (1 − f). The price is rounded half-up to the cent and shown with what it earns; apply it with product set, or
        try it first with whatif product set SKU price=….
        """
    public static let syntax = Syntax(words: [.sku], required: 1, keys: [Key("margin", .rate), Key("markup", .rate), Key("profit", .amount), Key("on", .day)])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 1, usage: usage[0])
        guard let sku = arguments.positional(0) else { throw CommandError(phrase("price needs a SKU; usage: {value}", ["value": "\(usage[0])"])) }
        let index = try ProductCommand.existing(sku, in: session)
        let targets = ["margin", "markup", "profit"].filter { arguments.has($0) }
        guard targets.count == 1 else {
            throw CommandError(phrase("give one target: margin=30%, markup=150% or profit=20 (usage: {usage})", ["usage": usage[0]]))
        }
        let target: UnitEconomics.Target
        let wanted: String
        switch targets[0] {
        case "margin":
            let margin = try arguments.rate("margin") ?? .zero
            guard margin < .one else { throw CommandError(phrase("margin={value}: a contribution margin is below 100%", ["value": margin.percentText()])) }
            target = .margin(margin)
            wanted = phrase("a {rate} contribution margin", ["rate": margin.percentText()])
        case "markup":
            let markup = try arguments.rate("markup") ?? .zero
            target = .markup(markup)
            wanted = phrase("a {rate} markup", ["rate": markup.percentText()])
        default:
            let profit = try arguments.amount("profit") ?? .zero
            target = .profit(profit)
            wanted = phrase("a contribution of {amount} a unit", ["amount": profit.formatted()])
        }
        let day = try PricingContext.day(arguments)
        let report = try PricingContext.report { () throws(ReportError) in
            try PriceReport.price(session.context, product: index, target: target, on: day)
        }
        let now = report.now, then = report.then, price = report.price
        let rows: [(String, Cell)] = [
            ("product", .text("\(sku) \(session.workspace.products[index].name)")),
            ("target", .text(wanted)),
            ("price", .money(price)),
            ("exact price", .text(report.exactPrice.rounded(places: 6).description)),
            ("price now", .money(now.price)),
            ("change", .text(Wording.change(price, from: now.price))),
            ("unit contribution", .money(then.contribution)),
            ("contribution margin", .rateOrEmpty(then.contributionMargin)),
            ("gross margin", .rateOrEmpty(then.grossMargin)),
            ("markup", .rateOrEmpty(then.markup)),
        ]
        return [.table(propertyTable(title: phrase("price for {target}: {sku}", ["target": wanted, "sku": sku]), rows, notes: [
            phrase("{working} (goods {goods}, other {other}, fees {fees})", ["working": PricingContext.workingNote(report.rates), "goods": now.goodsCost.formatted(),
                                                                         "other": now.otherPerUnit.formatted(), "fees": now.feeRate.exactPercentText]),
            phrase("to use it: product set {sku} price={price}, or whatif product set {sku} price={price} to compare first", ["sku": sku, "price": price.plainText(minimumPlaces: 2)]),
        ]))]
    }
}
