import ROPGDomain
import ROPGText
import ROPGTables

/// `cost add|set|rm|list|show`: the cost plan in the four ROPG categories.
public enum CostCommand: Command {
    public static let name = "cost"
    public static let topic = HelpTopic.plan
    public static let summary = "add, change, remove and list cost entries (R platform, O operating, P people, G goods)"
    public static let usage = [
        "cost add R|O|P|G NAME AMOUNT [key=value…]",
        "cost set ID|NAME|FILTER [amount=…] [name=…] [qty=…] [start=…] [end=…] [product=…] [date=…] [cpc=…] [clicks=…] …",
        "cost rm ID [ID…]",
        "cost list [category=R|O|P|G] [product=SKU] [basis=BASIS] [name=TEXT]",
        "cost show ID",
    ]
    public static let examples = [
        "cost add R \"技术服务年费\" 60000/year",
        "cost add R \"技术服务费\" 5% of=revenue",
        "cost add R \"保证金\" 50000 basis=deposit",
        "cost add O \"ERP\" 12000 amortize=12 start=2026-01",
        "cost add O \"直通车\" cpc=0.8 clicks=20000/month",
        "cost add O \"万相台\" cpc=plan share=80%",
        "cost add P \"运营助理\" 4500/month qty=2",
        "cost add P \"美工提成\" 1/unit product=TS-001",
        "cost add G \"快递\" 4/order",
        "cost set P1 amount=5000/month",
        "cost set 客服工资 amount+=10%",
        "cost set O amount*=1.1",
        "cost list category=R",
        "cost list name=工资",
    ]
    public static let details = """
        Bases: once (date=), recurring (AMOUNT/day|week|month|quarter|year), amortized (amortize=MONTHS start=MONTH),
        per unit (AMOUNT/unit), per order (AMOUNT/order), percent of revenue (5% of=revenue), CPS (cps=10% [share=30%]),
        CPC (cpc=PRICE clicks=N/month), CPC on the plan's paid clicks (cpc=plan [share=80%]: each day the paid clicks the
        driver tree needs — visitors × paid-share — at that day's cpc), CPM (cpm=PRICE-PER-1000 impressions=N/month), CPT (cpt=PRICE/day), deposit
        (basis=deposit, not an expense). start= and end= bound any entry; qty= multiplies it; product=SKU ties a
        per-unit, per-order, percent, CPS or cpc=plan entry to one product. Each entry gets a short ID (R1, O2…) that never changes.
        An entry is named by its ID or by its name when no other entry has it (an ambiguous name lists the IDs).
        Relative changes: amount+=10%, amount-=500, amount*=1.1, qty+=1 (money kept to the cent; a percentage fee
        stays exact). A bare figure keeps the entry's form: amount=5000 on a 4500/month entry makes it 5000/month;
        cps=12% keeps its share, cpm=30 its impressions. In bulk, one figure must meet entries of one form.
        Bulk: instead of an ID, a filter changes every entry that matches as one undo step and says how
        many: a category (O or category:O), name:工资 (a name containing the text), basis:cpc, product:TS-001, all;
        several filters must all match. In the interactive shell a change of more than 20 entries asks first.
        cost list takes the same filters, and name=.
        """
    public static let syntax = Syntax([
        Verb("add", words: [.category, .text, .amount], required: 2, keys: CostSpec.syntax.filter { $0.name != "name" }),
        // A cost ID, a unique name or filter words (`O name:工资`), then the figures to change.
        Verb("set", words: [.costTarget], required: 1, repeatsLast: true,
             keys: CostSpec.syntax.map { key in var key = key; key.relative = CostFigure(rawValue: key.name) != nil; return key }),
        Verb("rm", words: [.costID], required: 1, repeatsLast: true),
        Verb("list", words: [.text], repeatsLast: true,
             keys: [Key("category", .category), Key("product", .sku), Key("basis", .choice(CostBasis.allNames)), Key("name", .text)]),
        Verb("show", words: [.costID], required: 1),
    ])

