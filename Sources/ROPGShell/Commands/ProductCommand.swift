import ROPGDomain
import ROPGText
import ROPGTables

/// `product add|set|rm|list|show`: the products the shop sells.
public enum ProductCommand: Command {
    public static let name = "product"
    public static let aliases = ["products"]
    public static let topic = HelpTopic.plan
    public static let summary = "add, change, remove and list products"
    public static let usage = [
        "product add SKU price=AMOUNT cost=AMOUNT [name=TEXT] [role=ROLE] [stock=COUNT] [share=PERCENT] [ctr=PERCENT] [cvr=PERCENT]",
        "product set SKU|FILTER [price=…] [cost=…] [name=…] [role=…|none] [stock=…|none] [share=…|none] [ctr=…|none] [cvr=…|none] [sku=NEW-SKU]",
        "product rm SKU [SKU…]",
        "product list [role=ROLE] [name=TEXT]",
        "product show SKU",
    ]
    public static let examples = [
        "product add PT-001 name=\"休闲短裤\" price=99 cost=35 role=profit stock=600",
        "product set TS-001 price=89",
        "product set TS-001 price-=10%",
        "product set role:traffic price-=10%",
        "product list name=T恤",
        "product list role=hit",
    ]
    public static let details = """
        price is the selling price per unit, cost the net goods cost per unit (货品净成本).
        role: traffic 引流款, profit 利润款, image 形象款, custom 定制款, hit 爆款.
        share is the product's planned part of the shop's GMV (share=40%); products without one share what is left
        evenly. Renaming a SKU with sku= also renames it in the cost entries that belong to it.
        Relative changes: price-=10% (10% less: 79 becomes 71.10), price+=5 (5 more), cost*=1.1 (times 1.1); the
        same for cost, stock, share, ctr and cvr. A percentage after += or -= is a share of the figure itself (cvr+=10%
        takes 3% to 3.3%), a plain number an amount (cvr+=0.005 takes 3% to 3.5%). Money is kept to the cent
        (half up), stock to whole units; a change that would make a figure negative is refused, naming the product.
        A price is typed to the fen: price=79.99, not 79.999.
        In a scenario, a relative change is kept relative, so it follows the plan's price.
        Bulk: instead of a SKU, a filter changes every product that matches, as one undo step, and says how many:
        all, role:traffic, name:T恤 (name or SKU containing the text); several filters must all match. In the
        interactive shell a change of more than 20 products asks first. product list takes the same filters, and name=.
        """
    static let productKeys = [Key("name", .text), Key("price", .amount), Key("cost", .amount), Key("role", .choice(ProductRole.allCases.map(\.rawValue) + ["none"])),
                              Key("stock", .count), Key("share", .rate), Key("ctr", .rate), Key("cvr", .rate)]
    public static let syntax = Syntax([
        Verb("add", words: [.text], required: 1, keys: productKeys),
        // A SKU or filter words (`role:traffic name:T恤`), then the figures to change.
        Verb("set", words: [.productTarget], required: 1, repeatsLast: true,
             keys: productKeys.map { key in var key = key; key.relative = ProductFigure(rawValue: key.name) != nil; return key } + [Key("sku", .text)]),
        Verb("rm", words: [.sku], required: 1, repeatsLast: true),
        Verb("list", words: [.text], repeatsLast: true, keys: [Key("role", .choice(ProductRole.allCases.map(\.rawValue) + ["none"])), Key("name", .text)]),
        Verb("show", words: [.sku], required: 1),
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

    private static func sku(_ arguments: Arguments, _ verb: String) throws(CommandError) -> String {
        guard let sku = arguments.positional(1) else { throw CommandError(phrase("product {verb} needs a SKU, e.g. product {verb} TS-001", ["verb": verb])) }
        return sku
    }

    static func existing(_ sku: String, in session: Session) throws(CommandError) -> Int {
        guard let index = session.workspace.productIndex(sku: sku) else {
            let near = Suggestions.nearest(to: sku, among: session.workspace.products.map(\.sku))
            throw CommandError(near.isEmpty ? phrase("no product {sku}", ["sku": sku.excerpt]) : phrase("no product {sku}; did you mean {names}?", ["sku": sku.excerpt, "names": orList(near)]))
        }
        return index
    }

    private static func role(_ arguments: Arguments) throws(CommandError) -> ProductRole?? {
        guard let text = arguments.value("role") else { return .none }
        if text == "none" || text.isEmpty { return .some(nil) }
        guard let role = ProductRole(text: text) else {
            throw CommandError(phrase("role={value} is not a role; use one of {roles}", ["value": text, "roles": ProductRole.allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", ")]))
        }
        return .some(role)
    }

    private static func checked(_ product: Product) throws(CommandError) -> Product {
        if let issue = Validation.issues(in: product).first { throw CommandError(phrase("{path}=: {issue}", ["path": "\(issue.path)", "issue": "\(issue.message)"])) }
        // A blank name shows as an empty cell in every report: refused, as it is typed.
        if product.name.trimmingSpaces().isEmpty { throw CommandError(phrase("name={name}: a product's name cannot be blank; give it a name, e.g. name=纯棉T恤", ["name": product.name.quotedExcerpt])) }
        return product
    }

    private static func add(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "add")
        try arguments.checkPositionals(max: 2, usage: usage[0])
        let sku = try sku(arguments, "add")
        if session.workspace.productIndex(sku: sku) != nil {
            throw CommandError(phrase("product {sku} exists already; change it with product set {sku} …", ["sku": sku]))
        }
        guard let price = try arguments.price("price") else { throw CommandError(phrase("product add needs price=, e.g. price=79")) }
        guard let cost = try arguments.amount("cost") else { throw CommandError(phrase("product add needs cost= (goods cost per unit), e.g. cost=28")) }
        let product = try checked(Product(sku: sku, name: arguments.value("name") ?? sku, price: price, cost: cost,
                                          role: try role(arguments) ?? nil, stock: try arguments.wholeCount("stock"),
                                          share: try arguments.rate("share"), ctr: try arguments.rate("ctr"), cvr: try arguments.rate("cvr")))
        try checkShares(session.workspace.products + [product])
        session.perform(Edit(description: arguments.described("product add \(sku)"),
                             changes: [.insertProduct(product, at: session.workspace.products.count)]))
        return [.message(phrase("added product {sku} {name}", ["sku": sku, "name": product.name]))]
    }

