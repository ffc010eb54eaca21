import HopLogic

/// Decides, without Z3, the conjunctions of equalities and disequalities whose terms are
/// variables, constants and `^` chains: what xor-linked lists (`xlseg`, Smallfoot's
/// `xdeq.sf`) ask of the pure solver. Starting Z3 for them cost more than the whole proof.
///
/// It answers exactly what Z3 answers for these facts. The prover gives Z3 `^` as an
/// uninterpreted function (`SMTContext.xor`: no commutativity, no cancellation; the
/// consequences of C's xor that the prover uses are drawn before it asks, by
/// `XorElimination`), and for equalities and disequalities over an uninterpreted function
/// and distinct integer constants, congruence closure is a decision procedure: the facts
/// are satisfiable exactly when closing the equalities under "equal arguments give equal
/// applications" contradicts no disequality and merges no two constants.
public struct XorCongruence: PureSolver {
  public init() {}

  public func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    var applications: [(whole: Term, left: Term, right: Term)] = []
    var seen = Set<Term>()
    for fact in facts {
      switch fact {
      case .equal, .notEqual: guard Self.collect(fact.terms, into: &applications, seen: &seen) else { return nil }
      case .less, .lessEqual: return nil
      }
    }
    guard !applications.isEmpty else { return nil }  // the equality fast path's fragment
    var closure = EqualityClosure()
    for case .equal(let a, let b) in facts { closure.assertEqual(a, b) }
    // Congruence: apply "equal arguments, equal applications" until nothing new is merged.
    var merged = true
    while merged && !closure.isContradictory {
      merged = false
      var byArguments: [[Term]: Term] = [:]
      for application in applications {
        let key = [closure.representative(application.left), closure.representative(application.right)]
        if let other = byArguments[key] {
          if !closure.areEqual(other, application.whole) {
            closure.assertEqual(other, application.whole)
            merged = true
          }
        } else {
          byArguments[key] = application.whole
        }
      }
    }
    for case .notEqual(let a, let b) in facts { closure.assertDistinct(a, b) }
    return closure.isContradictory ? .unsatisfiable : .satisfiable
  }

  /// Records the `^` applications inside `terms` (with a stack: a chain may be long); false
  /// when a term is outside the fragment.
  private static func collect(_ terms: [Term], into applications: inout [(whole: Term, left: Term, right: Term)],
                              seen: inout Set<Term>) -> Bool {
    var stack = terms
    while let term = stack.popLast() {
      if term.isAtomic { continue }
      guard case .binary(.xor, let left, let right) = term else { return false }
      if seen.insert(term).inserted {
        applications.append((term, left, right))
        stack += [left, right]
      }
    }
    return true
  }
}
