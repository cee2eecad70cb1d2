import ROPGDomain
import ROPGText
import ROPGTables
import ROPGReports

/// What the report commands share: the period, where sales come from, the view, and how a cost
/// entry's working reads.
struct AccountingOptions {
    var period: Period
    var source: SalesSource
    var view: CostView
    /// Where every shown figure comes from (docs/DOMAIN.md §7).
    var ledger: Ledger

    /// With `defaultsToThisMonth`, no period means the month of today (docs/DOMAIN.md §12).
    init(_ arguments: Arguments, command: String, usage: String, session: Session, defaultsToThisMonth: Bool = false) throws(CommandError) {
        if let text = arguments.positional(0) {
            do { period = try Period.parse(text) } catch { throw CommandError(error.message) }
        } else if defaultsToThisMonth {
            let today = session.context.today
            period = .month(year: today.year, month: today.month)
        } else {
            throw CommandError(phrase("{command} needs a period, e.g. {command} 2026-03; usage: {usage}", ["command": command, "usage": usage]))
        }
        let sourceText = arguments.value("source") ?? "plan"
        guard let source = SalesSource(rawValue: sourceText) else { throw CommandError(phrase("{key}={value}: use {choices}", ["key": "source", "value": sourceText, "choices": choiceList(["plan", "actual"])])) }
        self.source = source
        let viewText = arguments.value("view") ?? "accrual"
        guard let view = CostView(rawValue: viewText) else { throw CommandError(phrase("{key}={value}: use {choices}", ["key": "view", "value": viewText, "choices": choiceList(["accrual", "cash"])])) }
        self.view = view
        do { ledger = try session.context.ledger(source, view) } catch { throw CommandError(error.message) }
    }

    /// A period's exact book (sales, deposits, lines for working): in totals over the folded cost
    /// index, or line by line. With the plan as the source, saved hit plans are part of it.
    func book(_ period: Period, perEntry: Bool = false, byProduct: Bool = false) throws(CommandError) -> CostBook {
        do { return try ledger.book(period, perEntry: perEntry, byProduct: byProduct) } catch { throw CommandError(error.message) }
    }

    /// A period's shown figures, the same in every report.
    func figures(_ period: Period, lines: Bool = false) throws(CommandError) -> PeriodFigures {
        do { return try ledger.figures(period, lines: lines) } catch { throw CommandError(error.message) }
    }

    /// The book's lines, and a line of nothing for each source that costs nothing in the period
    /// but to which the running total's rounding gives a cent there (docs/DOMAIN.md §7.3), so that
    /// the lines a report lists add up to its categories.
    static func shownLines(_ book: CostBook, _ figures: PeriodFigures, _ workspace: Workspace) -> [CostLine] {
        let listed = Set(book.lines.map(\.source))
        let extra = figures.lines.filter { !$0.value.isZero && !listed.contains($0.key) }.keys.sorted { rank($0) < rank($1) }.map { source -> CostLine in
            let category: CostCategory = switch source {
            case .entry(let index): workspace.costs[index].category
            case .goods: .G
            case .paymentFee: .R
            case .hitAds: .O
            }
            return CostLine(source: source, category: category, amount: .zero, basis: nil)
        }
        return book.lines + extra
    }

    /// Workspace order: entries, goods, the payment fee, hit plans (docs/DOMAIN.md §7.3).
    private static func rank(_ source: CostLine.Source) -> Int {
        switch source {
        case .entry(let index): return index
        case .goods: return Int.max / 2
        case .paymentFee: return Int.max / 2 + 1
        case .hitAds(let index): return Int.max / 2 + 2 + index
        }
    }

    /// The notes every report carries: where revenue came from, the view, deposits, gaps.
    func notes(_ book: CostBook, _ session: Session) -> [String] {
        var notes: [String] = []
        notes.append(source == .plan ? phrase("sales-linked costs follow the plan: GMV goals and the driver tree (source=actual for recorded actuals)")
                                     : phrase("sales-linked costs follow the recorded actuals (source=actual)"))
        if view == .cash { notes.append(phrase("view=cash: one-off and amortized purchases on their payment day")) }
        if !book.sales.refunds.isZero {
            notes.append(phrase("refunds (refund-rate, day by day: overall {rate}): revenue, units, goods and percent costs are net of refunds; per-order costs follow gross orders",
                                ["rate": Self.refundRate(book.sales)]))
        }
        if book.depositsHeld > .zero || book.depositTotal > .zero {
            notes.append(book.depositTotal > .zero
                ? phrase("deposits (capital tied up, not a cost): {held} held at the end of {period}, {paid} of it paid in {period}",
                         ["held": book.depositsHeld.formatted(), "period": period.text, "paid": book.depositTotal.formatted()])
                : phrase("deposits (capital tied up, not a cost): {held} held at the end of {period}", ["held": book.depositsHeld.formatted(), "period": period.text]))
        }
        for (index, figures) in book.sales.hitPlans.sorted(by: { $0.key < $1.key }) {
            let saved = session.workspace.hitPlans[index]
            notes.append(phrase("hit plan {name} ({sku}) is inside the GMV goal: revenue {revenue}, {units} units, ad spend {adspend} in O; it bears fees, goods and unit costs like every sale",
                                ["name": saved.name, "sku": saved.spec.sku, "revenue": figures.revenue.formatted(), "units": figures.units.countText, "adspend": figures.adSpend.formatted()]))
        }
        if !book.sales.hitRevenue.isZero {
            let rest = book.sales.gmv - book.sales.hitRevenue
            notes.append(phrase("hit plans bring {hits} of GMV {gmv}; the rest of the shop brings {rest}",
                                ["hits": book.sales.hitRevenue.formatted(), "gmv": book.sales.gmv.formatted(), "rest": rest.formatted()]))
        }
        if !book.sales.goalExceededBy.isZero {
            notes.append(phrase("⚠ the hit plans bring {amount} more than the GMV goal on their days: the plan's GMV there is the hits' revenue", ["amount": book.sales.goalExceededBy.formatted()]))
        }
        if book.sales.daysWithoutRevenue > 0 {
            let days = phrase(count: book.sales.daysWithoutRevenue, "{count} day", "{count} days")
            notes.append(source == .plan ? phrase("{days} of {period} have no GMV goal: no revenue counted there", ["days": days, "period": period.text])
                                         : phrase("{days} of {period} have no recorded GMV: no revenue counted there", ["days": days, "period": period.text]))
        }
        return notes
    }

