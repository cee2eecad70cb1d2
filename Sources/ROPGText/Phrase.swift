import ROPGDomain

/// The language text is phrased in while a command runs. The session binds it around each
/// command (`Interface.$language.withValue`), so reports, tables and errors built during the
/// command read it without a language passed through every call; outside a binding it is English.
/// A task-local value, not global state: each binding holds only for the code it wraps.
public enum Interface {
    @TaskLocal public static var language: Language = .en
}

/// The text the catalogue holds for `message` in the current language, with its `{name}`
/// parameters filled in from `parameters`. The message is its own key: the English text, with
/// the parameters by name, so the English output is the key read back and the Chinese is looked
/// up by it (Catalogue.swift). Phrases built of phrases pass the inner one as a parameter, never
/// by joining text, so each language orders the parts its own way.
public func phrase(_ message: String, _ parameters: KeyValuePairs<String, String> = [:]) -> String {
    phrase(message, parameters, in: Interface.language)
}

/// `phrase` in a given language, for code running where the task-local binding does not reach
/// (worker threads of a large report).
public func phrase(_ message: String, _ parameters: KeyValuePairs<String, String> = [:], in language: Language) -> String {
    let template = Catalogue.template(message, in: language)
    guard !parameters.isEmpty else { return template }
    return Catalogue.fill(template, parameters)
}

/// A phrase looked up and read into its pieces once, then filled for many rows: what `phrase`
/// gives, without a look-up (and the lock the read templates are kept behind) for each of
/// 100,000 rows built side by side. Each worker thread makes its own: the pieces are its own
/// copy, so that no count of holders is changed by two cores a row at a time.
public struct PreparedPhrase: Sendable {
    private let template: String
    private let pieces: [Catalogue.Piece]

    public init(_ message: String, in language: Language) {
        template = Catalogue.template(message, in: language)
        pieces = Catalogue.pieces(of: template).map { $0 }  // a new array, not the kept one
    }

    /// `phrase(message, parameters, in: language)`.
    public func callAsFunction(_ parameters: KeyValuePairs<String, String>) -> String {
        guard !parameters.isEmpty else { return template }
        return Catalogue.fill(pieces, parameters)
    }
}

/// `phrase` with parameters held in a value (a report's error carries its message's key and
/// values, since the reports do not phrase: ROPGReports' `ReportError`).
public func phrase(_ message: String, values: [String: String]) -> String {
    let template = Interface.language == .zh ? Catalogue.chinese[message] ?? message : message
    return values.isEmpty ? template : Catalogue.fill(template) { values[$0] }
}

/// `message` where the same English means different things: looked up as "CONTEXT|message" (the
/// way gettext's msgctxt works), shown as `message` in English. Column "margin" is profit ÷ net
/// revenue (利润率) in pnl but the contribution margin (贡献毛利率) in margin and breakeven.
public func phrase(in context: String, _ message: String, _ parameters: KeyValuePairs<String, String> = [:]) -> String {
    let language = Interface.language
    guard language == .zh, let template = Catalogue.chinese[context + "|" + message] else { return phrase(message, parameters, in: language) }
    return parameters.isEmpty ? template : Catalogue.fill(template, parameters)
}

/// "1 product" or "9 products" in English, "9 个商品" in Chinese: the catalogue keys both English
/// forms, `{count} product` and `{count} products`.
public func phrase(count: Int, _ singular: String, _ plural: String) -> String {
    phrase(count == 1 ? singular : plural, ["count": ExactDecimal(count).countText])
}

extension Language {
    /// The language's own name, for messages: "English", "中文".
    public var ownName: String {
        switch self {
        case .en: "English"
        case .zh: "中文"
        }
    }
}
