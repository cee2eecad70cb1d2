import ROPGDomain

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

    /// The positional word at `index`, or nil.
    public func positional(_ index: Int) -> String? {
        index < positionals.count ? positionals[index].text : nil
    }

    /// Refuses keys the command does not know, naming the nearest ones it does, and keys given twice.
    public func checkKeys(allowed: [String], command: String) throws(CommandError) {
        var seen = Set<String>()
        for option in options {
            guard let key = option.key else { continue }
            guard allowed.contains(key) else {
                let near = Suggestions.nearest(to: key, among: allowed)
                let hint = near.isEmpty ? " (\(command) takes: \(allowed.map { "\($0)=" }.joined(separator: " ")))"
                    : "; did you mean \(near.map { "\($0)=" }.joined(separator: " or "))?"
                throw CommandError("\(command) has no key \(key)=\(hint)")
            }
            guard seen.insert(key).inserted else { throw CommandError("\(key)= is given twice") }
        }
    }

    /// Refuses positional words beyond `count`.
    public func checkPositionals(max count: Int, usage: String) throws(CommandError) {
        if positionals.count > count {
            let extra = positionals[count].text
            throw CommandError("unexpected \"\(extra)\"; usage: \(usage)")
        }
    }

    // MARK: - Typed values

    public func amount(_ key: String) throws(CommandError) -> ExactDecimal? {
        guard let text = value(key) else { return nil }
        do { return try NumberGrammar.amount(text) } catch { throw CommandError("\(key)=: \(error.message)") }
    }

    public func rate(_ key: String) throws(CommandError) -> ExactDecimal? {
        guard let text = value(key) else { return nil }
        do { return try NumberGrammar.rate(text) } catch { throw CommandError("\(key)=: \(error.message)") }
    }

    public func wholeCount(_ key: String) throws(CommandError) -> Int? {
        guard let text = value(key) else { return nil }
        do { return try NumberGrammar.wholeCount(text) } catch { throw CommandError("\(key)=: \(error.message)") }
    }

    public func period(_ key: String) throws(CommandError) -> Period? {
        guard let text = value(key) else { return nil }
        do { return try Period.parse(text) } catch { throw CommandError("\(key)=: \(error.message)") }
    }
}

/// A command that could not be carried out: the message tells the user what to fix.
public struct CommandError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Nearest names, for "did you mean" answers.
public enum Suggestions {
    /// Names within a small edit distance of `word`, nearest first; at most three.
    public static func nearest(to word: String, among names: [String]) -> [String] {
        // Short words tolerate one slip, longer ones a third of their length.
        let lowered = word.lowercased()
        let limit = word.count <= 3 ? 1 : max(2, word.count / 3)
        var scored: [(name: String, distance: Int)] = []
        for name in names {
            let candidate = name.lowercased()
            let edits = distance(lowered, candidate)
            let close = edits <= limit && edits < max(word.count, candidate.count)
            if close || (!lowered.isEmpty && candidate.hasPrefix(lowered)) { scored.append((name, edits)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.prefix(3).map(\.name)
    }

    /// Levenshtein distance over Characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
