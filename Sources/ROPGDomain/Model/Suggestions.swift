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