    public static func run(_ arguments: Arguments, in session: Session) throws(CommandError) -> [Block] {
        switch try verb(arguments) {
        case "add": return try add(arguments, session)
        case "set": return try set(arguments, session)
        case "rm": return try remove(arguments, session)
        case "list": return try list(arguments, session)
        default: return try show(arguments, session)
        }
    }

    private static func category(_ text: String) throws(CommandError) -> CostCategory {
        guard let category = CostCategory(text: text) else {
            throw CommandError(phrase("{word} is not a cost category; use R (platform), O (operating), P (people) or G (goods)", ["word": text.quotedExcerpt]))
        }
        return category
    }

    /// The entry named by its ID (`P1`) or by its name when only one entry has it; an ambiguous
    /// name lists the IDs that have it.
    private static func existing(_ text: String?, _ verb: String, in session: Session) throws(CommandError) -> Int {
        guard let text else { throw CommandError(phrase("cost {verb} needs an entry ID or name, e.g. cost {verb} R1 (see cost list)", ["verb": verb])) }
        let costs = session.workspace.costs
        if let id = CostID(text: text) {
            guard let index = session.workspace.costIndex(id: id) else { throw CommandError(phrase("no cost entry {id} (see cost list)", ["id": id.description])) }
            return index
        }
        let named = costs.indices.filter { costs[$0].name == text }
        if named.count == 1, let index = named.first { return index }
        if named.count > 1 {
            throw CommandError(phrase("{count} cost entries are named {excerpt}: {value}; name one by its ID", ["count": "\(named.count)", "excerpt": "\(text.excerpt)", "value": "\(named.map { costs[$0].id.description }.joined(separator: ", "))"]))
        }
        let near = Suggestions.nearest(to: text, among: costs.count <= 10_000 ? uniqueNames(costs) : [])
        // A name several entries share is offered by their IDs (P1 客服工资, P6 客服工资), never twice by name.
        let offered = near.flatMap { name -> [String] in
            let ids = costs.filter { $0.name == name }.map(\.id).sorted()
            return ids.count > 1 ? ids.map { "\($0) \(name)" } : [name]
        }
        throw CommandError(offered.isEmpty
            ? phrase("no cost entry {name}: name one by its ID (R1, O2 …) or its name (see cost list)", ["name": text.quotedExcerpt])
            : phrase("no cost entry {name}: name one by its ID (R1, O2 …) or its name; did you mean {names}?", ["name": text.quotedExcerpt, "names": orList(offered)]))
    }

    /// The entries' names, each once, in the order of the entries.
    private static func uniqueNames(_ costs: [CostEntry]) -> [String] {
        var seen: Set<String> = []
        return costs.map(\.name).filter { seen.insert($0).inserted }
    }

