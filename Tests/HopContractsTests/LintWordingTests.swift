import HopContracts
import HopTestSupport
import Testing

/// How lint and the transition table word counts: one noun per count
/// (`1 configuration`), long lists of final states cut short.
@Suite struct LintWordingTests {
  /// A chain of `count` final states, `s0 !m s1 ?m s2 !m ...`: every property holds, and it is
  /// cheap to lint (a fan of `!m` edges from one state would make the product exploration slow).
  static func manyFinalStates(_ count: Int) -> ContractAutomaton {
    ContractAutomaton(
      name: "Many", stateNames: (0..<count).map { "s\($0)" }, messageNames: ["m"], initialState: 0,
      isFinal: Array(repeating: true, count: count),
      edges: (1..<count).map { .init(source: $0 - 1, direction: $0 % 2 == 1 ? .send : .receive, message: 0, target: $0) })
  }

  static func synchronizingDetail(_ automaton: ContractAutomaton) -> String? {
    ContractLint(automaton, declaredMessages: ["m"]).rows.first { $0.key == "synchronizing" }?.detail
  }

  @Test func finalStatesAreListedUpToTheCap() {
    let names = (0..<ContractLint.listedFinalStates).map { "s\($0)" }.joined(separator: ", ")
    #expect(Self.synchronizingDetail(Self.manyFinalStates(ContractLint.listedFinalStates)) == "final states: " + names)
    #expect(Self.synchronizingDetail(Self.manyFinalStates(10_000)) == "final states: \(names) and 9,990 more")
  }

  @Test func oneConfigurationIsSingular() {
    let one = ContractAutomaton(name: "One", stateNames: ["s"], messageNames: [], initialState: 0, isFinal: [true],
                                edges: [])
    #expect(one.describe(.holds(.explored(configurations: 1))) == "the only reachable configuration of One ‖ ~One explored")
    #expect(one.describe(.holds(.explored(configurations: 6))) == "all 6 reachable configurations of One ‖ ~One explored")
    #expect(one.describe(.holds(.deterministicUniformChoice(configurations: 1)))
      == "implied by determinism + uniform choice (exploration bounded, 1 configuration)")
    let bounds = ExplorationBounds(maxBufferLength: 1, maxConfigurations: 100_000)
    #expect(one.describe(.unknown(bounds: bounds, configurations: 1))
      == "unknown within bound 1 (at most 1 message per buffer, 100,000 configurations; 1 explored)")
    #expect(one.transitionTable().hasPrefix("contract One: 1 state, 0 messages\n"))
    #expect(automaton(listTransfer).transitionTable().hasPrefix("contract C: 3 states, 3 messages\n"))
  }

  @Test func otherNonSynchronizingFinalStatesAreCountedWithTheRightNoun() {
    // Final states f0 → f1 → ..., each also on a loop of sends only: none is synchronizing.
    let loops = { (count: Int) in
      ContractAutomaton(name: "Loops", stateNames: (0..<count).map { "f\($0)" }, messageNames: ["m", "n"],
                        initialState: 0, isFinal: Array(repeating: true, count: count),
                        edges: (0..<count).flatMap { s in
                          [ContractAutomaton.Edge(source: s, direction: .send, message: 0, target: s)]
                            + (s + 1 < count ? [.init(source: s, direction: .send, message: 1, target: s + 1)] : [])
                        })
    }
    let two = ContractLint(loops(2), declaredMessages: ["m", "n"])
    #expect(two.leakFreedom.map(two.automaton.describe)?.hasSuffix(" (and 1 more final state)") == true)
    let three = ContractLint(loops(3), declaredMessages: ["m", "n"])
    #expect(three.leakFreedom.map(three.automaton.describe)?.hasSuffix(" (and 2 more final states)") == true)
  }
}
