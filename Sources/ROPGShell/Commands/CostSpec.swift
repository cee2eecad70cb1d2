import ROPGDomain
import ROPGText
import ROPGTables

/// Turns what a user types after `cost add R "name"` (or `cost set ID …`) into an entry:
/// `60000/year`, `5% of=revenue`, `50000 basis=deposit`, `12000 amortize=12 start=2026-01`,
/// `12000 date=2026-01-05`, `1/unit product=TS-001`, `4/order`, `cpc=0.8 clicks=20000/month`,
/// `cpc=plan` (the plan's paid clicks at the plan's CPC, `share=` of them),
/// `cpm=30 impressions=500000/month`, `cpt=2000/day`, `cps=10% share=30%`; with `qty=`,
/// `start=`, `end=`.
enum CostSpec {
    static let keys = ["amount", "basis", "of", "date", "amortize", "start", "end", "qty", "product", "cpc", "clicks",
                       "cpm", "impressions", "cpt", "cps", "share", "name"]
    /// The keys with the kinds of their values, for `cost add` and `cost set`'s declarations.
    static let syntax: [Key] = keys.map { key in
        switch key {
        case "basis": Key(key, .choice(CostBasis.allNames))
        case "of": Key(key, .choice(["revenue"]))
        case "date": Key(key, .day)
        case "start", "end": Key(key, .period)
        case "product": Key(key, .sku)
        case "amortize": Key(key, .count)
        case "cps", "share": Key(key, .rate)
        case "name": Key(key, .text)
        default: Key(key, .amount)
        }
    }

    static var hint: String {
        phrase("write an amount such as 60000/year, 4500/month, 5% of=revenue, 1.5/unit, 4/order, 12000 date=2026-01-05, 12000 amortize=12 start=2026-01, 50000 basis=deposit, cpc=0.8 clicks=20000/month, cpc=plan, cpm=30 impressions=500000/month, cpt=2000/day or cps=10%")
    }

    /// The `key=value` pairs that describe an entry, so that `cost set` can change some and rebuild it.
    static func values(of entry: CostEntry) -> [String: String] {
        var values: [String: String] = ["name": entry.name]
        let amount = entry.amount.description
        switch entry.basis {
        case .once(let date):
            values["amount"] = amount
            values["date"] = date.isoText
        case .recurring(let per):
            values["amount"] = "\(amount)/\(per.rawValue)"
        case .amortized(let months):
            values["amount"] = amount
            values["amortize"] = String(months)
        case .perUnit:
            values["amount"] = "\(amount)/unit"
        case .perOrder:
            values["amount"] = "\(amount)/order"
        case .percent:
            values["amount"] = entry.amount.exactPercentText
            values["of"] = "revenue"
        case .cps(let share):
            values["cps"] = entry.amount.exactPercentText
            if share != .one { values["share"] = share.exactPercentText }
        case .cpc(let clicks, let per):
            values["cpc"] = amount
            values["clicks"] = "\(clicks.description)/\(per.rawValue)"
        case .plannedClicks:
            values["cpc"] = "plan"
            if entry.amount != .one { values["share"] = entry.amount.exactPercentText }
        case .cpm(let impressions, let per):
            values["cpm"] = amount
            values["impressions"] = "\(impressions.description)/\(per.rawValue)"
        case .cpt(let per):
            values["cpt"] = "\(amount)/\(per.rawValue)"
        case .deposit(let date):
            values["amount"] = amount
            values["basis"] = "deposit"
            if let date { values["date"] = date.isoText }
        }
        if entry.quantity != .one { values["qty"] = entry.quantity.description }
        if let start = entry.start { values["start"] = start.isoText }
        if let end = entry.end { values["end"] = end.isoText }
        if let product = entry.product { values["product"] = product }
        return values
    }

