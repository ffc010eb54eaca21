import DequeModule
import HopLogic

/// The right-hand side still to be proved: its remaining atoms and facts,
/// its (renamed) existentials and the instantiation found so far.
struct Goal {
  /// A deque: matching removes atoms near the front one by one, which an array would shift each time.
  var atoms: Deque<SpatialAtom>
  var facts: [PureAtom]
  var existentials: Set<Variable>
  var bindings: [Variable: Term] = [:]

  /// `term` with the bindings applied (existentials may be bound to terms with existentials).
  func resolved(_ term: Term) -> Term {
    var current = term
    for _ in 0...bindings.count {
      let next = current.substituting(bindings)
      if next == current { break }
      current = next
    }
    return current
  }

  /// The existentials of `term` that are not bound yet.
  func unbound(in term: Term) -> Set<Variable> {
    resolved(term).variables.filter { existentials.contains($0) && bindings[$0] == nil }
  }

  func isBound(_ term: Term) -> Bool { unbound(in: term).isEmpty }

  /// The single unbound existential `term` is, if it is one.
  func unboundVariable(_ term: Term) -> Variable? {
    if case .variable(let variable) = resolved(term), existentials.contains(variable), bindings[variable] == nil {
      return variable
    }
    return nil
  }
}
