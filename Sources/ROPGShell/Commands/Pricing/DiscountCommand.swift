import ROPGDomain
import ROPGText
import ROPGReports
import ROPGTables

/// `discount SKU 20%`: what a discount does to a unit's contribution, and how much more must sell.
public enum DiscountCommand: Command {
    public static let name = "discount"
    public static let topic = HelpTopic.pricing
    public static let summary = "what a discount does to the contribution, and the volume that keeps it"
    public static let usage = ["discount SKU RATE | to=PRICE [on=DAY]"]
    public static let examples = ["discount TS-001 20%", "discount TS-001 to=63.2"]
    public static let details = """
        The discounted price is rounded half-up to the cent. To earn the same contribution at the new price, sales must
        grow by u ÷ u′ (DOMAIN §3). A discount that takes the price to or below the variable cost (goods, other unit
        costs and the fees on the new price) is refused with the numbers: no volume makes it up. Platforms punish more
        than two price changes in 24 hours, so planned price moves are better made as discounts.
        """
    public static let syntax = Syntax(words: [.sku, .rate], required: 1, keys: [Key("to", .amount), Key("on", .day)])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self)
        try arguments.checkPositionals(max: 2, usage: usage[0])
        guard let sku = arguments.positional(0) else { throw CommandError(phrase("discount needs a SKU; usage: {value}", ["value": "\(usage[0])"])) }
        let index = try ProductCommand.existing(sku, in: session)
        let day = try PricingContext.day(arguments)
        let cut: DiscountReport.Cut
        switch (arguments.positional(1), try arguments.amount("to")) {
        case (let text?, nil):
            let rate: ExactDecimal
            do { rate = try NumberGrammar.rate(text) } catch { throw CommandError(phrase("{text}: {error}", ["text": "\(text)", "error": "\(error.message)"])) }
            guard rate > .zero, rate < .one else { throw CommandError(phrase("{text}: a discount is between 0% and 100%", ["text": "\(text)"])) }
            cut = .rate(rate)
        case (nil, let target?):
            cut = .price(target)
        default:
            throw CommandError(phrase("give the discount (20%) or the new price (to=63.2), one of them; usage: {value}", ["value": "\(usage[0])"]))
        }
        let report = try PricingContext.report { () throws(ReportError) in
            try DiscountReport.discount(session.context, product: index, cut: cut, on: day)
        }
        // The table and the sentence under it show the same numbers, each worked out once in the
        // report: the contribution falls by the cut less the fees it saves, and the volume grows by u ÷ u′.
        let now = report.now, then = report.then, price = report.price
        let shown = report.shownVolumeFactor
        let contributionChange = report.contributionChangeRate.map { "\(Wording.signed(report.contributionChange)) (\(Wording.signedPercent($0)))" }
            ?? Wording.signed(report.contributionChange)
        func row(_ label: String, _ before: Cell, _ after: Cell, _ change: String) -> [Cell] { [.word(label), before, after, .text(change)] }
        var rows: [[Cell]] = [
            row("price", .money(now.price), .money(price), Wording.change(price, from: now.price)),
            row("fees", .money(now.fees), .money(then.fees), Wording.signed(report.feesChange)),
            row("unit contribution", .money(now.contribution), .money(then.contribution), contributionChange),
            row("contribution margin", .rateOrEmpty(now.contributionMargin), .rateOrEmpty(then.contributionMargin),
                phrase("{points} pp", ["points": Wording.signed(report.marginChangePoints)])),
            row("volume for the same contribution", .count(.one), .count(shown), Wording.signedPercent(report.volumeGrowth)),
        ]
        if let ads = now.adsPerUnit, !ads.isZero, let after = now.contributionAfterAds, let thenAfter = then.contributionAfterAds {
            rows.insert(row("contribution after ads", .money(after), .money(thenAfter), Wording.change(thenAfter, from: after)), at: 3)
        }
        let taken = report.contributionChangeRate.map { phrase("{amount} ({rate})", ["amount": report.contributionChange.magnitude.formatted(), "rate": $0.magnitude.percentText()]) }
            ?? report.contributionChange.magnitude.formatted()
        let cutText = report.feesChange.rounded().isZero ? phrase("a cut of {cut} in the price", ["cut": report.cut.formatted()])
            : phrase("a cut of {cut} in the price, less the {fees} of fees it saves,", ["cut": report.cut.formatted(), "fees": report.feesChange.magnitude.formatted()])
        let notes = [
            phrase("{cut} takes {taken} of each unit's contribution; to earn the same, sales must be {times} times today's ({growth}): every 100 units sold now must become {units} ({whole} in whole units, rounded up)",
                   ["cut": cutText, "taken": taken, "times": shown.countText, "growth": Wording.signedPercent(report.volumeGrowth),
                    "units": report.unitsForHundred.countText, "whole": report.wholeUnitsForHundred.countText]),
            PricingContext.workingNote(report.rates),
        ]
        return [.table(Table(title: phrase("discount {sku} {now} → {price}", ["sku": sku, "now": now.price.formatted(), "price": price.formatted()]),
                             columns: [.text("figure", key: "figure"), .number("now", key: "now"), .number("discounted", key: "discounted"),
                                       .number("change", key: "change")],
                             rows: rows, notes: notes, compare: ["discounted"]))]
    }
}
