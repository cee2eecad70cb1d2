/// Nearest names, for "did you mean" answers.
public enum Suggestions {
    /// Names within a small edit distance of `word`, nearest first; at most three.
    public static func nearest(to word: String, among names: [String]) -> [String] {
        // Nobody mistypes a name this long, and the edit distance costs the product of the two
        // lengths: a 2 MB word against each command name took seconds. Such a word gets no
        // suggestion, and the work stays linear in its length.
        guard word.utf8.count <= longestWord * 4 else { return [] }
        let length = word.count
        guard length <= longestWord else { return [] }
        // Short words tolerate one slip, longer ones a third of their length.
        let lowered = word.lowercased()
        let limit = length <= 3 ? 1 : max(2, length / 3)
        var scored: [(name: String, distance: Int)] = []
        for name in names {
            // A name from a crafted file can be huge too: not one anybody means to type.
            guard name.utf8.count <= longestWord * 16 else { continue }
            let candidate = name.lowercased()
            let isPrefix = !lowered.isEmpty && candidate.hasPrefix(lowered)
            // The distance is at least the difference in length: skip names that cannot be close
            // without working it out (a SKU list can be long).
            guard isPrefix || abs(candidate.count - length) <= limit else { continue }
            let edits = distance(lowered, candidate)
            let close = edits <= limit && edits < max(length, candidate.count)
            if close || isPrefix { scored.append((name, edits)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.prefix(3).map(\.name)
    }

    /// The longest word, in characters, that gets "did you mean" suggestions.
    public static let longestWord = 64

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
