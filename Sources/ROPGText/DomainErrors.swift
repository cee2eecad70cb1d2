import ROPGDomain

// The domain's typed errors, phrased. The domain says what was wrong with which values; the
// words, in either language, are here.

extension NumberError {
    /// "\"12x\" is not a number: no digits" in English; "\"12x\" 不是数字：没有数字" in Chinese.
    public var message: String {
        let word = text.quotedExcerpt
        // Text that reads as no number at all says what numbers look like (DOMAIN §1.2).
        let examples = phrase("write numbers like 1,234.56, ¥79, 1200万, 10w or 5%")
        switch reason {
        case .unreadable: return phrase("{word} is not a number; {examples}", ["word": word, "examples": examples])
        case .noDigits: return phrase("{word} is not a number: {reason}; {examples}", ["word": word, "reason": reasonText, "examples": examples])
        default: return phrase("{word} is not a number: {reason}", ["word": word, "reason": reasonText])
        }
    }

    private var reasonText: String {
        switch reason {
        case .tooLong: phrase("too long for a number")
        case .empty: phrase("nothing was written")
        case .noDigits: phrase("no digits")
        case .tooManyDigits: phrase("too many digits")
        case .commaAfterDecimalPoint: phrase("a comma after the decimal point")
        case .badGrouping: phrase("commas must separate groups of three digits")
        case .twoDecimalPoints: phrase("two decimal points")
        case .unreadable: ""
        case .noDigitsAfterDecimalPoint: phrase("no digits after the decimal point")
        case .tooManyPlaces(let most): phrase("more than {count} decimal places", ["count": String(most)])
        case .tooLarge: phrase("too large")
        case .percentageForAmount: phrase("a percentage where an amount is expected")
        case .wholeNumberExpected: phrase("a whole number is expected")
        case .signedRelativeChange: phrase("write the amount without a sign; the operator says up or down")
        case .percentageForFactor: phrase("*= takes a factor such as 1.1; for a percentage use += or -=")
        }
    }
}

extension PeriodError {
    /// "\"2026-13\" is not a period: a month is 01 to 12", or its Chinese.
    public var message: String {
        phrase("{word} is not a period: {reason}", ["word": text.quotedExcerpt, "reason": reasonText])
    }

    private var reasonText: String {
        switch reason {
        case .tooLong: phrase("too long; write 2026, 2026-Q1, 2026-03, 2026-W11, 2026-03-14 or a range FROM..TO")
        case .rangeNeedsBothEnds: phrase("a range needs a start and an end, e.g. 2026-03..2026-06")
        case .rangeEndsBeforeStart(let start, let end):
            phrase("the range ends ({end}) before it starts ({start})", ["end": end.description, "start": start.description])
        case .dayExpected: phrase("a day is expected, written like 2026-03-14")
        case .notAPeriod: phrase("write 2026, 2026-Q1, 2026-03, 2026-W11 or 2026-03-14")
        case .yearOutOfRange(let lowest, let highest):
            phrase("the year must be between {lowest} and {highest}", ["lowest": String(lowest), "highest": String(highest)])
        case .quarterOutOfRange: phrase("a quarter is Q1 to Q4")
        case .weekOutOfRange: phrase("a week is W01 to W52 or W53")
        case .noSuchWeek(let year, let weeks, let week):
            phrase("{year} has {weeks} ISO weeks, so there is no week {week}", ["year": String(year), "weeks": String(weeks), "week": String(week)])
        case .monthOutOfRange: phrase("a month is 01 to 12")
        case .noSuchDay(let year, let month, let days):
            phrase("{month} has {days} days", ["month": String(format2: year, month), "days": String(days)])
        }
    }
}

extension String {
    /// "2026-02": a year and a month as periods write them.
    init(format2 year: Int, _ month: Int) {
        self = "\(year)-" + (month < 10 ? "0" : "") + String(month)
    }
}
