/// "Did you mean ...?": the closest of the words that could stand where an
/// unknown one was written.
///
/// The parser asks it about keywords where a statement or declaration starts,
/// name resolution about the declared names of one kind (procedures, messages,
/// fields, ...), so every suggestion in hophop follows one rule: a candidate is
/// offered only when it is at most two edits away (an insertion, a deletion, a
/// substitution or a swap of two neighbours), and the edits are fewer than half
/// the letters written, so that short names do not attract random suggestions.
public enum Suggestion {
  /// The largest number of edits a suggestion may be away from what was written.
  public static let maximumDistance = 2

  /// The candidate closest to `written`, or `nil` when none is close enough.
  /// Ties go to the alphabetically first candidate, so the answer is deterministic.
  public static func closest(to written: String, among candidates: some Sequence<String>) -> String? {
    let letters = Array(written.unicodeScalars)
    var best: (distance: Int, name: String)?
    for candidate in candidates where candidate != written {
      let distance = editDistance(letters, Array(candidate.unicodeScalars))
      guard distance <= maximumDistance, distance * 2 < letters.count else { continue }
      if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
      best = (distance, candidate)
    }
    return best?.name
  }

  /// The optimal-string-alignment distance: Levenshtein's insertions, deletions
  /// and substitutions, plus swaps of two adjacent letters (`dipsose`), each costing one.
  public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rows of the dynamic-programming table: two back (for swaps), one back, current.
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          row[j] = min(row[j], twoBack[j - 2] + 1)
        }
      }
      (twoBack, previous, row) = (previous, row, twoBack)
    }
    return previous[b.count]
  }
}

extension Diagnostic.Note {
  /// "did you mean 'dispose'?", the note every suggestion is given as.
  static func didYouMean(_ name: String) -> Diagnostic.Note {
    Diagnostic.Note("did you mean '\(name)'?")
  }

  /// The note of a suggestion, if there is one.
  static func didYouMean(_ written: String, among candidates: some Sequence<String>) -> [Diagnostic.Note] {
    Suggestion.closest(to: written, among: candidates).map { [didYouMean($0)] } ?? []
  }
}
