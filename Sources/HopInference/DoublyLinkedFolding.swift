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
    for (i, first) in atoms.enumerated() {
      guard let left = segment(first) else { continue }
      guard let middle = SegmentJoin.existential(left.after) else { continue }
      for (j, second) in atoms.enumerated() where j != i {
        guard let right = segment(second), right.first == left.after, right.before == left.last,
              let inner = SegmentJoin.innerCells(middle: middle, rightIsCell: right.isCell, leftLast: left.last,
                                                 leftIsCell: left.isCell, uses: uses) else { continue }
        let rest = SegmentJoin.rest(atoms, without: i, j)
        guard isOutside(right.after, rest), left.before.constantValue == BigInteger(0) || isOutside(left.before, rest) else {
          continue
        }
        let folded = SpatialAtom.predicate(.dlseg, fields: Self.fields,
                                           arguments: [left.first, right.after, left.before, right.last])
        return SegmentJoin.joined(heap, rest: rest, folded: folded, inner: inner)
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
