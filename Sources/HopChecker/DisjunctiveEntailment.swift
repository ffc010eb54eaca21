import HopLogic
import HopProver

/// `S ⊢ T1 ∨ ... ∨ Tn * ?F`, the question behind every cut point of a proof
/// (call, loop, resource, procedure exit) whose formula is a disjunction
/// (an `if` formula, or several cases). One disjunct may not cover every
/// case of S by itself: then S is split on a pure fact of a disjunct that S
/// does not decide, and each half must prove some disjunct. The halves are
/// exhaustive, so a proof is a proof of S.
struct DisjunctiveEntailment {
  enum Answer {
    case proved([Frame])
    case failed(EntailmentFailure)
    case unknown(String)
  }

  let prover: Prover
  /// Precise: nothing of S may be left over (procedure exit, loop body end).
  let precise: Bool
  /// How many pure facts may be split on before giving up the search for a cover
  /// (giving up is undecided: a split not made might have found one).
  var splitBudget = 64

  func prove(_ state: SymbolicHeap, _ targets: [SymbolicHeap]) -> Answer {
    let candidates = Array(Set(targets.flatMap { target in
      target.pure.filter { fact in !fact.variables.contains(where: \.isExistential) }
    })).sorted { $0.description < $1.description }
    var budget = splitBudget
    return search(state.closed, targets.map(\.closed), candidates[...], &budget)
  }

  private func search(_ state: SymbolicHeap, _ targets: [SymbolicHeap], _ candidates: ArraySlice<PureAtom>,
                      _ budget: inout Int) -> Answer {
    var firstFailure: EntailmentFailure?
    var unknown: String?
    for target in targets {
      switch precise ? prover.entails(state, target) : prover.entailment(state, target) {
      case .proved(let frames): return .proved(frames)
      case .failed(let failure): if firstFailure == nil { firstFailure = failure }
      case .unknown(let reason): if unknown == nil { unknown = reason }
      }
    }
    var remaining = candidates
    while let fact = remaining.popFirst() {
      let yes = state.assuming([fact]), no = state.assuming([fact.negated])
      guard prover.satisfiability(yes) != .unsatisfiable, prover.satisfiability(no) != .unsatisfiable else { continue }
      // A split that might still prove it, and none left to make: undecided, never a failure.
      guard budget > 0 else { return .unknown(unknown ?? "the limit of \(splitBudget) case splits was reached") }
      budget -= 1
      let whenTrue = search(yes, targets, remaining, &budget)
      guard case .proved(let first) = whenTrue else { return whenTrue }
      let whenFalse = search(no, targets, remaining, &budget)
      guard case .proved(let second) = whenFalse else { return whenFalse }
      return .proved(first + second)
    }
    if let unknown { return .unknown(unknown) }
    if let firstFailure { return .failed(firstFailure) }
    // No disjunct at all (`false`): only an inconsistent state entails it.
    if prover.satisfiability(state) == .unsatisfiable { return .proved([]) }
    return .failed(EntailmentFailure(reason: "the formula is false", missingAtom: nil, missingFact: nil, state: state))
  }
}
