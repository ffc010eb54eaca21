import HopLogic

/// The step that doubly linked and xor-linked folding share when a piece of a
/// segment (a cell or a segment) is joined to the piece after it: which
/// addresses become inner cells of the new segment, and the heap once the two
/// pieces are replaced. Each fold is a weakening only because an inner cell is
/// an existential that nothing but the two pieces mentions.
enum SegmentJoin {
  /// The existential a term is, if it is one.
  static func existential(_ term: Term) -> Variable? {
    if case .variable(let v) = term, v.isExistential { v } else { nil }
  }

  /// The addresses that become inner cells when the left piece (whose last cell is `leftLast`)
  /// is joined through `middle` to the right piece, or nil when one of them is seen elsewhere
  /// (`uses`: how often each existential occurs; 2 is the two pieces' own occurrences).
  /// `middle` stays only as the new last cell (a cell on the right); the left piece's last cell,
  /// unless that piece is one cell, becomes an inner cell.
  static func innerCells(middle: Variable, rightIsCell: Bool, leftLast: Term, leftIsCell: Bool,
                         uses: [Variable: Int]) -> [Variable]? {
    var inner: [Variable] = []
    if !rightIsCell {
      guard uses[middle] == 2 else { return nil }
      inner.append(middle)
    }
    if !leftIsCell {
      guard let last = existential(leftLast), uses[last] == 2 else { return nil }
      inner.append(last)
    }
    return inner
  }

  /// `atoms` without the two joined pieces (at `i` and `j`).
  static func rest(_ atoms: [SpatialAtom], without i: Int, _ j: Int) -> [SpatialAtom] {
    var rest = atoms
    rest.remove(at: max(i, j))
    rest.remove(at: min(i, j))
    return rest
  }

  /// `heap` with `rest` and the folded segment as its spatial part, and without the facts
  /// about the inner cells.
  static func joined(_ heap: SymbolicHeap, rest: [SpatialAtom], folded: SpatialAtom, inner: [Variable]) -> SymbolicHeap {
    var result = heap
    result.spatial = rest + [folded]
    let gone = Set(inner)
    result.pure = heap.pure.filter { $0.variables.isDisjoint(with: gone) }
    return result.closed
  }
}
