import HopLogic
import HopProver
import HopSyntax

/// HH117: in a sync procedure, `/` and `%` by zero is an error, as in C (and
/// as HH211 in async procedures). Every division of a command's expressions
/// is an obligation that its divisor is not zero in every case of the state
/// where it is evaluated (`&&`, `||` and `==>` guard their right side).
extension SymbolicExecutor {
  /// Fails with HH117 when a divisor in `expressions` may be zero in some case of `states`.
  func requireNonZeroDivisors(_ expressions: [Expression], in states: [SymbolicHeap],
                              at range: SourceRange) throws(ProofStop) {
    for expression in expressions {
      for obligation in Conditions.divisors(in: expression) {
        for state in states {
          for guardCase in obligation.guardCases {
            try requireNonZero(obligation, guardCase, in: state, at: range)
          }
        }
      }
    }
  }

  private func requireNonZero(_ obligation: DivisorObligation, _ guardCase: [PureAtom], in state: SymbolicHeap,
                              at range: SourceRange) throws(ProofStop) {
    let divisor = obligation.divisor
    let zero = state.assuming(guardCase + (divisor.map { [.equal($0, .int(0))] } ?? [])).closed
    switch divisor == nil ? .satisfiable : prover.satisfiability(zero) {
    case .unsatisfiable:
      return
    case .unknown:
      throw .undecided(CheckerDiagnostics.undecided("whether the divisor can be 0", reason: "the solver gave up",
                                                     range: range))
    case .satisfiable:
      throw .failed(CheckerDiagnostics.divisionByZero(obligation.expression, range: range,
                                                      state: StateDisplay.notes([zero], title: "in this case of the state")))
    }
  }
}
