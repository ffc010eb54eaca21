import HopContracts
import HopSyntax
import Testing

/// Exploration of C ‖ ~C: half-duplex and progress, with their witness paths,
/// and the honest "unknown" when the bound is hit.
@Suite struct ProductTests {
  @Test func listTransferIsHalfDuplexAndProgressesByCompleteExploration() {
    let c = automaton(listTransfer)
    let exploration = c.exploreProduct()
    #expect(exploration.isComplete)
    // (transfer,transfer) → (wait,transfer)[cell|] → (wait,wait) → (wait,transfer)[|ack] → back,
    // and (transfer,transfer) → (end,transfer)[fin|] → (end,end).
    #expect(exploration.configurationCount == 6)
    #expect(c.halfDuplexVerdict(exploration) == .holds(.explored(configurations: 6)))
    #expect(c.progressVerdict(exploration) == .holds(.explored(configurations: 6)))
  }

  @Test func mixedChoiceLetsBothSidesSendAtOnce() {
    let c = automaton("contract M { initial state s { !a -> t; ?b -> t; } final state t {} }")
    guard case .fails(let trace) = c.halfDuplexVerdict(c.exploreProduct()) else {
      Issue.record("expected a half-duplex violation"); return
    }
    #expect(c.names(trace) == ["M: !a", "~M: !b"])
    #expect(trace.configuration == ProductConfiguration(endpointState: 1, peerState: 1, towardPeer: [0],
                                                       towardEndpoint: [1]))
  }

  @Test func nondeterministicButHalfDuplexIsProvedOnlyByExploration() {
    let c = automaton("""
      contract H { initial state s { !a -> l; !a -> r; } state l { ?b -> e; } state r { ?b -> e; } final state e {} }
      """)
    #expect(!c.isDeterministic)
    let exploration = c.exploreProduct()
    #expect(exploration.isComplete)
    #expect(c.halfDuplexVerdict(exploration) == .holds(.explored(configurations: exploration.configurationCount)))
    #expect(c.progressVerdict(exploration).holds)
  }

  @Test func unboundedNonUniformContractIsUnknownNotGuessed() {
    // Half-duplex in truth (the peer never sends), but neither the finite
    // exploration nor determinism + uniform choice can show it.
    let c = automaton("contract U { initial state s { !a -> s; !a -> t; } final state t {} }")
    #expect(!c.isDeterministic)
    let bounds = ExplorationBounds(maxBufferLength: 3, maxConfigurations: 1_000)
    let exploration = c.exploreProduct(bounds: bounds)
    #expect(!exploration.isComplete)
    #expect(exploration.bothDirectionsPending == nil)
    #expect(c.halfDuplexVerdict(exploration) == .unknown(bounds: bounds, configurations: exploration.configurationCount))
  }

  @Test func deterministicUniformContractIsHalfDuplexByTheoremWhenBounded() {
    let c = automaton("contract P { initial final state s { !a -> s; } }")
    let bounds = ExplorationBounds(maxBufferLength: 4)
    let exploration = c.exploreProduct(bounds: bounds)
    #expect(!exploration.isComplete)
    #expect(c.halfDuplexVerdict(exploration) == .holds(.deterministicUniformChoice(configurations: 5)))
    #expect(c.progressVerdict(exploration) == .unknown(bounds: bounds, configurations: 5))
  }

  @Test func deadlockWitnessIsAShortestPathToAStuckConfiguration() {
    let c = automaton("""
      contract D { initial state s { !a -> l; !a -> r; } state l { ?b -> e; } state r { ?c -> e; } final state e {} }
      """)
    let exploration = c.exploreProduct()
    guard case .fails(let trace) = c.progressVerdict(exploration) else { Issue.record("expected a deadlock"); return }
    // The endpoint went to l (waits ?b), the peer to r (sends c): c is never received.
    #expect(c.names(trace) == ["D: !a", "~D: ?a", "~D: !c"])
    #expect(trace.configuration.endpointState == c.state(named: "l"))
    #expect(trace.configuration.towardEndpoint == [c.message(named: "c")!])
    #expect(c.halfDuplexVerdict(exploration).holds)
  }

  @Test func endingInDifferentFinalStatesIsADeadlock() {
    let c = automaton("contract E { initial state s { !a -> x; !a -> y; } final state x {} final state y {} }")
    guard case .fails(let trace) = c.progressVerdict(c.exploreProduct()) else { Issue.record("expected deadlock"); return }
    #expect(trace.configuration.endpointState != trace.configuration.peerState)
  }

  @Test func bothInTheSameFinalStateWithEmptyBuffersIsNotADeadlock() {
    let c = automaton("contract F { initial state s { !a -> e; } final state e {} }")
    #expect(c.progressVerdict(c.exploreProduct()) == .holds(.explored(configurations: 3)))
  }
}