    private static func set(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "set")
        let targets = arguments.positionals.dropFirst().map(\.text)
        guard !targets.isEmpty else { throw CommandError(phrase("product set needs a SKU or a filter, e.g. product set TS-001 price=89 or product set role:traffic price-=10%")) }
        guard !arguments.options.isEmpty else { throw CommandError(phrase("product set {targets} needs something to change, e.g. price=89 or price-=10%", ["targets": targets.joined(separator: " ")])) }
        if let filter = try RowFilter(targets, keys: RowFilter.productKeys, categoryWords: false) {
            return try setMany(filter, arguments, session)
        }
        try arguments.checkPositionals(max: 2, usage: usage[1])
        let sku = targets[0]
        let index = try existing(sku, in: session)
        var (product, typed) = try changed(session.workspace.products[index], arguments)
        var changes: [WorkspaceChange] = []
        if let newSKU = arguments.value("sku"), newSKU != sku {
            if session.workspace.productIndex(sku: newSKU) != nil { throw CommandError(phrase("product {sku} exists already", ["sku": newSKU])) }
            product.sku = newSKU
            typed = []
            for (costIndex, entry) in session.workspace.costs.enumerated() where entry.product == sku {
                var renamed = entry
                renamed.product = newSKU
                changes.append(.replaceCost(renamed, at: costIndex))
            }
            if session.workspace.hitPlans.contains(where: { $0.spec.sku == sku }) {
                changes.append(.setHitPlans(session.workspace.hitPlans.map { saved in
                    var renamed = saved
                    if renamed.spec.sku == sku { renamed.spec.sku = newSKU }
                    return renamed
                }))
            }
        }
        product = try checked(product)
        try checkShares(session.workspace.products, replacing: (index, product))
        changes.insert(.replaceProduct(product, at: index), at: 0)
        session.perform(Edit(description: arguments.described("product set \(sku)"), changes: changes))
        session.noteTyped(typed)
        return [.message(phrase("changed product {sku}: {what}", ["sku": product.sku, "what": describe(product)]))]
    }

    /// `product set FILTER …`: the same change to every product that matches, as one undo step.
    private static func setMany(_ filter: RowFilter, _ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        for key in ["sku", "name"] where arguments.has(key) {
            throw CommandError(phrase("{key}= changes one product at a time: product set SKU {key}=…", ["key": "\(key)"]))
        }
        var changes: [WorkspaceChange] = []
        var typed: [ScenarioChange] = []
        var products = session.workspace.products
        for (index, product) in session.workspace.products.enumerated() where try filter.matches(product) {
            let (new, notes) = try changed(product, arguments)
            let product = try checked(new)
            products[index] = product
            changes.append(.replaceProduct(product, at: index))
            typed += notes
        }
        guard !changes.isEmpty else { return [.message(phrase("no product matches {filter}; nothing was changed", ["filter": "\(filter.text)"]))] }
        try checkShares(products)
        guard session.confirmBulk(changes.count, "products") else { return [.message(phrase("nothing was changed"))] }
        session.perform(Edit(description: phrase("{change} ({count})", ["change": arguments.described("product set \(filter.text)"), "count": phrase(count: changes.count, "{count} product", "{count} products")]), changes: changes))
        session.noteTyped(typed)
        let skus = changes.compactMap { change -> String? in if case .replaceProduct(let product, _) = change { return product.sku } else { return nil } }
        return [.message(session.bulkChanged(changes.count, phrase(count: changes.count, "{count} product", "{count} products"), skus))]
    }

    /// A product with the typed changes made, and the figure changes as typed (for a scenario).
    private static func changed(_ old: Product, _ arguments: Arguments) throws(CommandError) -> (Product, [ScenarioChange]) {
        var product = old
        var typed: [ScenarioChange] = []
        if let name = arguments.value("name") { product.name = name }
        if let price = try arguments.price("price") { product.price = price }
        if let cost = try arguments.amount("cost") { product.cost = cost }
        if let role = try role(arguments) { product.role = role }
        if let stock = arguments.value("stock") {
            product.stock = stock == "none" ? nil : try arguments.wholeCount("stock")
        }
        if let share = arguments.value("share") {
            product.share = share == "none" ? nil : try arguments.rate("share")
        }
        if let ctr = arguments.value("ctr") { product.ctr = ctr == "none" ? nil : try arguments.rate("ctr") }
        if let cvr = arguments.value("cvr") { product.cvr = cvr == "none" ? nil : try arguments.rate("cvr") }
        for figure in ProductFigure.allCases {
            let relative = try arguments.relativeChange(figure.rawValue)
            if arguments.has(figure.rawValue) {
                typed.append(.product(sku: old.sku, figure, .to(figure.value(of: product))))
                continue
            }
            guard let change = relative else { continue }
            guard let value = change.applied(to: figure.value(of: product)) else {
                throw CommandError(phrase("{sku} has no {label} of its own to change by {value}; set one with {figure}=", ["sku": "\(old.sku)", "label": "\(figure.label)", "value": "\(change.typed.dropFirst(2))", "figure": "\(figure.rawValue)"]))
            }
            guard !value.isNegative else {
                throw CommandError(phrase("{figure}{typed} would make the {label} of {sku} {name} negative ({value}); nothing was changed", ["figure": "\(figure.rawValue)", "typed": "\(change.typed)", "label": "\(figure.label)", "sku": "\(old.sku)", "name": "\(old.name)", "value": "\(value.formatted())"]))
            }
            if let problem = FigureChange.sizeProblem(of: value) {
                throw CommandError(phrase("{figure}{typed} for {sku}: {problem}; nothing was changed", ["figure": "\(figure.rawValue)", "typed": "\(change.typed)", "sku": "\(old.sku)", "problem": problem.message]))
            }
            if figure == .price, value.rounded(places: 2).isZero {
                // A price of 0 sells no GMV per unit, so units cannot follow from the goals; refused
                // rather than set silently (DOMAIN §13). `price=0` still sets it on purpose.
                throw CommandError(phrase("{figure}{typed} would make the price of {sku} {name} 0.00; if that is meant, type price=0; nothing was changed", ["figure": "\(figure.rawValue)", "typed": "\(change.typed)", "sku": "\(old.sku)", "name": "\(old.name)"]))
            }
            guard figure.set(value, on: &product) else { throw CommandError(phrase("{figure}{typed}: {sku}'s {label} cannot be {value}", ["figure": "\(figure.rawValue)", "typed": "\(change.typed)", "sku": "\(old.sku)", "label": "\(figure.label)", "value": "\(value.description)"])) }
            typed.append(.product(sku: old.sku, figure, change))
        }
        return (product, typed)
    }

    private static func remove(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "rm")
        let skus = arguments.positionals.dropFirst().map(\.text)
        guard !skus.isEmpty else { throw CommandError(phrase("product rm needs a SKU, e.g. product rm TS-001")) }
        var indices: [Int] = []
        for sku in skus {
            let index = try existing(sku, in: session)
            let users = session.workspace.costs.filter { $0.product == sku }.map(\.id.description)
            if !users.isEmpty {
                throw CommandError(phrase("product {sku} is used by cost {ids}; remove or change those first", ["sku": sku, "ids": users.joined(separator: ", ")]))
            }
            let plans = session.workspace.hitPlans.filter { $0.spec.sku == sku }.map(\.name)
            if !plans.isEmpty {
                throw CommandError(phrase("product {sku} is planned in hit plan {plans}; hit rm those first", ["sku": sku, "plans": plans.joined(separator: ", ")]))
            }
            indices.append(index)
        }
        // Remove from the back so that earlier indices stay valid.
        let changes = Set(indices).sorted(by: >).map { WorkspaceChange.removeProduct(at: $0) }
        session.perform(Edit(description: "product rm \(skus.joined(separator: " "))", changes: changes))
        return [.message(phrase("removed product {skus}", ["skus": skus.joined(separator: ", ")]))]
    }

    private static func list(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "list")
        let wanted = try role(arguments) ?? nil
        let text = arguments.value("name")?.lowercased()
        let words = arguments.positionals.dropFirst().map(\.text)
        let filter = words.isEmpty ? nil : try RowFilter(words, keys: RowFilter.productKeys, categoryWords: false)
        if !words.isEmpty, filter == nil { throw CommandError(phrase("unexpected {word}; usage: {usage}", ["word": words[0].quotedExcerpt, "usage": usage[3]])) }
        var products: [Product] = []
        for product in session.workspace.products where wanted == nil || product.role == wanted {
            if let text, !product.name.lowercased().contains(text), !product.sku.lowercased().contains(text) { continue }
            if let filter, !(try filter.matches(product)) { continue }
            products.append(product)
        }
        var table = Table(
            title: nil,
            columns: [.text("SKU", key: "sku"), .text("name", key: "name"), .text("role", key: "role"),
                      .number("price", key: "price"), .number("cost", key: "cost"),
                      .number("gross margin", key: "gross_margin"), .number("stock", key: "stock")],
            rows: products.map { product in
                [.text(product.sku), .text(product.name), roleCell(product.role), .money(product.price), .money(product.cost),
                 .optional(grossMargin(product), { .rate($0) }), .optional(product.stock, { .count($0) })]
            },
            notes: [phrase(count: products.count, "{count} product", "{count} products")])
        table.moneyIsPerUnit = true
        return [.table(table)]
    }

    private static func show(_ arguments: Arguments, _ session: Session) throws(CommandError) -> [Block] {
        try arguments.checkKeys(of: Self.self, verb: "show")
        try arguments.checkPositionals(max: 2, usage: usage[4])
        let product = session.workspace.products[try existing(try sku(arguments, "show"), in: session)]
        let entries = session.workspace.costs.filter { $0.product == product.sku }.map(\.id.description)
        let rows: [(String, Cell)] = [
            ("SKU", .text(product.sku)),
            ("name", .text(product.name)),
            ("role", roleCell(product.role)),
            ("price", .money(product.price)),
            ("cost", .money(product.cost)),
            ("gross margin", .optional(grossMargin(product), { .rate($0) })),
            ("markup", .optional(product.cost.isZero ? nil : (product.price - product.cost).divided(by: product.cost), { .rate($0) })),
            ("stock", .optional(product.stock, { .count($0) })),
            ("GMV share", .text(product.share.map(\.exactPercentText) ?? phrase("an even part of what the others leave"))),
            ("CTR", .text(product.ctr.map(\.exactPercentText) ?? "the shop's")),
            ("CVR", .text(product.cvr.map(\.exactPercentText) ?? "the shop's")),
            ("cost entries", .text(entries.isEmpty ? "none" : entries.joined(separator: ", "))),
        ]
        return [.table(propertyTable(title: "product \(product.sku)", rows))]
    }

    /// Planned GMV shares cannot add up to more than the whole.
    /// `replacing`: a product that takes the place of the one at its position (read in place:
    /// a changed copy of 100,000 products was a tenth of a `product set`).
    static func checkShares(_ products: [Product], replacing replacement: (position: Int, product: Product)? = nil) throws(CommandError) {
        let total = products.indices.reduce(ExactDecimal.zero) { total, position in
            total + ((position == replacement?.position ? replacement?.product.share : products[position].share) ?? .zero)
        }
        guard total <= .one else {
            throw CommandError(phrase("share=: the products' GMV shares would add up to {total}, more than 100%", ["total": total.exactPercentText]))
        }
    }

    static func roleCell(_ role: ProductRole?) -> Cell {
        guard let role else { return .empty }
        return .text(role.label)
    }

    /// (price − cost) ÷ price; nil for a free product.
    static func grossMargin(_ product: Product) -> ExactDecimal? {
        (product.price - product.cost).divided(by: product.price)
    }

    static func describe(_ product: Product) -> String {
        var parts = ["\(product.name)", phrase("price {amount}", ["amount": product.price.formatted()]), phrase("cost {amount}", ["amount": product.cost.formatted()])]
        if let role = product.role { parts.append(phrase(in: "role", role.rawValue)) }
        if let stock = product.stock { parts.append(phrase("stock {count}", ["count": String(stock)])) }
        if let share = product.share { parts.append(phrase("share {rate}", ["rate": share.exactPercentText])) }
        if let ctr = product.ctr { parts.append("CTR \(ctr.exactPercentText)") }
        if let cvr = product.cvr { parts.append("CVR \(cvr.exactPercentText)") }
        return parts.joined(separator: ", ")
    }
}
