import HopSyntax

extension ContractAutomaton {
  /// `HH311` — **no final state reachable**: a reachable state from which no
  /// path leads to a final state, so a channel that gets there can never be
  /// closed. Unreachable states are left to `HH310` and not reported again.
  public func statesWithoutFinalState() -> [Int] {
    let reached = reachable(from: [initialState])
    let closable = canReach(finalStates)
    return (0..<stateCount).filter { reached[$0] && !closable[$0] }
  }

  func noFinalStateReachableWarnings() -> [Diagnostic] {
    statesWithoutFinalState().map { .noFinalStateReachable(self, $0) }
  }
}