    /// How a cost line was worked out: "5% × net revenue 1,019,178.09 = 50,958.90".
    /// `shown` is the amount the table shows when rounding shares cents among lines.
    static func working(_ line: CostLine, _ workspace: Workspace, period: Period, view: CostView, shown: ExactDecimal? = nil) -> String {
        // The working's own result, rounded; the ledger may move a cent between lines so that
        // they add up to the category (docs/DOMAIN.md §7), and then says so.
        let exact = line.amount.roundedToCents()
        var amount = exact.formatted()
        if let shown, shown != exact { amount = phrase("{amount} ({shown} shown, so the lines add up)", ["amount": amount, "shown": shown.formatted()]) }
        if line.source == .paymentFee {
            return phrase("payment-fee × net revenue {base}, day by day = {amount}", ["base": line.basis.map { $0.formatted() } ?? "?", "amount": amount])
        }
        switch line.source {
        case .hitAds(let index):
            let plan = workspace.hitPlans[index]
            return phrase("hit plan {name}: {clicks} paid clicks × cpc {cpc} = {amount}", ["name": plan.name, "clicks": line.basis.map { $0.countText } ?? "?",
                                                                                        "cpc": plan.spec.cpc.formatted(), "amount": amount])
        default: break
        }
        guard case .entry(let index) = line.source else {
            return phrase("each product's net revenue × its goods cost ÷ its price ({units} units in all) = {amount}", ["units": line.basis.map { $0.rounded().countText } ?? "?", "amount": amount])
        }
        let entry = workspace.costs[index]
        let quantity = entry.quantity == .one ? "" : " × \(entry.quantity.countText)"
        let of = entry.product.map { phrase(" of {sku}", ["sku": $0]) } ?? ""
        let base = line.basis.map { $0.rounded() } ?? .zero
        let values: KeyValuePairs<String, String> = ["rate": entry.amount.exactPercentText, "amount": entry.amount.formatted(), "qty": quantity,
                                                     "base": base.countText, "of": of, "total": amount]
        switch entry.basis {
        case .perUnit: return phrase("{amount}/unit{qty} × {base} units{of} = {total}", values)
        case .perOrder: return phrase("{amount}/order{qty} × {base} orders{of} = {total}", values)
        case .percent:
            return phrase("{rate}{qty} × net revenue{of} {revenue} = {total}", ["rate": entry.amount.exactPercentText, "qty": quantity, "of": of, "revenue": base.formatted(), "total": amount])
        case .plannedClicks:
            let spend: KeyValuePairs<String, String> = ["share": entry.amount.exactPercentText, "qty": quantity, "of": of, "spend": base.formatted(), "total": amount]
            return entry.amount == .one ? phrase("the plan's paid clicks × cpc{qty}{of}: ad spend {spend} = {total}", spend)
                : phrase("{share} of the plan's paid clicks × cpc{qty}{of}: ad spend {spend} = {total}", spend)
        case .cps(let share):
            return phrase("CPS {rate}{qty} × {share} of net revenue{of} = {rate} × {revenue} = {total}",
                          ["rate": entry.amount.exactPercentText, "qty": quantity, "share": share.exactPercentText, "of": of, "revenue": base.formatted(), "total": amount])
        default:
            if case .amortized = entry.basis, view == .cash {
                return phrase("{paid} paid on {day} → {total} in {period}", ["paid": (entry.amount * entry.quantity).formatted(), "day": entry.start?.isoText ?? "", "total": amount, "period": period.text])
            }
            var text = CostSpec.describe(entry) + quantity
            if let window = Accrual.window(of: entry, in: period), window != period.firstDay...period.lastDay {
                text = phrase("{working}, on {from}..{to}", ["working": text, "from": window.lowerBound.isoText, "to": window.upperBound.isoText])
            }
            return phrase("{working} → {total} in {period}", ["working": text, "total": amount, "period": period.text])
        }
    }

    /// The refund rate over a period's days: refunds ÷ GMV.
    static func refundRate(_ sales: Sales) -> String {
        ((sales.refunds.divided(by: sales.gmv) ?? .zero) * .hundred).rounded(places: 4).description + "%"
    }

    static func categoryLabel(_ category: CostCategory) -> String {
        switch category {
        case .R: phrase("R platform 平台固定成本")
        case .O: phrase("O operating 运营成本")
        case .P: phrase("P people 人员成本")
        case .G: phrase("G goods 货品成本")
        }
    }

    /// The name a cost line goes by.
    static func name(_ line: CostLine, _ workspace: Workspace) -> (id: String, name: String) {
        switch line.source {
        case .entry(let index): return (workspace.costs[index].id.description, workspace.costs[index].name)
        case .goods: return ("", phrase("goods (products) 货品成本"))
        case .paymentFee: return ("", phrase("payment fee 支付手续费"))
        case .hitAds(let index): return ("", phrase("ad spend: hit plan {name} 爆款计划", ["name": workspace.hitPlans[index].name]))
        }
    }
}
