import HopLogic

/// The answer to "is this set of pure facts satisfiable?". `unknown` is what
/// a solver says when it gives up (timeout, undecidable fragment); callers must
/// never read it as either of the others.
public enum Satisfiability: String, Hashable, Sendable {
  case satisfiable, unsatisfiable, unknown
}

/// The answer to "do these facts entail that one?".
public enum PureVerdict: String, Hashable, Sendable {
  case proved, notProved, unknown
}

/// Decides questions about pure facts (equalities, disequalities, arithmetic).
/// The prover asks through this protocol so that the fast path and Z3 are
/// interchangeable and can be checked against each other.
public protocol PureSolver: Sendable {
  /// Whether the conjunction of `facts` has a model; nil when this solver does not handle these facts.
  func satisfiability(of facts: [PureAtom]) -> Satisfiability?
}

extension PureSolver {
  /// Whether `facts` entail `goal` (unsatisfiability of `facts ∧ ¬goal`); nil when not handled.
  public func verdict(_ facts: [PureAtom], entail goal: PureAtom) -> PureVerdict? {
    switch satisfiability(of: facts + [goal.negated]) {
    case .unsatisfiable: .proved
    case .satisfiable: .notProved
    case .unknown: .unknown
    case nil: nil
    }
  }
}
