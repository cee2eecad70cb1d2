import ROPGDomain

/// Writes a workspace as deterministic JSON: fixed key order, entities in workspace order,
/// 2-space indentation with one product, cost entry or goal per line, so that a change to
/// one entity is a one-line diff in git. Money and rates are decimal strings.
public enum WorkspaceWriter {
    public static func encode(_ workspace: Workspace) -> [UInt8] {
        // About 150 bytes an entry: reserving once avoids copying a 100 MB buffer as it grows.
        var out = JSONWriter(reservingCapacity: 4096 + workspace.costs.count * 150 + workspace.products.count * 130)
        write(workspace, to: &out, flush: { _ in })
        return out.bytes
    }

    /// Saves atomically, streaming the JSON to the file a megabyte at a time: the same bytes as
    /// `encode`, without a second copy of a large workspace in memory. A read-only file is
    /// refused unless `replacingReadOnly`. Returns the fingerprint of the file written.
    @discardableResult
    public static func save(_ workspace: Workspace, to path: String, replacingReadOnly: Bool = false) throws -> FileFingerprint {
        try AtomicFile.write(to: path, replacingReadOnly: replacingReadOnly) { sink in
            var out = JSONWriter(reservingCapacity: flushSize + 64 * 1024)
            try write(workspace, to: &out) { bytes in
                try sink.write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
            try sink.write(out.bytes)
        }
    }

    /// Bulk arrays hand their bytes on whenever this much has gathered.
    public static let flushSize = 1 << 20

    private static func write(_ workspace: Workspace, to out: inout JSONWriter,
                              flush: (inout [UInt8]) throws -> Void) rethrows {
        out.raw("{\n  \"schemaVersion\": ")
        out.int(Workspace.schemaVersion)
        out.raw(",\n  \"name\": ")
        out.string(workspace.name)

        out.raw(",\n  \"settings\": {")
        var first = true
        for assumption in Assumption.allCases {
            guard workspace.settings.isSet(assumption), let value = workspace.settings[assumption] else { continue }
            out.raw(first ? "\n    " : ",\n    ")
            first = false
            out.string(assumption.rawValue)
            out.raw(": ")
            out.string(value.description)
        }
        // The team's language, when set, after the assumptions; a file without it opens as before.
        if let language = workspace.settings.language {
            out.raw(first ? "\n    " : ",\n    ")
            first = false
            out.string(Settings.languageKey)
            out.raw(": ")
            out.string(language.rawValue)
        }
        out.raw(first ? "}" : "\n  }")

        try writeArray("overrides", workspace.settings.overrides, to: &out, flush: flush) { override, out in
            member("period", override.period.text, &out, first: true)
            member("key", override.assumption.rawValue, &out)
            member("value", decimal: override.value, &out)
        }
        try writeArray("products", workspace.products, to: &out, flush: flush, element: writeProduct)
        try writeArray("costs", workspace.costs, to: &out, flush: flush, element: writeCost)
        try writeArray("profiles", workspace.profiles, to: &out, flush: flush, element: writeProfile)
        try writeArray("goals", workspace.goals, to: &out, flush: flush, element: writeGoal)
        try writeArray("splits", workspace.splits, to: &out, flush: flush) { split, out in
            member("period", split.period.text, &out, first: true)
            member("to", split.grain.name, &out)
            member("by", split.method.text, &out)
        }
        try writeArray("actuals", workspace.actuals, to: &out, flush: flush, element: writeActual)
        if !workspace.hitPlans.isEmpty {  // left out when there are none, so older files keep their bytes
            try writeArray("hitPlans", workspace.hitPlans, to: &out, flush: flush, element: writeHitPlan)
        }
        if !workspace.scenarios.isEmpty {  // left out when there are none, as hit plans are
            try writeArray("scenarios", ScenarioLines.lines(of: workspace.scenarios), to: &out, flush: flush, element: writeScenarioLine)
        }

        out.raw(",\n  \"lastCostIds\": {")
        first = true
        for category in CostCategory.allCases {
            guard let number = workspace.lastCostNumber[category], number > 0 else { continue }
            out.raw(first ? "" : ", ")
            first = false
            out.string(category.rawValue)
            out.raw(": ")
            out.int(Int(number))
        }
        out.raw("}\n}\n")
    }

    private static func writeArray<T>(_ key: String, _ items: [T], to out: inout JSONWriter, flush: (inout [UInt8]) throws -> Void,
                                      element: (T, inout JSONWriter) -> Void) rethrows {
        out.raw(",\n  \"\(key)\": [")
        for (index, item) in items.enumerated() {
            out.raw(index == 0 ? "\n    {" : ",\n    {")
            element(item, &out)
            out.raw("}")
            if out.bytes.count >= flushSize { try flush(&out.bytes) }
        }
        out.raw(items.isEmpty ? "]" : "\n  ]")
    }

    private static func member(_ key: String, _ value: String, _ out: inout JSONWriter, first: Bool = false) {
        out.raw(first ? "\"" : ", \"")
        out.raw(key)
        out.raw("\": ")
        out.string(value)
    }

    /// `, "key": "79.5"` without building Strings for the value.
    private static func member(_ key: StaticString, decimal value: ExactDecimal, _ out: inout JSONWriter) {
        out.raw(", \"")
        out.raw(key)
        out.raw("\": \"")
        value.appendPlainText(to: &out.bytes)
        out.byte(UInt8(ascii: "\""))
    }

    private static func member(_ key: StaticString, day: Day, _ out: inout JSONWriter) {
        out.raw(", \"")
        out.raw(key)
        out.raw("\": \"")
        day.appendISO(to: &out.bytes)
        out.byte(UInt8(ascii: "\""))
    }

    /// A saved hit plan, every setting as its own member (docs/OUTPUT.md has the file's keys).
    private static func writeHitPlan(_ saved: SavedHitPlan, _ out: inout JSONWriter) {
        let spec = saved.spec
        member("name", saved.name, &out, first: true)
        member("sku", spec.sku, &out)
        member("start", day: spec.start, &out)
        for (phase, days) in zip(HitPhase.allCases, spec.phaseDays) {
            out.raw(", \"")
            out.raw(phase.rawValue)
            out.raw("\": ")
            out.int(days)
        }
        member("testUnits", decimal: spec.testUnits, &out)
        member("peakUnits", decimal: spec.peakUnits, &out)
        member("holdLevel", decimal: spec.holdLevel, &out)
        member("cpc", decimal: spec.cpc, &out)
        out.raw(", \"paidShares\": [")
        for (index, share) in spec.paidShares.enumerated() {
            out.raw(index == 0 ? "\"" : ", \"")
            share.appendPlainText(to: &out.bytes)
            out.byte(UInt8(ascii: "\""))
        }
        out.raw("]")
        member("related", decimal: spec.related, &out)
        out.raw(", \"leadTime\": ")
        out.int(spec.leadTime)
        member("safety", decimal: spec.safety, &out)
    }

    private static func writeProduct(_ product: Product, _ out: inout JSONWriter) {
        member("sku", product.sku, &out, first: true)
        member("name", product.name, &out)
        member("price", decimal: product.price, &out)
        member("cost", decimal: product.cost, &out)
        if let role = product.role { member("role", role.rawValue, &out) }
        if let stock = product.stock {
            out.raw(", \"stock\": ")
            out.int(stock)
        }
        if let share = product.share { member("share", decimal: share, &out) }
        if let ctr = product.ctr { member("ctr", decimal: ctr, &out) }
        if let cvr = product.cvr { member("cvr", decimal: cvr, &out) }
    }

    private static func writeCost(_ entry: CostEntry, _ out: inout JSONWriter) {
        out.raw("\"id\": \"")
        out.raw(entry.category.rawValue)
        out.int(Int(entry.id.number))
        out.raw("\", \"category\": \"")
        out.raw(entry.category.rawValue)
        out.byte(UInt8(ascii: "\""))
        member("name", entry.name, &out)
        out.raw(", \"basis\": \"")
        out.raw(entry.basis.name)
        out.byte(UInt8(ascii: "\""))
        member("amount", decimal: entry.amount, &out)
        switch entry.basis {
        case .once(let date):
            member("date", day: date, &out)
        case .recurring(let per), .cpt(let per):
            member("per", per.rawValue, &out)
        case .amortized(let months):
            out.raw(", \"months\": ")
            out.int(months)
        case .cps(let share):
            member("share", decimal: share, &out)
        case .cpc(let clicks, let per):
            member("clicks", decimal: clicks, &out)
            member("per", per.rawValue, &out)
        case .cpm(let impressions, let per):
            member("impressions", decimal: impressions, &out)
            member("per", per.rawValue, &out)
        case .deposit(let date):
            if let date { member("date", day: date, &out) }
        case .perUnit, .perOrder, .percent, .plannedClicks:
            break
        }
        if entry.quantity != .one { member("qty", decimal: entry.quantity, &out) }
        if let start = entry.start { member("start", day: start, &out) }
        if let end = entry.end { member("end", day: end, &out) }
        if let product = entry.product { member("product", product, &out) }
    }

    private static func writeGoal(_ goal: Goal, _ out: inout JSONWriter) {
        member("period", goal.period.text, &out, first: true)
        member("metric", goal.metric.rawValue, &out)
        member("value", decimal: goal.value, &out)
    }

    private static func writeProfile(_ profile: Profile, _ out: inout JSONWriter) {
        member("name", profile.name, &out, first: true)
        func list(_ key: StaticString, _ values: [ExactDecimal]) {
            out.raw(", \"")
            out.raw(key)
            out.raw("\": [")
            for (index, value) in values.enumerated() {
                out.raw(index == 0 ? "\"" : ", \"")
                value.appendPlainText(to: &out.bytes)
                out.byte(UInt8(ascii: "\""))
            }
            out.raw("]")
        }
        list("months", profile.monthWeights)
        list("weekdays", profile.weekdayWeights)
        // Yearly events (MM-DD) first, then dated ones (YYYY-MM-DD), each in calendar order.
        out.raw(", \"events\": {")
        var first = true
        func event(_ key: (inout [UInt8]) -> Void, _ multiplier: ExactDecimal) {
            out.raw(first ? "\"" : ", \"")
            first = false
            key(&out.bytes)
            out.raw("\": \"")
            multiplier.appendPlainText(to: &out.bytes)
            out.byte(UInt8(ascii: "\""))
        }
        for monthDay in profile.yearlyEvents.keys.sorted() {
            event({ $0.append(contentsOf: monthDay.text.utf8) }, profile.yearlyEvents[monthDay] ?? .one)
        }
        for day in profile.events.keys.sorted() {
            event({ day.appendISO(to: &$0) }, profile.events[day] ?? .one)
        }
        out.raw("}")
    }

    private static func writeActual(_ actual: Actual, _ out: inout JSONWriter) {
        out.raw("\"date\": \"")
        actual.day.appendISO(to: &out.bytes)
        out.byte(UInt8(ascii: "\""))
        for metric in GoalMetric.allCases {
            guard let value = actual.values[metric] else { continue }
            out.raw(", \"")
            out.raw(metric.rawValue)
            out.raw("\": \"")
            value.appendPlainText(to: &out.bytes)
            out.byte(UInt8(ascii: "\""))
        }
        if let bounce = actual.bounceRate { member("bounce", decimal: bounce, &out) }
        if let depth = actual.visitDepth { member("depth", decimal: depth, &out) }
        if let inquiry = actual.inquiryConversion { member("inquiry-cvr", decimal: inquiry, &out) }
    }
}

// MARK: - Scenarios

/// A scenario as lines of the file: its first line (name and volume rule), then one per change.
enum ScenarioLines {
    struct Line {
        var scenario: Scenario
        var change: ScenarioChange?
    }

