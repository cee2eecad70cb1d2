import ROPGDomain
import ROPGText
import ROPGTables

/// The words after a command's name: positional words, and `key=value` options taken by name.
public struct Arguments: Sendable {
    public private(set) var positionals: [Word]
    public private(set) var options: [Word]
    /// Every word, in the order typed.
    public private(set) var words: [Word]

    public init(_ words: [Word]) {
        self.words = words
        positionals = words.filter { $0.key == nil }
        options = words.filter { $0.key != nil }
    }

    public var isEmpty: Bool { positionals.isEmpty && options.isEmpty }

    /// The value of `key=`, or nil when it was not given.
    public func value(_ key: String) -> String? {
        options.last { $0.key == key }?.value
    }

    public func has(_ key: String) -> Bool { options.contains { $0.key == key } }

    /// The `key=value` words as typed (without `skipping`), each value quoted again where it needs
    /// it: how `history` and the what-if listing show a change with its values.
    public func typedOptions(skipping skipped: Set<String> = []) -> String {
        options.compactMap { option in
            guard let key = option.key, !skipped.contains(key) else { return nil }
            return key + "=" + Self.quotedIfNeeded(option.value ?? "")
        }.joined(separator: " ")
    }

    /// `text`, in quotes when a space, quote, `;` or `#` in it would split or end the word.
    public static func quotedIfNeeded(_ text: String) -> String {
        guard text.isEmpty || text.contains(where: { " \t\u{3000};#\"'".contains($0) }) else { return text }
        return text.contains("\"") ? "'" + text + "'" : "\"" + text + "\""
    }

    /// `prefix` and the typed options, for a change's description.
    public func described(_ prefix: String, skipping skipped: Set<String> = []) -> String {
        let options = typedOptions(skipping: skipped)
        return options.isEmpty ? prefix : prefix + " " + options
    }

    /// The positional word at `index`, or nil.
    public func positional(_ index: Int) -> String? {
        index < positionals.count ? positionals[index].text : nil
    }

    /// Refuses positional words beyond `count`.
    public func checkPositionals(max count: Int, usage: String) throws(CommandError) {
        if positionals.count > count {
            let extra = positionals[count].text
            throw CommandError(phrase("unexpected {word}; usage: {usage}", ["word": extra.quotedExcerpt, "usage": usage]))
        }
    }

    // MARK: - Typed values

    public func amount(_ key: String) throws(CommandError) -> ExactDecimal? {
        guard let text = value(key) else { return nil }
        do { return try NumberGrammar.amount(text) } catch { throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message])) }
    }

    /// A selling price: an amount in yuan to the fen. More decimals would be shown rounded while
    /// every figure used the typed value, so `price=79.999` is refused rather than kept unseen.
    public func price(_ key: String) throws(CommandError) -> ExactDecimal? {
        guard let value = try amount(key) else { return nil }
        guard value.rounded(places: 2) == value else {
            // No example where the fen would make it zero or negative: those are refused anyway.
            guard value.rounded(places: 2) > .zero else {
                throw CommandError(phrase("{key}={value}: a price is to the fen (two decimals)", ["key": key, "value": self.value(key) ?? ""]))
            }
            throw CommandError(phrase("{key}={value}: a price is to the fen (two decimals), e.g. {key}={rounded}",
                                      ["key": key, "value": self.value(key) ?? "", "rounded": value.rounded(places: 2).formatted()]))
        }
        return value
    }

    public func rate(_ key: String) throws(CommandError) -> ExactDecimal? {
        guard let text = value(key) else { return nil }
        do { return try NumberGrammar.rate(text) } catch { throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message])) }
    }

    public func wholeCount(_ key: String) throws(CommandError) -> Int? {
        guard let text = value(key) else { return nil }
        do { return try NumberGrammar.wholeCount(text) } catch { throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message])) }
    }

    public func period(_ key: String) throws(CommandError) -> Period? {
        guard let text = value(key) else { return nil }
        do { return try Period.parse(text) } catch { throw CommandError(phrase("{key}=: {problem}", ["key": key, "problem": error.message])) }
    }
}

/// A command that could not be carried out: the message tells the user what to fix.
public struct CommandError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

