import ROPGDomain
import ROPGText
import ROPGTables
import ROPGReports

/// `seek INPUT until FIGURE=TARGET`: goal seek — the value of one input that makes one figure hit
/// a target, found by bracketing and bisection, then held in a what-if.
public enum SeekCommand: Command {
    public static let name = "seek"
    public static let topic = HelpTopic.pricing
    public static let summary = "goal seek: the value of one input that makes a figure hit a target (opens a what-if)"
    public static let usage = ["seek INPUT until FIGURE=TARGET [from=LOW] [to=HIGH] [on=DAY]"]
    public static let examples = ["seek TS-001.price until margin:TS-001=30%", "seek cpc until profit:2026=100万",
                                  "seek cvr until profit:2026-11=0", "seek TS-001.cost until contribution:TS-001=40"]
    public static let details = """
        INPUT: a product field (SKU.price, SKU.cost, SKU.share), an assumption (cvr, aov, cpc, paid-share,
        natural-per-paid, units-per-order, payment-fee, refund-rate) or a cost entry's amount or quantity (O8, O8.qty).
        FIGURE: margin:SKU (contribution margin), contribution:SKU (per unit), breakeven:SKU (units this month),
        profit:PERIOD or margin:PERIOD (profit ÷ net revenue, from pnl). The input is tried across a range (from= and
        to=, else a wide one for its kind) to find where the figure crosses the target, the crossing nearest today's
        value is narrowed by bisection, and the answer is rounded as the input is shown (cents, 0.01%). When no value
        in the range reaches the target, seek says so and shows what the figure ranges over. The answer opens a what-if
        holding it: compare with pnl or margin, then keep or drop.
        """
    public static let syntax = Syntax(words: [.text, .choice(["until"]), .text], required: 3, keys: [Key("from", .amount), Key("to", .amount), Key("on", .day)])

    enum Input {
        case product(index: Int, field: String)
        case assumption(Assumption)
        case cost(index: Int, field: String)

        /// Places the answer is rounded to, as a fraction (rates) or money.
        var places: Int {
            switch self {
            case .assumption(let assumption): return assumption.kind == .rate ? 4 : 2
            case .product(_, let field): return field == "share" ? 4 : 2
            case .cost(_, let field): return field == "qty" ? 2 : 4
            }
        }
        var isRate: Bool {
            switch self {
            case .assumption(let assumption): return assumption.kind == .rate
            case .product(_, let field): return field == "share"
            case .cost: return false
            }
        }
        /// True when the folded cost index must be rebuilt for each try.
        var changesIndex: Bool {
            switch self {
            case .assumption(let assumption): return assumption == .unitsPerOrder
            case .product, .cost: return true
            }
        }
    }

    enum Figure {
        case margin(Int), contribution(Int), breakeven(Int)
        case profit(Period), periodMargin(Period)

        var isRate: Bool {
            switch self {
            case .margin, .periodMargin: return true
            default: return false
            }
        }
    }

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        let words = arguments.words
        guard words.count >= 3, words[1].text == "until", words[0].key == nil else {
            throw CommandError(phrase("write seek INPUT until FIGURE=TARGET, e.g. {example}", ["example": examples[0]]))
        }
        let options = Arguments(Array(words.dropFirst(3)))
        try options.checkKeys(of: Self.self)
        try options.checkPositionals(max: 0, usage: usage[0])
        let workspace = session.workspace
        let inputText = words[0].text
        let input = try parseInput(inputText, workspace)
        let goal = words[2]
        let split = goal.key.map { ($0, goal.value ?? "") } ?? goal.text.lastIndex(of: "=").map {
            (String(goal.text[..<$0]), String(goal.text[goal.text.index(after: $0)...]))
        }
        guard let (figureText, targetText) = split, !targetText.isEmpty else {
            throw CommandError(phrase("{text}: write the figure and its target, e.g. margin:TS-001=30% or profit:2026=100万", ["text": goal.text]))
        }
        let figure = try parseFigure(figureText, session)
        let target: ExactDecimal
        do { target = figure.isRate ? try NumberGrammar.rate(targetText) : try NumberGrammar.amount(targetText) } catch {
            throw CommandError(phrase("{text}: {problem}", ["text": targetText, "problem": error.message]))
        }
        let day: Day
        if let text = options.value("on") {
            guard let parsed = Day(isoText: text) else { throw CommandError(phrase("on={value}: give a day such as 2026-03-15", ["value": text])) }
            day = parsed
        } else {
            day = session.today
        }
        let current = value(of: input, in: workspace)
        var (low, high) = defaultRange(input, current: current)
        if let from = try rangeValue(options, "from", input) { low = from }
        if let to = try rangeValue(options, "to", input) { high = to }
        guard low < high else { throw CommandError(phrase("from= must be below to=")) }