    static func lines(of scenarios: [Scenario]) -> [Line] {
        scenarios.flatMap { scenario in [Line(scenario: scenario, change: nil)] + scenario.changes.map { Line(scenario: scenario, change: $0) } }
    }
}

extension WorkspaceWriter {
    /// One scenario line: `{"scenario": "激进", "product": "TS-002", "field": "price", "by": "-10%"}`;
    /// a product, cost entry or hit plan carried whole is written as in its own array, as one element.
    fileprivate static func writeScenarioLine(_ line: ScenarioLines.Line, _ out: inout JSONWriter) {
        member("scenario", line.scenario.name, &out, first: true)
        func figure(_ change: FigureChange) {
            if let text = change.storedText {
                member("by", text, &out)
            } else if case .to(let value) = change {
                member("to", value?.description ?? "none", &out)
            }
        }
        func nested(_ key: String, _ write: (inout JSONWriter) -> Void) {
            out.raw(", \"\(key)\": [{")
            write(&out)
            out.raw("}]")
        }
        guard let change = line.change else {
            member("volume", line.scenario.volume.typed, &out)
            return
        }
        switch change {
        case .assumption(let assumption, let change):
            member("set", assumption.rawValue, &out)
            figure(change)
        case .product(let sku, let field, let change):
            member("product", sku, &out)
            member("field", field.rawValue, &out)
            figure(change)
        case .productName(let sku, let name):
            member("product", sku, &out)
            member("field", "name", &out)
            member("to", name, &out)
        case .productRole(let sku, let role):
            member("product", sku, &out)
            member("field", "role", &out)
            member("to", role?.rawValue ?? "none", &out)
        case .addProduct(let product): nested("addProduct") { writeProduct(product, &$0) }
        case .removeProduct(let sku): member("removeProduct", sku, &out)
        case .cost(let id, let field, let change):
            member("cost", id.description, &out)
            member("field", field.rawValue, &out)
            figure(change)
        case .replaceCost(let entry): nested("replaceCost") { writeCost(entry, &$0) }
        case .addCost(let entry): nested("addCost") { writeCost(entry, &$0) }
        case .removeCost(let id): member("removeCost", id.description, &out)
        case .goal(let period, let metric, let value):
            member("goal", period.text, &out)
            member("metric", metric.rawValue, &out)
            figure(.to(value))
        case .hitPlan(let saved): nested("hitPlan") { writeHitPlan(saved, &$0) }
        case .removeHitPlan(let name): member("removeHitPlan", name, &out)
        }
    }
}
