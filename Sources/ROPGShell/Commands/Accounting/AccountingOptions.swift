import ROPGDomain

/// What the report commands share: the period, where sales come from, the view, and how a cost
/// entry's working reads.
struct AccountingOptions {
    var period: Period
    var source: SalesSource
    var view: CostView
    var model: SalesModel

    static let keys = ["source", "view"]

    init(_ arguments: Arguments, command: String, usage: String, session: Session) throws(CommandError) {
        guard let text = arguments.positional(0) else { throw CommandError("\(command) needs a period, e.g. \(command) 2026-03; usage: \(usage)") }
        do { period = try Period.parse(text) } catch { throw CommandError(error.message) }
        let sourceText = arguments.value("source") ?? "plan"
        guard let source = SalesSource(rawValue: sourceText) else { throw CommandError("source=\(sourceText): use plan or actual") }
        self.source = source
        let viewText = arguments.value("view") ?? "accrual"
        guard let view = CostView(rawValue: viewText) else { throw CommandError("view=\(viewText): use accrual or cash") }
        self.view = view
        do { model = try session.salesModel(source) } catch { throw CommandError(error.message) }
    }

    /// A period's costs in totals (fast, over the folded cost index) or line by line.
    /// With the plan as the source, saved hit plans are part of it.
    func book(_ period: Period, _ session: Session, perEntry: Bool = false, byProduct: Bool = false) throws(CommandError) -> CostBook {
        var book: CostBook
        do {
            if perEntry {
                book = try CostBook(session.workspace, period: period, model: model, view: view)
            } else {
                book = try CostBook(session.workspace, index: session.costIndex(), period: period, model: model, view: view, byProduct: byProduct)
            }
        } catch {
            throw CommandError(error.message)
        }
        if source == .plan, !session.workspace.hitPlans.isEmpty {
            let products = session.workspace.products
            book.addHitPlans(try session.savedHitPlans()) { products[$0].cost }
        }
        return book
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
        for (index, figures) in book.hitPlanFigures {
            let saved = session.workspace.hitPlans[index]
            notes.append("includes hit plan \(saved.name) (\(saved.spec.sku)): revenue \(figures.revenue.formatted()), \(figures.units.countText) units, "
                         + "goods \(figures.units.isZero ? "0.00" : "in G"), ad spend \(figures.adSpend.formatted()) in O")
        }
        if book.sales.daysWithoutRevenue > 0 {
            notes.append("\(counted(book.sales.daysWithoutRevenue, "day")) of \(period.text) \(source == .plan ? "have no GMV goal" : "have no recorded GMV"): no revenue counted there")
        }
        return notes
    }

    /// How a cost line was worked out: "5% × net revenue 1,019,178.09 = 50,958.90".
    /// `shown` is the amount the table shows when rounding shares cents among lines.
    static func working(_ line: CostLine, _ workspace: Workspace, period: Period, view: CostView, shown: ExactDecimal? = nil) -> String {
        var amount = (shown ?? line.amount).formatted()
        if let shown, shown != line.amount.rounded() { amount += " (\(line.amount.formatted()) rounded to add up)" }
        if line.source == .paymentFee {
            return "payment-fee × net revenue \(line.basis.map { $0.formatted() } ?? "?"), day by day = \(amount)"
        }
        switch line.source {
        case .hitGoods(let index):
            let plan = workspace.hitPlans[index]
            let cost = workspace.productIndex(sku: plan.spec.sku).map { workspace.products[$0].cost.formatted() } ?? "?"
            return "hit plan \(plan.name): \(line.basis.map { $0.countText } ?? "?") units of \(plan.spec.sku) × goods cost \(cost) = \(amount)"
        case .hitAds(let index):
            let plan = workspace.hitPlans[index]
            return "hit plan \(plan.name): \(line.basis.map { $0.countText } ?? "?") paid clicks × cpc \(plan.spec.cpc.formatted()) = \(amount)"
        default: break
        }
        guard case .entry(let index) = line.source else {
            return "net units of each product × its goods cost (\(line.basis.map { $0.rounded().countText } ?? "?") units in all) = \(amount)"
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
        case .hitGoods(let index): return ("", "goods: hit plan \(workspace.hitPlans[index].name) 爆款计划")
        case .hitAds(let index): return ("", "ad spend: hit plan \(workspace.hitPlans[index].name) 爆款计划")
        }
    }
}
