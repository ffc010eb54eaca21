import HopLogic

/// Folds doubly linked chains into `dlseg(n; p; a, b, c, d)` (a: first cell,
/// b: the cell after the last, c: the cell before the first, d: the last
/// cell): a cell or segment followed, through an address no program variable
/// holds, by a cell or segment whose back link is the first one's last cell.
/// Without it, a walk along a doubly linked list adds a cell per iteration
/// and inference never ends. Like `ShapeFolding`, each fold is a weakening:
/// the addresses that become inner cells are existentials nothing else
/// mentions, and the new segment's ends lie outside it (NULL or allocated by
/// another atom).
struct DoublyLinkedFolding {
  /// The link fields of a cell of a dlseg: next, then previous (Smallfoot's `r` and `l`).
  static let fields = ["r", "l"]

  /// The heap with one doubly linked fold made, or nil when none applies.
  func foldOnce(_ heap: SymbolicHeap, uses: [Variable: Int],
                isOutside: (Term, [SpatialAtom]) -> Bool) -> SymbolicHeap? {
    let atoms = heap.spatial
    func existential(_ term: Term) -> Variable? {
      if case .variable(let v) = term, v.isExistential { v } else { nil }
    }
    for (i, first) in atoms.enumerated() {
      guard let left = segment(first) else { continue }
      guard let middle = existential(left.after) else { continue }
      for (j, second) in atoms.enumerated() where j != i {
        guard let right = segment(second), right.first == left.after, right.before == left.last else { continue }
        var inner: [Variable] = []
        // The middle address stays only as the new last cell (a cell on the right); else it must go unseen.
        if right.isCell ? false : uses[middle] != 2 { continue }
        if !right.isCell { inner.append(middle) }
        // The first part's last cell becomes an inner cell: it must be an existential nothing else mentions.
        if !left.isCell {
          guard let last = existential(left.last), uses[last] == 2 else { continue }
          inner.append(last)
        }
        var rest = atoms
        rest.remove(at: max(i, j))
        rest.remove(at: min(i, j))
        guard isOutside(right.after, rest), left.before.constantValue == BigInteger(0) || isOutside(left.before, rest) else {
          continue
        }
        let folded = SpatialAtom.predicate(.dlseg, fields: Self.fields,
                                           arguments: [left.first, right.after, left.before, right.last])
        var result = heap
        result.spatial = rest + [folded]
        let gone = Set(inner)
        result.pure = heap.pure.filter { $0.variables.isDisjoint(with: gone) }
        result = result.closed
        return result
      }
    }
    return nil
  }

  /// A cell with both links, or a dlseg, read as a segment `(first, after, before, last)`.
  private func segment(_ atom: SpatialAtom) -> (first: Term, after: Term, before: Term, last: Term, isCell: Bool)? {
    switch atom {
    case .pointsTo(let address, let values):
      guard let next = values[Self.fields[0]], let back = values[Self.fields[1]] else { return nil }
      return (address, next, back, address, true)
    case .predicate(.dlseg, let fields, let arguments) where fields == Self.fields && arguments.count == 4:
      return (arguments[0], arguments[1], arguments[2], arguments[3], false)
    default:
      return nil
    }
  }
}
