import HopSyntax

extension ContractAutomaton {
  /// `HH310` — **unreachable state**: no path from the initial state leads to
  /// it, so no endpoint can ever be in it. Usually a missing transition or a
  /// leftover state. One warning per state, at its name.
  public func unreachableStates() -> [Int] {
    let reached = reachable(from: [initialState])
    return (0..<stateCount).filter { !reached[$0] }
  }

  func unreachableStateWarnings() -> [Diagnostic] {
    unreachableStates().map { .unreachableState(self, $0) }
  }
}
