import ROPGDomain
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
            throw CommandError("\(command) needs a period, e.g. \(command) 2026-03; usage: \(usage)")
        }
        let sourceText = arguments.value("source") ?? "plan"
        guard let source = SalesSource(rawValue: sourceText) else { throw CommandError("source=\(sourceText): use plan or actual") }
        self.source = source
        let viewText = arguments.value("view") ?? "accrual"
        guard let view = CostView(rawValue: viewText) else { throw CommandError("view=\(viewText): use accrual or cash") }
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
        notes.append(source == .plan ? "sales-linked costs follow the plan: GMV goals and the driver tree (source=actual for recorded actuals)"
                                     : "sales-linked costs follow the recorded actuals (source=actual)")
        if view == .cash { notes.append("view=cash: one-off and amortized purchases on their payment day") }
        if !book.sales.refunds.isZero {
            notes.append("refunds (refund-rate, day by day: overall \(Self.refundRate(book.sales))): revenue, units, goods and percent costs are net of refunds; per-order costs follow gross orders")
        }
        if book.depositsHeld > .zero || book.depositTotal > .zero {
            notes.append("deposits (capital tied up, not a cost): \(book.depositsHeld.formatted()) held at the end of \(period.text)"
                         + (book.depositTotal > .zero ? ", \(book.depositTotal.formatted()) of it paid in \(period.text)" : ""))
        }
        for (index, figures) in book.sales.hitPlans.sorted(by: { $0.key < $1.key }) {
            let saved = session.workspace.hitPlans[index]
            notes.append("hit plan \(saved.name) (\(saved.spec.sku)) is inside the GMV goal: revenue \(figures.revenue.formatted()), "
                         + "\(figures.units.countText) units, ad spend \(figures.adSpend.formatted()) in O; it bears fees, goods and unit costs like every sale")
        }
        if !book.sales.hitRevenue.isZero {
            let rest = book.sales.gmv - book.sales.hitRevenue
            notes.append("hit plans bring \(book.sales.hitRevenue.formatted()) of GMV \(book.sales.gmv.formatted()); the rest of the shop brings \(rest.formatted())")
        }
        if !book.sales.goalExceededBy.isZero {
            notes.append("⚠ the hit plans bring \(book.sales.goalExceededBy.formatted()) more than the GMV goal on their days: the plan's GMV there is the hits' revenue")
        }
        if book.sales.daysWithoutRevenue > 0 {
            notes.append("\(counted(book.sales.daysWithoutRevenue, "day")) of \(period.text) \(source == .plan ? "have no GMV goal" : "have no recorded GMV"): no revenue counted there")
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
        if let shown, shown != exact { amount += " (\(shown.formatted()) shown, so the lines add up)" }
        if line.source == .paymentFee {
            return "payment-fee × net revenue \(line.basis.map { $0.formatted() } ?? "?"), day by day = \(amount)"
        }
        switch line.source {
        case .hitAds(let index):
            let plan = workspace.hitPlans[index]
            return "hit plan \(plan.name): \(line.basis.map { $0.countText } ?? "?") paid clicks × cpc \(plan.spec.cpc.formatted()) = \(amount)"
        default: break
        }
        guard case .entry(let index) = line.source else {
            return "each product's net revenue × its goods cost ÷ its price (\(line.basis.map { $0.rounded().countText } ?? "?") units in all) = \(amount)"
        }
        let entry = workspace.costs[index]
        let quantity = entry.quantity == .one ? "" : " × \(entry.quantity.countText)"
        let of = entry.product.map { " of \($0)" } ?? ""
        let base = line.basis.map { $0.rounded() } ?? .zero
        switch entry.basis {
        case .perUnit: return "\(entry.amount.formatted())/unit\(quantity) × \(base.countText) units\(of) = \(amount)"
        case .perOrder: return "\(entry.amount.formatted())/order\(quantity) × \(base.countText) orders\(of) = \(amount)"
        case .percent: return "\(entry.amount.exactPercentText)\(quantity) × net revenue\(of) \(base.formatted()) = \(amount)"
        case .plannedClicks:
            let share = entry.amount == .one ? "" : "\(entry.amount.exactPercentText) of "
            return "\(share)the plan's paid clicks × cpc\(quantity)\(of): ad spend \(base.formatted()) = \(amount)"
        case .cps(let share): return "CPS \(entry.amount.exactPercentText)\(quantity) × \(share.exactPercentText) of net revenue\(of) = \(entry.amount.exactPercentText) × \(base.formatted()) = \(amount)"
        default:
            if case .amortized = entry.basis, view == .cash {
                return "\((entry.amount * entry.quantity).formatted()) paid on \(entry.start?.isoText ?? "") → \(amount) in \(period.text)"
            }
            var text = CostSpec.describe(entry) + quantity
            if let window = Accrual.window(of: entry, in: period), window != period.firstDay...period.lastDay {
                text += ", on \(window.lowerBound.isoText)..\(window.upperBound.isoText)"
            }
            return "\(text) → \(amount) in \(period.text)"
        }
    }

    /// The refund rate over a period's days: refunds ÷ GMV.
    static func refundRate(_ sales: Sales) -> String {
        ((sales.refunds.divided(by: sales.gmv) ?? .zero) * .hundred).rounded(places: 4).description + "%"
    }

    static func categoryLabel(_ category: CostCategory) -> String {
        "\(category.rawValue) \(category.englishName) \(category.chineseName)"
    }

    /// The name a cost line goes by.
    static func name(_ line: CostLine, _ workspace: Workspace) -> (id: String, name: String) {
        switch line.source {
        case .entry(let index): return (workspace.costs[index].id.description, workspace.costs[index].name)
        case .goods: return ("", "goods (products) 货品成本")
        case .paymentFee: return ("", "payment fee 支付手续费")
        case .hitAds(let index): return ("", "ad spend: hit plan \(workspace.hitPlans[index].name) 爆款计划")
        }
    }
}
