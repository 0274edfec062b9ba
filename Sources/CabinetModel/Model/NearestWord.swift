/// The known word a misspelling most likely meant, for "did you mean" hints.
public enum NearestWord {
    /// The word of `words` closest to `word` by edit distance, if close enough to be a slip
    /// (at most a third of its letters, and at least two, wrong).
    public static func nearest(to word: String, among words: some Collection<String>) -> String? {
        let limit = max(2, word.count / 3)
        return words
            .map { (word: $0, distance: distance(word.lowercased(), $0.lowercased())) }
            .filter { $0.distance <= limit }
            .min { ($0.distance, $0.word) < ($1.distance, $1.word) }?.word
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
