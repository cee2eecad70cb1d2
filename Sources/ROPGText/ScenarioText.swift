import ROPGDomain

// The words for scenarios and relative changes: why a change does not apply, why a name is
// refused, a result too large to keep, and the volume rules. The domain names the problem and
// its values (ScenarioProblem.swift); the catalogue says it in either language.

extension TooLargeResult {
    /// "the result would be too large: 7,899,999,999,999,921.00 is past the largest figure ropg takes (10¹⁵)"
    public var message: String {
        phrase("the result would be too large: {shown} is past the largest figure ropg takes (10¹⁵)",
               ["shown": shown.map { $0.formatted() } ?? phrase("past 10²⁶")])
    }
}

extension OverrideProblem {
    public var message: String {
        switch self {
        case .tooLarge(let assumption, let period, let problem):
            phrase("{assumption} for {period}: {problem}", ["assumption": assumption.rawValue, "period": period, "problem": problem.message])
        case .outOfRange(let assumption, let period, let value, let problem):
            phrase("{assumption} for {period} would be {value}, but it {problem}",
                   ["assumption": assumption.rawValue, "period": period, "value": value.description, "problem": phrase(problem)])
        }
    }
}

extension ScenarioProblem {
    public var message: String {
        switch self {
        case .assumptionNotSet(let assumption): phrase("{assumption} is not set in the plan", ["assumption": assumption.rawValue])
        case .assumptionTooLarge(let assumption, let typed, let problem):
            phrase("{assumption}{typed}: {problem}", ["assumption": assumption.rawValue, "typed": typed, "problem": problem.message])
        case .assumptionOutOfRange(let assumption, let value, let problem):
            phrase("{assumption} would be {value}, but it {problem}", ["assumption": assumption.rawValue, "value": value.description, "problem": phrase(problem)])
        case .override(let problem): problem.message
        case .noProduct(let sku): phrase("no product {sku} in the plan", ["sku": sku])
        case .noOwnFigure(let sku, let label): phrase("{sku} has no {label} of its own", ["sku": sku, "label": label])
        case .wouldBeNegative(let label, let target, let value):
            phrase("would make the {label} of {target} negative ({value})", ["label": label, "target": target, "value": value.formatted()])
        case .figureTooLarge(let figure, let typed, let target, let problem):
            phrase("{figure}{typed} for {target}: {problem}", ["figure": figure, "typed": typed, "target": target, "problem": problem.message])
        case .cannotBe(let sku, let label, let value): phrase("{sku}'s {label} cannot be {value}", ["sku": sku, "label": label, "value": value.description])
        case .invalid(let target, let issue): phrase("{target} {path}: {problem}", ["target": target, "path": issue.path, "problem": issue.message])
        case .sharesAboveWhole: phrase("the GMV shares would add up to more than 100%")
        case .planHasProduct(let sku): phrase("the plan has a product {sku} of its own", ["sku": sku])
        case .costBelongsToProduct(let id, let sku): phrase("the plan's cost {id} belongs to {sku}", ["id": id.description, "sku": sku])
        case .hitPlanForProduct(let name, let sku): phrase("the plan's hit plan {name} is for {sku}", ["name": name, "sku": sku])
        case .noCost(let id): phrase("no cost entry {id} in the plan", ["id": id.description])
        case .noCostFigure(let id, let figure): phrase("{id} has no {figure}", ["id": id.description, "figure": figure])
        case .entryNumbersUsedUp(let category): phrase("category {category} has used up its entry numbers", ["category": category.rawValue])
        case .noGoal(let metric, let period): phrase("the plan has no {metric} goal for {period}", ["metric": metric.rawValue, "period": period.text])
        case .noHitPlan(let name): phrase("no hit plan {name} in the plan", ["name": name])
        }
    }
}

extension ScenarioFailure {
    /// "product TS-009 price -=10%: no product TS-009 in the plan": the change as typed, then why.
    public var message: String {
        phrase("{subject} {how}: {problem}", ["subject": change.subject, "how": change.howPhrased, "problem": problem.message])
    }
}

extension ScenarioChange {
    /// `how`, its words phrased: "-=10%" stays, "added" is 已添加 in Chinese.
    public var howPhrased: String {
        switch self {
        case .addProduct, .addCost, .hitPlan: phrase("added")
        case .removeProduct, .removeCost, .removeHitPlan: phrase("removed")
        case .replaceCost: phrase("replaced")
        default: how
        }
    }
}

extension ScenarioNameProblem {
    public var message: String {
        switch self {
        case .empty: phrase("a scenario needs a name")
        case .tooLong: phrase("a scenario's name is at most 40 characters")
        case .separator: phrase("a scenario's name has no spaces, = , # or ;")
        case .control: phrase("a scenario's name has no control characters")
        case .invisible(let value):
            phrase("a scenario's name has no invisible characters (it holds U+{code})", ["code": String(value, radix: 16, uppercase: true)])
        case .reserved(let name): phrase("{name} is reserved: it would read as the plan or a comparison column; pick another name", ["name": name])
        case .readsAsPeriod(let name): phrase("{name} reads as a period; scenario compare could not tell them apart. Pick another name", ["name": name])
        }
    }
}

extension VolumeRule {
    /// For notes under a comparison: "hold GMV (a new price sells the same GMV)".
    public var explanation: String {
        switch self {
        case .holdGMV: phrase("hold GMV (a new price sells the same GMV)")
        case .holdUnits: phrase("hold units (a new price sells the same units)")
        case .elasticity(let value): phrase("elasticity {value} (units change by {value} × the price change)", ["value": value.description])
        }
    }

    /// The rules volume= takes, for errors.
    public static var choices: String {
        phrase("volume=hold-gmv (the default), volume=hold-units or volume=elasticity:E (e.g. elasticity:-1.5)")
    }
}

extension VolumeNote {
    /// "TS-001 79.00 → 69.00, units ×1.1899; GMV goals ×1.0211".
    public var message: String {
        let moved = moves.map { move in
            phrase("{sku} {old} → {new}, units ×{factor}",
                   ["sku": move.sku, "old": move.old.formatted(), "new": move.new.formatted(), "factor": move.unitsFactor.rounded(places: 4).description])
        }
        return phrase("{moves}; GMV goals ×{factor}", ["moves": moved.joined(separator: phrase("; ")), "factor": gmvFactor.rounded(places: 4).description])
    }
}
