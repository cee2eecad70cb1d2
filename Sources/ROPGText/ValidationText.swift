import ROPGDomain

// The domain's validation problems, phrased: what is wrong with a value of a workspace, in the
// words of either language. The domain names the problem and the values (ValidationProblem).

extension ValidationIssue {
    /// The problem in the current language: "-5 is negative".
    public var message: String { problem.message }

    /// "products[3].price: -5 is negative": the path, then the problem.
    public var description: String { path.isEmpty ? message : phrase("{path}: {problem}", ["path": path, "problem": message]) }
}

extension ValidationProblem {
    public var message: String {
        switch self {
        case .holdsNUL(let text): phrase("{text} holds a NUL character (\\u{0}); remove it", ["text": text.quotedExcerpt])
        case .negative(let value): phrase("{value} is negative", ["value": value.description])
        case .notWhole(let value): phrase("{value} is not a whole number", ["value": value.description])
        case .notAboveZeroAtMostHundredPercent(let rate): phrase("{rate} is not above 0% and at most 100%", ["rate": rate.exactPercentText])
        case .notBetweenZeroAndHundredPercent(let rate): phrase("{rate} is not between 0% and 100%", ["rate": rate.exactPercentText])
        case .appearsTwice(let name): phrase("{name} appears twice", ["name": name])
        case .noProduct(let sku): phrase("no product {sku}", ["sku": sku])
        case .isEmpty: phrase("is empty")
        case .productNeedsSKU: phrase("a product needs a SKU")
        case .skuHasSpace(let sku): phrase("{sku} has a space; a SKU is one word", ["sku": sku.quotedExcerpt])
        case .sharesAboveHundredPercent(let shares): phrase("the products' GMV shares add up to {shares}, more than 100%", ["shares": shares.exactPercentText])
        case .costNeedsName: phrase("a cost entry needs a name")
        case .quantityNotAboveZero(let quantity): phrase("{value} must be above 0", ["value": quantity.description])
        case .endBeforeStart(let end, let start): phrase("{end} is before the start {start}", ["end": end.description, "start": start.description])
        case .amortizingNeedsAMonth: phrase("amortizing needs at least 1 month")
        case .amortizedNeedsStart: phrase("an amortized entry needs a start month")
        case .shareMustBeBetweenZeroAndHundredPercent(let share): phrase("{rate} must be between 0% and 100%", ["rate": share.exactPercentText])
        case .cpsRateAboveHundredPercent(let rate): phrase("a CPS rate of {rate} is over 100%", ["rate": rate.exactPercentText])
        case .paidClicksAboveHundredPercent(let rate): phrase("{rate} of the paid clicks is over 100%", ["rate": rate.exactPercentText])
        case .rateAboveHundredPercent(let rate): phrase("a rate of {rate} is over 100%", ["rate": rate.exactPercentText])
        case .onlySalesLinkedBelongToProduct: phrase("only per-unit, per-order, percent, CPS and cpc=plan entries belong to a product")
        case .idAboveLast(let id): phrase("{id} is above lastCostIds.{category}", ["id": id.description, "category": id.category.rawValue])
        case .moneyGoalHasMoreThanCents(let metric, let value):
            phrase("{metric} is money: {value} has more than 2 decimals", ["metric": metric.rawValue, "value": value.description])
        case .countGoalNotWhole(let metric, let value):
            phrase("{metric} is a count: {value} is not a whole number", ["metric": metric.rawValue, "value": value.description])
        case .goalOnRange: phrase("goals are set on a year, quarter, month, week or day, not a range")
        case .secondGoal(let metric, let period): phrase("a second {metric} goal for {period}", ["metric": metric.rawValue, "period": period.text])
        case .onlyYearQuarterMonthSplit(let period): phrase("only a year, quarter or month is split, not {period}", ["period": period.text])
        case .splitsToSmaller(let period): phrase("{period} splits to something smaller: quarter, month or day", ["period": period.text])
        case .noProfile(let name): phrase("no profile {name}", ["name": name])
        case .weightCount(let period, let children, let grain, let weights):
            phrase("{period} has {count} {grains} but {weights} weights", ["period": period.text, "count": String(children), "grains": grain.plural, "weights": String(weights)])
        case .weightsOutOfRange(let largest): phrase("weights are between 0 and {largest}", ["largest": largest.countText])
        case .secondSplit(let period): phrase("a second split for {period}", ["period": period.text])
        case .secondProfile(let name): phrase("a second profile named {name}", ["name": name])
        case .recordedTwice(let day): phrase("{day} is recorded twice", ["day": day.isoText])
        case .ordersAboveVisitors(let day, let orders, let visitors):
            phrase("{day}: {orders} orders from {visitors} visitors; every order needs a visitor, so orders are at most uv",
                   ["day": day.isoText, "orders": orders.countText, "visitors": visitors.countText])
        case .gmvWithoutOrders(let day, let gmv):
            phrase("{day}: gmv {gmv} with 0 orders; a sale is an order, so record the orders (or gmv=0)", ["day": day.isoText, "gmv": gmv.formatted()])
        case .assumptionValue(let value, let problem): phrase("{value} {problem}", ["value": value.description, "problem": phrase(problem)])
        case .overrideValue(let assumption, let value, let problem):
            phrase("{assumption} {value} {problem}", ["assumption": assumption.rawValue, "value": value.description, "problem": phrase(problem)])
        case .scenarioName(let problem): problem.message
        case .scenarioTwice(let name): phrase("scenario {name} appears twice", ["name": name])
        }
    }
}

extension PeriodGrain {
    /// "months", "days": the grain counted, in a sentence.
    var plural: String {
        switch self {
        case .year: phrase("years")
        case .quarter: phrase("quarters")
        case .month: phrase("months")
        case .week: phrase("weeks")
        case .day: phrase("days")
        case .range: phrase("ranges")
        }
    }
}

extension PeriodGrain {
    /// "month" in English, "月" in Chinese: the grain named in a sentence.
    public var phrased: String {
        switch self {
        case .year: phrase("year")
        case .quarter: phrase("quarter")
        case .month: phrase("month")
        case .week: phrase("week")
        case .day: phrase("day")
        case .range: phrase("range")
        }
    }
}

extension KeyedMessage {
    /// The message in the current language, its cause as `{problem}`.
    public var phrased: String {
        var values = self.values
        if let cause = cause.first { values["problem"] = cause.phrased }
        return phrase(key, values: values)
    }
}
