import HopLogic

/// The abstraction applied to every state at the head of a loop whose
/// invariant is inferred: what makes the set of states finite, so that the
/// fixpoint is reached. It forgets (never adds), so each abstract state
/// describes at least the heaps of the state it came from:
///
/// - pure facts about a variable the loop assigns are forgotten, except the
///   equalities and disequalities between variables and constants (`x != NULL`,
///   `t == x`, a flag `done == 1` that tells the cases of a disjunction apart):
///   arithmetic on a counter changes on every iteration, such facts do not;
/// - facts that speak only of existentials no spatial atom mentions are dropped,
///   and so are disequalities with one;
/// - chains of cells are folded into segments and trees (`ShapeFolding`);
/// - existentials get canonical names (`CanonicalNames`).
public struct LoopAbstraction: Sendable {
  /// The program variables the loop may assign.
  public let assigned: Set<Variable>
  private let folding = ShapeFolding()

  public init(assigned: Set<Variable>) {
    self.assigned = assigned
  }

  public func abstract(_ heap: SymbolicHeap) -> SymbolicHeap {
    var heap = heap
    heap.pure = heap.pure.filter { fact in
      fact.variables.isDisjoint(with: assigned) || (fact.isInEqualityFragment && isEqualityOrDisequality(fact))
    }
    heap = folding.fold(heap)
    heap.pure = withoutIslands(heap)
    return CanonicalNames.canonical(heap.closed)
  }

  private func isEqualityOrDisequality(_ fact: PureAtom) -> Bool {
    switch fact {
    case .equal, .notEqual: true
    case .less, .lessEqual: false
    }
  }

  /// The pure facts without those whose variables are all existentials that no spatial atom mentions
  /// (they constrain nothing a program or a heap can observe), and without disequalities with such an
  /// existential (`e != _a`: some value differs from e, which says nothing).
  private func withoutIslands(_ heap: SymbolicHeap) -> [PureAtom] {
    let anchored = Set(heap.spatial.flatMap { $0.variables })
    let floating = { (variable: Variable) in variable.isExistential && !anchored.contains(variable) }
    return heap.pure.filter { fact in
      let variables = fact.variables
      if case .notEqual = fact, variables.contains(where: floating) { return false }
      return variables.isEmpty || variables.contains { !floating($0) }
    }
  }
}
