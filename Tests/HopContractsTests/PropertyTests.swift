import HopContracts
import HopSyntax
import Testing

/// Determinism, uniform choice, synchronizing states and leak-freedom: each
/// with a contract where it holds and one where it fails, checking the witness.
@Suite struct PropertyTests {
  // MARK: Deterministic
  @Test func listTransferIsDeterministic() {
    #expect(automaton(listTransfer).nondeterminismWitness() == nil)
  }

  @Test func nondeterminismWitnessIsTheStateAndItsTwoEdges() {
    let text = """
      contract N {
        initial state s { ?go -> a; !m -> a; !m -> b; }
        final state a {}
        final state b { !m -> b; ?m -> a; }
      }
      """
    let c = automaton(text)
    let witness = c.nondeterminismWitness()
    #expect(witness?.state == c.state(named: "s"))
    #expect(witness.map { edgeText($0.first, in: text) } == "!m -> a;")
    #expect(witness.map { edgeText($0.second, in: text) } == "!m -> b;")
    #expect(!c.isDeterministic)
  }

  @Test func sameMessageInOppositeDirectionsIsDeterministic() {
    #expect(automaton("contract D { initial final state s { !m -> s; ?m -> s; } }").nondeterminismWitness() == nil)
  }

  // MARK: Uniform choice
  @Test func listTransferHasUniformChoice() {
    #expect(automaton(listTransfer).mixedChoiceWitness() == nil)
  }

  @Test func mixedChoiceWitnessIsTheStateWithOneEdgeOfEachKind() {
    let text = "contract M { initial state s { !a -> t; ?b -> t; !c -> t; } final state t { ?d -> t; } }"
    let c = automaton(text)
    let witness = c.mixedChoiceWitness()
    #expect(witness?.state == c.state(named: "s"))
    #expect(witness.map { edgeText($0.send, in: text) } == "!a -> t;")
    #expect(witness.map { edgeText($0.receive, in: text) } == "?b -> t;")
    #expect(!c.hasUniformChoice)
  }

  // MARK: Synchronizing
  @Test func aStateOnlyOnMixedCyclesIsSynchronizing() {
    let c = automaton(listTransfer)
    #expect(c.oneWayCycle(through: 0) == nil)
    #expect(c.oneWayCycle(through: 1) == nil)
    #expect(c.oneWayCycle(through: 2) == nil)
    #expect(c.nonSynchronizingStates() == [false, false, false])
  }

  @Test func oneWayCycleWitnessIsAShortestAllSendCycle() {
    let text = """
      contract S {
        initial state s { !a -> t; }
        final state t { !b -> u; ?c -> s; }
        state u { !b -> t; }
      }
      """
    let c = automaton(text)
    let t = c.state(named: "t")!
    let witness = c.oneWayCycle(through: t)
    #expect(witness?.direction == .send)
    #expect(witness.map { c.names($0.cycle) } == ["t --!b--> u", "u --!b--> t"])
    #expect(c.nonSynchronizingFinalStates() == [t])
    // s is on the cycle s -!a-> t -?c-> s only, which has both directions.
    #expect(c.oneWayCycle(through: c.state(named: "s")!) == nil)
    #expect(c.nonSynchronizingStates() == [false, true, true])
  }

  @Test func receiveSelfLoopIsAOneWayCycle() {
    let c = automaton("contract R { initial final state s { ?m -> s; } }")
    let witness = c.oneWayCycle(through: 0)
    #expect(witness?.direction == .receive)
    #expect(witness.map { c.names($0.cycle) } == ["s --?m--> s"])
  }

  @Test func linearSccComputationAgreesWithPerStateSearch() {
    let text = """
      contract G {
        initial state a { !x -> b; ?y -> d; }
        state b { !x -> c; }
        state c { !x -> a; ?y -> e; }
        state d { ?y -> e; }
        final state e { ?y -> d; !x -> e; }
      }
      """
    let c = automaton(text)
    let perState = (0..<c.stateCount).map { c.oneWayCycle(through: $0) != nil }
    #expect(c.nonSynchronizingStates() == perState)
    #expect(perState == [true, true, true, true, true])
  }

  // MARK: Leak-free
  @Test func listTransferIsLeakFree() {
    #expect(automaton(listTransfer).leakFreedomFailure() == nil)
  }

  @Test func leakFreedomNamesTheFirstFailingCondition() {
    let nondeterministic = automaton("contract A { initial state s { !m -> t; !m -> s; } final state t {} }")
    guard case .nondeterministic(let w) = nondeterministic.leakFreedomFailure() else {
      Issue.record("expected nondeterminism"); return
    }
    #expect(w.state == 0)

    let mixed = automaton("contract B { initial state s { !m -> t; ?n -> t; } final state t {} }")
    guard case .mixedChoice(let m) = mixed.leakFreedomFailure() else { Issue.record("expected mixed choice"); return }
    #expect(mixed.describe(m.send) == "s --!m--> t")

    let cycling = automaton("""
      contract F { initial state s { !m -> t; } final state t { !m -> t; } final state u { ?m -> u; } }
      """)
    guard case .nonSynchronizingFinalState(let cycle, let others) = cycling.leakFreedomFailure() else {
      Issue.record("expected a non-synchronizing final state"); return
    }
    #expect(cycling.names(cycle.cycle) == ["t --!m--> t"])
    #expect(others == 1)
  }
}
