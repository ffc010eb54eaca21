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

  init(names: [String]) {
    self.names = names
    entries = Array(repeating: [], count: names.count)
  }

  /// Records a verdict about the procedure at `procedure`.
  func record(_ procedure: Int, _ verdict: AsyncConditionVerdict) {
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
    let last = entries[pending].popLast()
    if case .withoutQuery(var run)? = last, run.extend(with: sibling, reason) {
      entries[pending].append(.withoutQuery(run))
      return
    }
    if let last { entries[pending].append(last) }
    entries[pending].append(.withoutQuery(
      SiblingsWithoutQuery(pending: names[pending], reason: reason, names: names, sibling: sibling)))
  }

  /// Every procedure's verdict, in source order.
  var verdicts: [AsyncProcedureVerdict] {
    zip(names, entries).map { AsyncProcedureVerdict(name: $0, entries: $1) }
  }
}
