/// The verdicts of every async procedure as the checkers record them, one
/// procedure after the other: by the procedure they are about (condition 4
/// is about the pending one, so every checker adds to every procedure's
/// list), in the order recorded. Condition 4 pairs settled without a query
/// are added to a run (`SiblingsWithoutQuery`) in O(1), without text.
/// Shared by reference: each `ProcedureChecker` adds to the one table.
final class AsyncVerdictTable {
  /// Every async procedure's name, in source order: a procedure's index is its place here.
  let names: [String]
  private var entries: [[AsyncProcedureVerdict.Entry]]
  /// For each procedure, the run of pairs without a query still growing (not yet in `entries`):
  /// plain numbers, so that adding a pair touches no reference count.
  private var growing: [(reason: SiblingsWithoutQuery.Reason, siblings: Range<Int>)?]

  init(names: [String]) {
    self.names = names
    entries = Array(repeating: [], count: names.count)
    growing = Array(repeating: nil, count: names.count)
  }

  /// Records a verdict about the procedure at `procedure`.
  func record(_ procedure: Int, _ verdict: AsyncConditionVerdict) {
    close(procedure)
    // Taken out and put back so that the list it joins is not copied.
    switch entries[procedure].popLast() {
    case .checked(var verdicts)?:
      verdicts.append(verdict)
      entries[procedure].append(.checked(verdicts))
    case let last:
      if let last { entries[procedure].append(last) }
      entries[procedure].append(.checked([verdict]))
    }
  }

  /// Records condition 4 of the pending procedure at `pending` against the sibling at `sibling` as
  /// valid without a query, for `reason`.
  func recordWithoutQuery(pending: Int, sibling: Int, _ reason: SiblingsWithoutQuery.Reason) {
    if let run = growing[pending], run.reason == reason, run.siblings.upperBound == sibling {
      growing[pending] = (reason, run.siblings.lowerBound ..< sibling + 1)
      return
    }
    close(pending)
    growing[pending] = (reason, sibling ..< sibling + 1)
  }

  /// Ends the growing run of `procedure`, if any.
  private func close(_ procedure: Int) {
    guard let run = growing[procedure] else { return }
    entries[procedure].append(.withoutQuery(
      SiblingsWithoutQuery(pending: names[procedure], reason: run.reason, names: names, siblings: run.siblings)))
    growing[procedure] = nil
  }

  /// Every procedure's verdict, in source order.
  var verdicts: [AsyncProcedureVerdict] {
    names.indices.forEach(close)
    return zip(names, entries).map { AsyncProcedureVerdict(name: $0, entries: $1) }
  }
}
