import HopSyntax

/// One-line, human-readable descriptions of witnesses, shared by the lint
/// table, the JSON output and the `HH320` note, so each is worded once.
extension ContractAutomaton {
  public func describe(_ witness: NondeterminismWitness) -> String {
    "state '\(stateNames[witness.state])' has two '\(label(witness.first))' edges: "
      + "\(describe(witness.first)) and \(describe(witness.second))"
  }

  public func describe(_ witness: MixedChoiceWitness) -> String {
    "state '\(stateNames[witness.state])' both sends and receives: "
      + "\(describe(witness.send)) and \(describe(witness.receive))"
  }

  public func describe(_ witness: OneWayCycleWitness) -> String {
    let kind = witness.direction == .send ? "sends" : "receives"
    return "state '\(stateNames[witness.state])' is on a cycle of \(kind) only: "
      + witness.cycle.map(describe).joined(separator: ", ")
  }

  public func describe(_ failure: LeakFreedomFailure) -> String {
    switch failure {
    case .nondeterministic(let witness): "not deterministic: " + describe(witness)
    case .mixedChoice(let witness): "not of uniform choice: " + describe(witness)
    case .nonSynchronizingFinalState(let witness, let others):
      "final " + describe(witness)
        + (others > 0 ? " (and \(CountWording.counted(others, "more final state")))" : "")
    }
  }

  public func describe(_ verdict: ExplorationVerdict) -> String {
    switch verdict {
    case .holds(.explored(let count)):
      (count == 1 ? "the only reachable configuration" : "all \(CountWording.counted(count, "reachable configuration"))")
        + " of \(displayName) ‖ \(dual().displayName) explored"
    case .holds(.deterministicUniformChoice(let count)):
      "implied by determinism + uniform choice (exploration bounded, \(CountWording.counted(count, "configuration")))"
    case .fails(let trace):
      "\(describe(trace)) reaches \(describe(trace.configuration))"
    case .unknown(let bounds, let count):
      "unknown within bound \(bounds.maxBufferLength) (at most \(CountWording.counted(bounds.maxBufferLength, "message")) "
        + "per buffer, \(CountWording.counted(bounds.maxConfigurations, "configuration")); "
        + "\(CountWording.grouped(count)) explored)"
    }
  }
}

extension ContractLint {
  /// Why the contract is or is not leak-free, in one line.
  public var leakFreedomSummary: String {
    leakFreedom.map(automaton.describe) ?? "deterministic, uniform choice, every final state synchronizing"
  }
}