    private static func add(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "add")
        guard let categoryText = arguments.positional(1) else { throw CommandError(phrase("cost add needs a category: R, O, P or G; usage: {usage}", ["usage": usage[0]])) }
        let category = try category(categoryText)
        guard let name = arguments.positional(2) else { throw CommandError(phrase("cost add needs a name, e.g. cost add {category} \"快递\" 4/order", ["category": category.rawValue])) }
        try arguments.checkPositionals(max: 4, usage: usage[0])
        var values: [String: String] = ["name": name]
        for option in arguments.options { if let key = option.key { values[key] = option.value } }
        if let amount = arguments.positional(3) {
            if values["amount"] != nil { throw CommandError(phrase("the amount is given twice")) }
            values["amount"] = amount
        }
        let id = session.workspace.nextCostID(in: category)
        guard id.number > (session.workspace.lastCostNumber[category] ?? 0), session.workspace.costIndex(id: id) == nil else {
            throw CommandError(phrase("category {category} has used up its entry numbers", ["category": "\(category.rawValue)"]))
        }
        let entry = try CostSpec.build(id: id, values: values, hasProduct: session.hasProduct)
        session.perform(Edit(description: arguments.described("cost add \(id) \(Arguments.quotedIfNeeded(name))" + (arguments.positional(3).map { " " + $0 } ?? "")), changes: [
            .insertCost(entry, at: session.workspace.costs.count),
            .setLastCostNumber(id.number, for: category),
        ]))
        return [.message(phrase("added {id} {category} {name}: {what}", ["id": id.description, "category": category.rawValue, "name": name, "what": CostSpec.describe(entry) + quantityText(entry)]))]
    }

    private static func set(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "set")
        let targets = arguments.positionals.dropFirst().map(\.text)
        guard !targets.isEmpty else { throw CommandError(phrase("cost set needs an entry ID, a name or a filter, e.g. cost set P1 amount=5000/month or cost set name:工资 amount+=10%")) }
        guard !arguments.options.isEmpty else { throw CommandError(phrase("cost set needs something to change, e.g. amount=5000/month or amount*=1.1")) }
        if let filter = try RowFilter(targets, keys: RowFilter.costKeys, categoryWords: true) {
            return try setMany(filter, arguments, session)
        }
        try arguments.checkPositionals(max: 2, usage: usage[1])
        let index = try existing(targets[0], "set", in: session)
        let old = session.workspace.costs[index]
        let (entry, typed) = try changed(old, arguments, session)
        session.perform(Edit(description: arguments.described("cost set \(old.id)"), changes: [.replaceCost(entry, at: index)]))
        session.noteTyped(typed)
        return [.message(phrase("changed {id} {name}: {what}", ["id": old.id.description, "name": entry.name, "what": CostSpec.describe(entry) + quantityText(entry)]))]
    }

    /// `cost set FILTER …`: the same change to every entry that matches, as one undo step.
    private static func setMany(_ filter: RowFilter, _ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        if arguments.has("name") { throw CommandError(phrase("name= changes one entry at a time: cost set ID name=…")) }
        var changes: [WorkspaceChange] = []
        var typed: [ScenarioChange] = []
        var ids: [String] = []
        var matched: [Int] = []
        for (index, entry) in session.workspace.costs.enumerated() where try filter.matches(entry) { matched.append(index) }
        // One absolute figure for entries of different forms would mean different things to each
        // (5000 a unit beside 5000 a quarter, or all of them made a percentage): refuse it and say
        // how to pick one form. Relative changes (amount*=1.1) mean the same to every form.
        if let key = arguments.options.compactMap(\.key).first(where: { CostSpec.formKeys.contains($0) }), let value = arguments.value(key) {
            let costs = session.workspace.costs
            let kinds = matched.map { costs[$0].basis.name }
            let forms = matched.map { CostSpec.formName(of: costs[$0]) }
            func listed(_ names: [String]) -> String {
                zip(matched, names).prefix(6).map { "\(costs[$0.0].id) \($0.1)" }.joined(separator: ", ") + (matched.count > 6 ? " …" : "")
            }
            if Set(kinds).count > 1 {
                throw CommandError(phrase("{key}= would give one figure to entries of different forms ({forms}); pick one form with basis:…, e.g. cost set {filter} basis:{basis} {key}=…, or change them by a relative amount ({key}*=1.1)",
                                          ["key": key, "forms": listed(forms), "filter": filter.text, "basis": kinds[0]]))
            }
            // The same kind over different periods: a bare figure would be 5000 a month for one, 5000 a quarter for another.
            if Set(forms).count > 1, CostSpec.keepingForm(of: costs[matched[0]], key, value) != nil {
                throw CommandError(phrase("{key}={value} has no period, and the entries run by different ones ({forms}); give it, e.g. {key}={value}/month",
                                          ["key": key, "value": value, "forms": listed(forms)]))
            }
        }
        for index in matched {
            let old = session.workspace.costs[index]
            let entry: CostEntry, notes: [ScenarioChange]
            do { (entry, notes) = try changed(old, arguments, session) } catch {
                // Which entry could not take the change, so the user can leave it out.
                throw CommandError(phrase("{id} {name}: {problem}; nothing was changed", ["id": old.id.description, "name": old.name, "problem": error.message]))
            }
            changes.append(.replaceCost(entry, at: index))
            typed += notes
            ids.append(old.id.description)
        }
        guard !changes.isEmpty else { return [.message(phrase("no cost entry matches {filter}; nothing was changed", ["filter": "\(filter.text)"]))] }
        guard session.confirmBulk(changes.count, "cost entries") else { return [.message(phrase("nothing was changed"))] }
        session.perform(Edit(description: phrase("{change} ({count})", ["change": arguments.described("cost set \(filter.text)"), "count": phrase(count: changes.count, "{count} entry", "{count} entries")]), changes: changes))
        session.noteTyped(typed)
        return [.message(session.bulkChanged(changes.count, phrase(count: changes.count, "{count} cost entry", "{count} cost entries"), ids))]
    }

    /// An entry with the typed changes made, and its figure changes as typed (for a scenario).
    private static func changed(_ old: CostEntry, _ arguments: Arguments, _ session: Session) throws(CommandError) -> (CostEntry, [ScenarioChange]) {
        var values = CostSpec.values(of: old)
        let typedForms = arguments.options.compactMap(\.key).filter { CostSpec.formKeys.contains($0) }
        var keptKey: String?
        if typedForms.count == 1, let text = arguments.value(typedForms[0]), let kept = CostSpec.keepingForm(of: old, typedForms[0], text) {
            // A figure without its form, on an entry of that form, changes the figure and keeps the
            // rest: `cost set P1 amount=5000` on 4500/month is 5000/month, a one-off keeps its date,
            // `cps=12%` keeps the share it is of, `cpm=30` the impressions.
            values[kept.key] = kept.value
            keptKey = typedForms[0]
        } else if let bare = arguments.value("amount"), old.basis == .percent, !arguments.has("basis"),
                  let typed = try? NumberGrammar.parse(bare), !typed.isPercent, !bare.contains("/") {
            throw CommandError(phrase("amount={value}: {id} is a percentage of revenue; write amount={value}%, or give it a new form, e.g. amount={value}/month",
                                      ["value": bare, "id": old.id.description]))
        } else if old.basis == .plannedClicks, let price = arguments.value("cpc"), price != "plan", !arguments.has("clicks") {
            throw CommandError(phrase("cpc={value}: {id} pays the plan's own cpc on the plan's paid clicks; change that with set cpc={value}, or give fixed clicks, e.g. cpc={value} clicks=20000/month",
                                      ["value": price, "id": old.id.description]))
        } else if !typedForms.isEmpty {
            // A new amount with its form replaces every key of the old form, so a recurring entry can become a per-unit one.
            for key in CostSpec.formKeys + ["of", "clicks", "impressions", "share", "amortize", "date"]
            where !arguments.has(key) {
                values[key] = nil
            }
        }
        for option in arguments.options where option.key != keptKey {
            if let key = option.key, !"+-*".contains(key.last ?? " ") { values[key] = option.value }
        }
        var entry = try CostSpec.build(id: old.id, values: values, hasProduct: session.hasProduct)
        var typed: [ScenarioChange] = []
        for figure in CostFigure.allCases {
            guard let change = try arguments.relativeChange(figure.rawValue) else { continue }
            guard let value = change.applied(to: figure.value(of: entry)) else { continue }
            guard !value.isNegative else {
                throw CommandError(phrase("{figure}{typed} would make the {figure} of {id} {name} negative ({value}); nothing was changed", ["figure": "\(figure.rawValue)", "typed": "\(change.typed)", "id": "\(old.id)", "name": "\(old.name)", "value": "\(value.formatted())"]))
            }
            if let problem = FigureChange.sizeProblem(of: value) {
                throw CommandError(phrase("{figure}{typed} for {id} {name}: {problem}; nothing was changed", ["figure": "\(figure.rawValue)", "typed": "\(change.typed)", "id": "\(old.id)", "name": "\(old.name)", "problem": problem.message]))
            }
            figure.set(value, on: &entry)
            typed.append(.cost(id: old.id, figure, change))
        }
        if let issue = Validation.issues(in: entry, hasProduct: session.hasProduct).first {
            throw CommandError(phrase("{id}: {path}=: {issue}", ["id": "\(old.id)", "path": "\(issue.path)", "issue": "\(issue.message)"]))
        }
        return (entry, typed)
    }

    private static func remove(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "rm")
        let texts = arguments.positionals.dropFirst().map(\.text)
        guard !texts.isEmpty else { throw CommandError(phrase("cost rm needs an entry ID, e.g. cost rm R1")) }
        var indices: [Int] = []
        for text in texts { indices.append(try existing(text, "rm", in: session)) }
        let ids = indices.map { session.workspace.costs[$0].id.description }
        let changes = Set(indices).sorted(by: >).map { WorkspaceChange.removeCost(at: $0) }
        session.perform(Edit(description: "cost rm \(ids.joined(separator: " "))", changes: changes))
        return [.message(phrase("removed {ids}", ["ids": ids.joined(separator: ", ")]))]
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "list")
        let words = arguments.positionals.dropFirst().map(\.text)
        let filter = words.isEmpty ? nil : try RowFilter(words, keys: RowFilter.costKeys, categoryWords: true)
        if !words.isEmpty, filter == nil { throw CommandError(phrase("unexpected {word}; usage: {usage}", ["word": words[0].quotedExcerpt, "usage": usage[3]])) }
        let text = arguments.value("name")?.lowercased()
        let category = try arguments.value("category").map { (text) throws(CommandError) in try self.category(text) }
        let product = arguments.value("product")
        let basis = arguments.value("basis")
        if let basis, !CostBasis.allNames.contains(basis) {
            throw CommandError(phrase("basis={value} is not a basis; use one of {bases}", ["value": basis, "bases": CostBasis.allNames.joined(separator: ", ")]))
        }
        let entries = session.workspace.costs.filter { entry in
            (category == nil || entry.category == category) && (product == nil || entry.product == product)
                && (basis == nil || entry.basis.name == basis) && (text.map { entry.name.lowercased().contains($0) } ?? true)
                && ((try? filter?.matches(entry)) ?? true) != false
        }.sorted { $0.id < $1.id }
        let table = Table(
            title: nil,
            columns: [.text("ID", key: "id"), .text("cat", key: "category"), .text("name", key: "name"),
                      .text("basis", key: "basis"), .text("amount", key: "amount"), .number("qty", key: "qty"),
                      .text("start", key: "start"), .text("end", key: "end"), .text("product", key: "product")],
            rows: entries.map { entry in
                [.text(entry.id.description), .text(entry.category.rawValue), .text(entry.name), .word(entry.basis.name, context: "basis"),
                 .text(CostSpec.describe(entry)), .count(entry.quantity), .optional(entry.start, { .date($0) }),
                 .optional(entry.end, { .date($0) }), .optional(entry.product, { .text($0) })]
            },
            notes: [phrase(count: entries.count, "{count} entry", "{count} entries")])
        return [.table(table)]
    }

    private static func show(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "show")
        try arguments.checkPositionals(max: 2, usage: usage[4])
        let entry = session.workspace.costs[try existing(arguments.positional(1), "show", in: session)]
        var rows: [(String, Cell)] = [
            ("ID", .text(entry.id.description)),
            ("category", .text(AccountingOptions.categoryLabel(entry.category))),
            ("name", .text(entry.name)),
            ("basis", .word(entry.basis.name, context: "basis")),
            ("amount", .text(CostSpec.describe(entry))),
            ("qty", .count(entry.quantity)),
        ]
        if let start = entry.start { rows.append(("start", .date(start))) }
        if let end = entry.end { rows.append(("end", .date(end))) }
        if let product = entry.product { rows.append(("product", .text(product))) }
        if case .deposit = entry.basis { rows.append(("note", .text(phrase("a deposit is capital tied up, not an expense")))) }
        return [.table(propertyTable(title: "cost \(entry.id)", rows))]
    }

    private static func quantityText(_ entry: CostEntry) -> String {
        entry.quantity == .one ? "" : " × \(entry.quantity.countText)"
    }
}