        let sharedIndex = session.context.costIndex()
        var planModel: SalesModel?
        if case .profit = figure { planModel = try model(session) }
        if case .periodMargin = figure { planModel = try model(session) }
        let breakevenPeriod = Period.month(year: day.year, month: day.month)
        // The search works on exact figures; what it shows (the answer's figure and today's) comes
        // from the ledger every report uses, so "figure now" is pnl's to the cent.
        func evaluate(_ x: ExactDecimal, shown: Bool = false) throws(CommandError) -> ExactDecimal? {
            let trial = try set(input, to: x, in: workspace)
            let index = input.changesIndex ? CostIndex(trial) : sharedIndex
            // Saved hit plans are part of the plan, worked out again on the trial (their product's
            // price or cost may be the input).
            var hits: [SalesModel.Hit] = []
            if planModel != nil, !trial.hitPlans.isEmpty {
                do { hits = try HitPlanInputs.savedPlans(trial, index: index) } catch { throw CommandError(error.message) }
            }
            return try self.figure(figure, trial, index: index, model: planModel?.rebased(on: trial, hits: hits), day: day,
                                   breakevenPeriod: breakevenPeriod, shown: shown)
        }
        // Sample the range, find the crossing nearest today's value, narrow it by bisection.
        let samples = sample(low, high)
        var values: [(x: ExactDecimal, y: ExactDecimal)] = []
        for x in samples { if let y = try evaluate(x) { values.append((x, y - target)) } }
        guard !values.isEmpty else { throw CommandError(phrase("{figure} cannot be worked out for any {input} in the range", ["figure": figureText, "input": inputText])) }
        var best: (ExactDecimal, ExactDecimal)?
        for pair in zip(values, values.dropFirst()) where (pair.0.y.isNegative != pair.1.y.isNegative) || pair.0.y.isZero {
            let candidate = (pair.0.x, pair.1.x)
            if let chosen = best, (chosen.0 - current).magnitude <= (candidate.0 - current).magnitude { continue }
            best = candidate
        }
        if values.last?.y.isZero == true, best == nil, let last = values.last { best = (last.x, last.x) }
        let show = { (value: ExactDecimal) in figure.isRate ? value.percentText() : value.formatted() }
        guard var (lo, hi) = best else {
            let reached = values.map { $0.y + target }
            let minimum = reached.min() ?? .zero, maximum = reached.max() ?? .zero
            throw CommandError(phrase("no {input} between {low} and {high} makes {figure} = {target}: there it ranges from {minimum} to {maximum}; widen the range with from= and to=",
                                      ["input": inputText, "low": text(low, input), "high": text(high, input), "figure": figureText,
                                       "target": show(target), "minimum": show(minimum), "maximum": show(maximum)]))
        }
        let resolution = ExactDecimal(mantissa: 1, places: input.places + 2)
        let loSign = (try evaluate(lo)).map { ($0 - target).isNegative } ?? false
        var iterations = 0
        while hi - lo > resolution && iterations < 200 {
            iterations += 1
            let mid = (lo + hi).divided(by: 2)
            guard let y = try evaluate(mid) else { break }
            if (y - target).isZero { lo = mid; hi = mid; break }
            if (y - target).isNegative == loSign { lo = mid } else { hi = mid }
        }
        // Of the two values at the input's precision around the root, the one whose figure is nearer.
        let root = (lo + hi).divided(by: 2)
        let step = ExactDecimal(mantissa: 1, places: input.places)
        let down = root.rounded(places: input.places) > root ? root.rounded(places: input.places) - step : root.rounded(places: input.places)
        var answer = down, reached = try evaluate(down, shown: true)
        let up = try evaluate(down + step, shown: true)
        if let upMiss = up.map({ ($0 - target).magnitude }), reached.map({ upMiss < ($0 - target).magnitude }) ?? true {
            answer = down + step
            reached = up
        }
        let now = try evaluate(current, shown: true)

