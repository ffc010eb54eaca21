import HopSyntax

extension ContractAutomaton {
  /// `HH314` — **dead exit from a final state**: a transition leaving a final
  /// state to a state from which no final state is reachable. The channel
  /// could have been closed before it; once the transition is taken it never
  /// can be. One warning per such transition, at the transition (reported even
  /// when the final state itself is unreachable, since the transition is still wrong).
  public func finalStateDeadExits() -> [Edge] {
    let closable = canReach(finalStates)
    return finalStates.flatMap { state in outgoing(state).filter { !closable[$0.target] } }
  }

  func finalStateDeadExitWarnings() -> [Diagnostic] {
    finalStateDeadExits().map { .finalStateDeadExit(self, $0) }
  }
}