    /// Builds an entry from `key=value` pairs (a missing or "none" value means not given).
    /// `hasProduct`: whether a product of that SKU exists (asked only about the entry's own).
    static func build(id: CostID, values: [String: String], hasProduct: (String) -> Bool) throws(CommandError) -> CostEntry {
        func given(_ key: String) -> String? {
            guard let value = values[key], !value.isEmpty, value != "none" else { return nil }
            return value
        }
        func day(_ key: String, last: Bool) throws(CommandError) -> Day? {
            guard let text = given(key) else { return nil }
            do {
                let period = try Period.parse(text)
                return last ? period.lastDay : period.firstDay
            } catch {
                throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message]))
            }
        }
        func number(_ key: String, _ text: String) throws(CommandError) -> TypedNumber {
            do { return try NumberGrammar.parse(text) } catch { throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message])) }
        }
        func amountAndUnit(_ key: String, _ text: String) throws(CommandError) -> (TypedNumber, String?) {
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let value = try number(key, String(parts[0]))
            guard parts.count == 2 else { return (value, nil) }
            let unit = String(parts[1]).trimmingSpaces()
            guard !unit.isEmpty else { throw CommandError(phrase("{key}={value}: say what the amount is per, e.g. /month, /unit, /order", ["key": key, "value": text.excerpt])) }
            return (value, unit)
        }
        func moneyAmount(_ key: String, _ value: TypedNumber) throws(CommandError) -> ExactDecimal {
            guard !value.isPercent else { throw CommandError(phrase("{key}=: a percentage is not an amount of money here", ["key": key])) }
            return value.value
        }
        func timeUnit(_ key: String, _ unit: String?, _ text: String) throws(CommandError) -> TimeUnit {
            guard let unit else { throw CommandError(phrase("{key}={value}: say how often, e.g. {value}/month", ["key": key, "value": text.excerpt])) }
            guard let timeUnit = TimeUnit(text: unit) else {
                throw CommandError(phrase("{key}={value}: {unit} is not day, week, month, quarter or year", ["key": key, "value": text.excerpt, "unit": unit.quotedExcerpt]))
            }
            return timeUnit
        }

        let name = values["name"] ?? ""
        if name.trimmingSpaces().isEmpty { throw CommandError(phrase("the name {name} is blank; a cost entry needs a name, e.g. \"快递\"", ["name": name.quotedExcerpt])) }
        var quantity = ExactDecimal.one
        if let text = given("qty") { quantity = try moneyAmount("qty", try number("qty", text)) }
        var start = try day("start", last: false)
        let end = try day("end", last: true)
        let product = given("product")
        if let sku = product, !hasProduct(sku) { throw CommandError(phrase("product=: no product {sku}", ["sku": sku.excerpt])) }
        let explicitBasis = given("basis")
        if let explicitBasis, !CostBasis.allNames.contains(explicitBasis) {
            let near = Suggestions.nearest(to: explicitBasis, among: CostBasis.allNames)
            let choices = CostBasis.allNames.joined(separator: ", ")
            throw CommandError(near.isEmpty
                ? phrase("basis={basis} is not a basis; use one of {choices}", ["basis": explicitBasis, "choices": choices])
                : phrase("basis={basis} is not a basis; use one of {choices} (did you mean {near}?)", ["basis": explicitBasis, "choices": choices, "near": near[0]]))
        }

        // The promotion forms carry their own price keys.
        let promotionKeys = ["cpc", "cpm", "cpt", "cps"].filter { given($0) != nil }
        if promotionKeys.count > 1 { throw CommandError(phrase("give only one of {keys}", ["keys": commaList(promotionKeys.map { "\($0)=" })])) }
        if let promotion = promotionKeys.first {
            if given("amount") != nil { throw CommandError(phrase("give either an amount or {key}=, not both", ["key": promotion])) }
            if let explicitBasis, explicitBasis != promotion { throw CommandError(phrase("basis={basis} does not go with {key}=", ["basis": explicitBasis, "key": promotion])) }
        }
        let clicksFromPlan = given("cpc") == "plan"
        for (key, owner) in [("clicks", "cpc"), ("impressions", "cpm"), ("share", clicksFromPlan ? "cpc" : "cps")]
            where given(key) != nil && promotionKeys.first != owner {
            throw CommandError(phrase("{key}= goes with {owner}=", ["key": key, "owner": owner]))
        }
        if clicksFromPlan, given("clicks") != nil {
            throw CommandError(phrase("cpc=plan takes its clicks from the plan; give a price and clicks (cpc=0.8 clicks=20000/month) or cpc=plan"))
        }

        let basis: CostBasis
        var amount: ExactDecimal
        switch promotionKeys.first {
        case "cpc" where clicksFromPlan:
            amount = .one
            if let text = given("share") { amount = try number("share", text).value }
            basis = .plannedClicks
        case "cpc", "cpm":
            let key = promotionKeys[0]
            let volumeKey = key == "cpc" ? "clicks" : "impressions"
            amount = try moneyAmount(key, try number(key, given(key) ?? ""))
            guard let volumeText = given(volumeKey) else {
                throw CommandError(phrase("{key}= needs {volume}=, e.g. {volume}=20000/month", ["key": key, "volume": volumeKey]))
            }
            let (volume, unit) = try amountAndUnit(volumeKey, volumeText)
            let per = try timeUnit(volumeKey, unit, volumeText)
            let count = try moneyAmount(volumeKey, volume)
            basis = key == "cpc" ? .cpc(clicks: count, per: per) : .cpm(impressions: count, per: per)
        case "cpt":
            let text = given("cpt") ?? ""
            let (price, unit) = try amountAndUnit("cpt", text)
            amount = try moneyAmount("cpt", price)
            basis = .cpt(per: try timeUnit("cpt", unit, text))
        case "cps":
            amount = try number("cps", given("cps") ?? "").value
            var share = ExactDecimal.one
            if let text = given("share") { share = try number("share", text).value }
            basis = .cps(share: share)
        default:
            guard let text = given("amount") else { throw CommandError(phrase("the entry needs an amount: {hint}", ["hint": hint])) }
            let (value, unit) = try amountAndUnit("amount", text)
            amount = value.value
            if value.isPercent || explicitBasis == "percent" {
                guard unit == nil else { throw CommandError(phrase("{value}: a percentage is not per {unit}", ["value": text, "unit": unit ?? ""])) }
                if let of = given("of"), of != "revenue" {
                    throw CommandError(phrase("of={of}: a percentage is of revenue (of=revenue)", ["of": of]))
                }
                if let explicitBasis, explicitBasis != "percent" { throw CommandError(phrase("{value} is a percentage, so basis={basis} does not fit", ["value": text, "basis": explicitBasis])) }
                basis = .percent
            } else if let unit {
                switch unit.lowercased() {
                case "unit", "件", "pcs", "pc":
                    basis = .perUnit
                case "order", "单":
                    basis = .perOrder
                default:
                    basis = .recurring(per: try timeUnit("amount", unit, text))
                }
                if let explicitBasis, explicitBasis != basis.name {
                    throw CommandError(phrase("{value} is {name}, so basis={basis} does not fit", ["value": text, "name": basis.name, "basis": explicitBasis]))
                }
            } else if let months = given("amortize") {
                guard let count = Int(months), count >= 1, count <= 600 else {
                    throw CommandError(phrase("amortize={months}: give the number of months, e.g. amortize=12", ["months": months]))
                }
                guard start != nil else { throw CommandError(phrase("amortize= needs start=, the first month, e.g. start=2026-01")) }
                basis = .amortized(months: count)
            } else if explicitBasis == "deposit" {
                basis = .deposit(date: try day("date", last: false))
            } else if let date = try day("date", last: false) {
                if let explicitBasis, explicitBasis != "once" { throw CommandError(phrase("basis={basis} does not go with date=", ["basis": explicitBasis])) }
                basis = .once(date: date)
            } else {
                throw CommandError(phrase("{value}: say how it is spent: {value}/month, {value} date=2026-01-05 (once), {value} amortize=12 start=2026-01, or {value} basis=deposit", ["value": text]))
            }
        }
        if given("of") != nil, basis != .percent { throw CommandError(phrase("of= goes with a percentage, e.g. 5% of=revenue")) }
        if given("amortize") != nil {
            guard case .amortized = basis else {
                throw CommandError(phrase("amortize= goes with a plain amount, e.g. 12000 amortize=12 start=2026-01"))
            }
        }
        if given("date") != nil {
            switch basis {
            case .once, .deposit: break
            default: throw CommandError(phrase("date= is for one-off amounts and deposits; use start= and end= to bound this entry"))
            }
        }
        if case .amortized = basis, let first = start {
            // Amortizing runs by whole months: it starts on the first of its month.
            start = Day(year: first.year, month: first.month, day: 1)
        }
        let entry = CostEntry(id: id, name: name, basis: basis, amount: amount, quantity: quantity,
                              start: start, end: end, product: product)
        if let issue = Validation.issues(in: entry, hasProduct: hasProduct).first {
            throw CommandError(phrase("{key}=: {problem}", ["key": issue.path, "problem": issue.message]))
        }
        return entry
    }

    /// The keys that say what an entry's figure is and how it is spent.
    static let formKeys = ["amount", "cpc", "cpm", "cpt", "cps", "basis"]

    /// An entry's form without its figures, for telling whether a bulk change meets entries of
    /// different forms: "recurring/month", "unit", "cpt/day".
    static func formName(of entry: CostEntry) -> String {
        switch entry.basis {
        case .recurring(let per), .cpt(let per): return "\(entry.basis.name)/\(per.rawValue)"
        default: return entry.basis.name
        }
    }

    /// What `cost set` stores when it is given a figure without its form (`amount=5000`, no
    /// `/month`; `cps=12%` with no `share=`) for an entry of a form that takes it: the key and the
    /// new figure in the old form (`amount` `5000/month`, `cpt` `4000/day`); the entry's other keys
    /// (a one-off's date, an amortized entry's months, a CPS's share, a CPM's impressions) stay.
    /// Nil when the text brings a form of its own, or the entry's form does not take that key:
    /// then the text is read as typed and replaces the old form.
    static func keepingForm(of entry: CostEntry, _ key: String, _ text: String) -> (key: String, value: String)? {
        guard !text.contains("/"), let typed = try? NumberGrammar.parse(text) else { return nil }
        switch (key, entry.basis) {
        case ("amount", _) where typed.isPercent:
            if case .cps = entry.basis { return ("cps", text) }
            return nil
        case ("amount", .recurring(let per)): return ("amount", "\(text)/\(per.rawValue)")
        case ("amount", .perUnit): return ("amount", "\(text)/unit")
        case ("amount", .perOrder): return ("amount", "\(text)/order")
        case ("amount", .once), ("amount", .amortized), ("amount", .deposit): return ("amount", text)
        case ("amount", .cpc), ("cpc", .cpc): return ("cpc", text)
        case ("amount", .cpm), ("cpm", .cpm): return ("cpm", text)
        case ("amount", .cpt(let per)), ("cpt", .cpt(let per)): return ("cpt", "\(text)/\(per.rawValue)")
        case ("cps", .cps): return ("cps", text)
        default: return nil
        }
    }

    /// How an entry's amount reads in a list: "60,000.00 / year", "5% of revenue", "0.80 × 20,000 clicks / month".
    static func describe(_ entry: CostEntry) -> String {
        let amount = entry.amount.formatted()
        switch entry.basis {
        case .once(let date): return phrase("{amount} once on {day}", ["amount": amount, "day": date.isoText])
        case .recurring(let per): return phrase("{amount} / {per}", ["amount": amount, "per": phrase(per.rawValue)])
        case .amortized(let months): return phrase("{amount} over {months} months", ["amount": amount, "months": String(months)])
        case .perUnit: return phrase("{amount} / unit", ["amount": amount])
        case .perOrder: return phrase("{amount} / order", ["amount": amount])
        case .percent: return phrase("{rate} of revenue", ["rate": entry.amount.exactPercentText])
        case .cps(let share):
            return share == .one ? phrase("CPS {rate} of revenue", ["rate": entry.amount.exactPercentText])
                : phrase("CPS {rate} of the {share} of revenue it brings", ["rate": entry.amount.exactPercentText, "share": share.exactPercentText])
        case .cpc(let clicks, let per):
            return phrase("CPC {amount} × {clicks} clicks / {per}", ["amount": amount, "clicks": clicks.countText, "per": phrase(per.rawValue)])
        case .plannedClicks:
            return entry.amount == .one ? phrase("CPC on the plan's paid clicks") : phrase("CPC on {share} of the plan's paid clicks", ["share": entry.amount.exactPercentText])
        case .cpm(let impressions, let per):
            return phrase("CPM {amount} × {impressions} impressions / {per}", ["amount": amount, "impressions": impressions.countText, "per": phrase(per.rawValue)])
        case .cpt(let per): return phrase("CPT {amount} / {per}", ["amount": amount, "per": phrase(per.rawValue)])
        case .deposit(let date):
            return date.map { phrase("{amount} deposit paid {day}", ["amount": amount, "day": $0.isoText]) } ?? phrase("{amount} deposit", ["amount": amount])
        }
    }
}

extension Session {
    /// Whether the workspace holds a product of that SKU, for the one entry an edit makes: one
    /// scan of the products, not a set of all their SKUs built for each edit.
    func hasProduct(_ sku: String) -> Bool { workspace.productIndex(sku: sku) != nil }
}