        // Hold the answer in a what-if.
        let opened = !session.isWhatIfOpen
        session.openWhatIf()
        let edit = try change(input, to: answer, in: session.workspace, description: phrase("seek: {input} = {value}", ["input": inputText, "value": text(answer, input)]))
        session.perform(edit)
        let rows: [(String, Cell)] = [
            ("input", .text(inputText)),
            ("value found", .text(text(answer, input))),
            ("value now", .text(text(current, input))),
            ("figure", .text(figureText)),
            ("target", .text(show(target))),
            ("figure at the value found", .optional(reached) { .text(show($0)) }),
            ("figure now", .optional(now) { .text(show($0)) }),
        ]
        let holding: KeyValuePairs<String, String> = ["input": inputText, "value": text(answer, input)]
        return [.table(propertyTable(title: phrase("seek {input} until {figure} = {target}", ["input": inputText, "figure": figureText, "target": show(target)]), rows, notes: [
            phrase("searched {low}..{high}; the answer is rounded as {input} is shown", ["low": text(low, input), "high": text(high, input), "input": inputText]),
            opened ? phrase("a what-if is open holding {input} = {value}: compare with pnl, margin or breakeven, then keep or drop", holding)
                : phrase("the open what-if now holds {input} = {value}: compare with pnl, margin or breakeven, then keep or drop", holding),
        ]))]
    }

    // MARK: - Inputs

    static func parseInput(_ text: String, _ workspace: Workspace) throws(CommandError) -> Input {
        if let assumption = Assumption(rawValue: text) { return .assumption(assumption) }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        if let id = CostID(text: parts[0]), let index = workspace.costIndex(id: id) {
            let field = parts.count > 1 ? parts[1] : "amount"
            guard ["amount", "qty"].contains(field) else { throw CommandError(phrase("{text}: a cost entry's amount or qty can be sought", ["text": text])) }
            return .cost(index: index, field: field)
        }
        if parts.count == 2, let index = workspace.productIndex(sku: parts[0]) {
            guard ["price", "cost", "share"].contains(parts[1]) else {
                throw CommandError(phrase("{text}: seek a product's price, cost or share, e.g. {sku}.price", ["text": text, "sku": parts[0]]))
            }
            return .product(index: index, field: parts[1])
        }
        let names = Assumption.allCases.map(\.rawValue) + workspace.products.prefix(50).map { "\($0.sku).price" }
        let near = Suggestions.nearest(to: text, among: names)
        let assumptions = commaList(Assumption.allCases.map(\.rawValue))
        throw CommandError(near.isEmpty
            ? phrase("{text} is not an input: give SKU.price, SKU.cost, SKU.share, an assumption ({assumptions}) or a cost ID", ["text": text, "assumptions": assumptions])
            : phrase("{text} is not an input: give SKU.price, SKU.cost, SKU.share, an assumption ({assumptions}) or a cost ID; did you mean {names}?",
                     ["text": text, "assumptions": assumptions, "names": orList(near)]))
    }

    static func value(of input: Input, in workspace: Workspace) -> ExactDecimal {
        switch input {
        case .assumption(let assumption): return workspace.settings[assumption] ?? .zero
        case .product(let index, let field):
            let product = workspace.products[index]
            return field == "price" ? product.price : field == "cost" ? product.cost : product.share ?? SalesModel.shares(of: workspace.products)[index]
        case .cost(let index, let field):
            return field == "qty" ? workspace.costs[index].quantity : workspace.costs[index].amount
        }
    }

    static func text(_ value: ExactDecimal, _ input: Input) -> String {
        input.isRate ? value.percentText(places: 2) : value.plainText(minimumPlaces: 2)
    }

    static func defaultRange(_ input: Input, current: ExactDecimal) -> (ExactDecimal, ExactDecimal) {
        let small = ExactDecimal(mantissa: 1, places: 4)
        if input.isRate { return (small, ExactDecimal(mantissa: 9999, places: 4)) }
        let wide = max(current * 20, ExactDecimal(1000))
        return (ExactDecimal(mantissa: 1, places: 2), wide)
    }

    static func rangeValue(_ arguments: Arguments, _ key: String, _ input: Input) throws(CommandError) -> ExactDecimal? {
        input.isRate ? try arguments.rate(key) : try arguments.amount(key)
    }

    /// 41 points over the range, spaced evenly in log scale when it spans orders of magnitude.
    static func sample(_ low: ExactDecimal, _ high: ExactDecimal) -> [ExactDecimal] {
        let count = 40
        var points: [ExactDecimal] = []
        let ratio = low > .zero ? (high.divided(by: low) ?? .one) : .one
        if ratio > ExactDecimal(100) {
            // Geometric: multiply by the count-th root of the ratio, found by bisection on x^count.
            var a = ExactDecimal.one, b = ExactDecimal(2)
            for _ in 0..<60 {
                let mid = (a + b).divided(by: 2)
                var power = ExactDecimal.one
                for _ in 0..<count { power = power * mid }
                if power < ratio { a = mid } else { b = mid }
            }
            var x = low
            for _ in 0...count { points.append(min(x, high)); x = x * a }
            points[points.count - 1] = high
        } else {
            let step = (high - low).divided(by: count)
            for i in 0...count { points.append(low + step * i) }
        }
        return points
    }

    /// The workspace with the input at `x`, refused when the value is out of bounds.
    static func set(_ input: Input, to x: ExactDecimal, in workspace: Workspace) throws(CommandError) -> Workspace {
        var trial = workspace
        for change in try change(input, to: x, in: workspace, description: "").changes { change.apply(to: &trial) }
        return trial
    }

    static func change(_ input: Input, to x: ExactDecimal, in workspace: Workspace, description: String) throws(CommandError) -> Edit {
        switch input {
        case .assumption(let assumption):
            if let problem = assumption.problem(with: x) { throw CommandError(phrase("{assumption} {value} {problem}", ["assumption": assumption.rawValue, "value": text(x, input), "problem": phrase(problem)])) }
            var settings = workspace.settings
            settings[assumption] = x
            return Edit(description: description, changes: [.setSettings(settings)])
        case .product(let index, let field):
            var product = workspace.products[index]
            switch field {
            case "price": product.price = x
            case "cost": product.cost = x
            default: product.share = x
            }
            return Edit(description: description, changes: [.replaceProduct(product, at: index)])
        case .cost(let index, let field):
            var entry = workspace.costs[index]
            if field == "qty" { entry.quantity = x } else { entry.amount = x }
            return Edit(description: description, changes: [.replaceCost(entry, at: index)])
        }
    }

    // MARK: - Figures

    static func parseFigure(_ text: String, _ session: Session) throws(CommandError) -> Figure {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw CommandError(phrase("{text}: write a figure such as margin:TS-001, contribution:TS-001, breakeven:TS-001, profit:2026 or margin:2026-11", ["text": text])) }
        let workspace = session.workspace
        func period() throws(CommandError) -> Period {
            do { return try Period.parse(parts[1]) } catch { throw CommandError(phrase("{text}: {problem}", ["text": text, "problem": error.message])) }
        }
        switch parts[0] {
        case "margin":
            if let index = workspace.productIndex(sku: parts[1]) { return .margin(index) }
            return .periodMargin(try period())
        case "contribution": return .contribution(try ProductCommand.existing(parts[1], in: session))
        case "breakeven": return .breakeven(try ProductCommand.existing(parts[1], in: session))
        case "profit": return .profit(try period())
        default:
            throw CommandError(phrase("{text}: the figures are margin, contribution, breakeven and profit", ["text": parts[0]]))
        }
    }

    static func model(_ session: Session) throws(CommandError) -> SalesModel {
        do { return try session.context.salesModel(.plan) } catch { throw CommandError(error.message) }
    }

    static func figure(_ figure: Figure, _ workspace: Workspace, index: CostIndex, model: SalesModel?, day: Day,
                       breakevenPeriod: Period, shown: Bool) throws(CommandError) -> ExactDecimal? {
        switch figure {
        case .margin(let product), .contribution(let product), .breakeven(let product):
            // The reports `margin` and `breakeven` show, on the trial workspace.
            let context = ReportContext(workspace: workspace, today: day, index: index)
            do {
                if case .breakeven = figure {
                    return try BreakevenReport.breakeven(context, product: product, period: breakevenPeriod, on: day).units
                }
                let row = try MarginReport.margin(context, products: [product], on: day).rows[0]
                if case .margin = figure { return row.contributionMargin }
                return row.contribution
            } catch {
                throw CommandError(error.message)
            }
        case .profit(let period), .periodMargin(let period):
            guard let model else { return nil }
            if !shown {
                let book: CostBook
                do { book = try CostBook(workspace, index: index, period: period, model: model) } catch { throw CommandError(error.message) }
                let profit = book.sales.netRevenue - book.total()
                if case .profit = figure { return profit }
                return profit.divided(by: book.sales.netRevenue)
            }
            // The same ledger pnl uses, so "figure now" is pnl's figure to the cent.
            let figures: PeriodFigures
            do { figures = try Ledger(workspace: workspace, model: model, index: index, view: .accrual).figures(period) } catch {
                throw CommandError(error.message)
            }
            if case .profit = figure { return figures.profit }
            return figures.margin
        }
    }
}
