import HopSyntax

/// Why a contract is not leak-free: the first of the three sufficient
/// conditions that fails, with that condition's own witness.
public enum LeakFreedomFailure: Hashable, Sendable {
  case nondeterministic(NondeterminismWitness)
  case mixedChoice(MixedChoiceWitness)
  /// A final state that is not synchronizing (`others` more final states fail too).
  case nonSynchronizingFinalState(OneWayCycleWitness, others: Int)
}

extension ContractAutomaton {
  /// **Leak-free**: deterministic, of uniform choice, and every final state
  /// synchronizing (docs/language.md §2.6; a sufficient condition under which both
  /// ends in the same final state implies empty buffers, so `close` leaks
  /// no message). Returns nil when it holds, else the first failing condition
  /// in that order. Linear in the size of the contract.
  public func leakFreedomFailure() -> LeakFreedomFailure? {
    if let witness = nondeterminismWitness() { return .nondeterministic(witness) }
    if let witness = mixedChoiceWitness() { return .mixedChoice(witness) }
    let bad = nonSynchronizingFinalStates()
    if let first = bad.first, let cycle = oneWayCycle(through: first) {
      return .nonSynchronizingFinalState(cycle, others: bad.count - 1)
    }
    return nil
  }

  /// True when `leakFreedomFailure()` finds nothing.
  public var isLeakFree: Bool { leakFreedomFailure() == nil }
}
