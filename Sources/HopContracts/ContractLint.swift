import HopSyntax

/// Every property and lint warning of one contract: what `hophop lint`
/// prints as one table.
public struct ContractLint: Sendable {
  public var automaton: ContractAutomaton
  public var nondeterminism: NondeterminismWitness?
  public var mixedChoice: MixedChoiceWitness?
  /// The final states that are not synchronizing, in index order.
  public var nonSynchronizingFinalStates: [Int]
  /// A one-way cycle through the first of them.
  public var oneWayCycle: OneWayCycleWitness?
  public var leakFreedom: LeakFreedomFailure?
  public var exploration: ProductExploration
  public var halfDuplex: ExplorationVerdict
  public var progress: ExplorationVerdict
  /// The warnings of every `ContractCheck`, sorted by position.
  public var warnings: [Diagnostic]

  /// Runs every property and check on `automaton`.
  public init(_ automaton: ContractAutomaton, declaredMessages: Set<String>, bounds: ExplorationBounds = .standard) {
    self.automaton = automaton
    nondeterminism = automaton.nondeterminismWitness()
    mixedChoice = automaton.mixedChoiceWitness()
    nonSynchronizingFinalStates = automaton.nonSynchronizingFinalStates()
    oneWayCycle = nonSynchronizingFinalStates.first.flatMap { automaton.oneWayCycle(through: $0) }
    leakFreedom = automaton.leakFreedomFailure()
    exploration = automaton.exploreProduct(bounds: bounds)
    halfDuplex = automaton.halfDuplexVerdict(exploration)
    progress = automaton.progressVerdict(exploration)
    warnings = ContractCheck.allCases.flatMap { $0.run(on: automaton, declaredMessages: declaredMessages) }
      .sortedBySource()
  }

  public var isLeakFree: Bool { leakFreedom == nil }
}
