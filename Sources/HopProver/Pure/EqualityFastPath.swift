import HopLogic

/// Decides satisfiability of conjunctions of equalities and disequalities
/// between variables and constants, without Z3. For anything else it
/// answers nil, and the caller asks Z3.
public struct EqualityFastPath: PureSolver {
  public init() {}

  public func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    guard facts.allSatisfy(\.isInEqualityFragment) else { return nil }
    var closure = EqualityClosure()
    // Equalities first, so a disequality inside a class is seen whatever the order.
    for case .equal(let a, let b) in facts { closure.assertEqual(a, b) }
    for case .notEqual(let a, let b) in facts { closure.assertDistinct(a, b) }
    return closure.isContradictory ? .unsatisfiable : .satisfiable
  }
}
