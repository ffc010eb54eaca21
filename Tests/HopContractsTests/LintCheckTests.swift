import HopContracts
import HopSyntax
import HopTestSupport
import Testing

/// The lint warnings, each on a contract that triggers it and one that does not.
@Suite struct LintCheckTests {
  let clean = automaton(listTransfer)

  @Test func everyCheckIsQuietOnListTransfer() {
    for check in ContractCheck.allCases {
      #expect(check.run(on: clean, declaredMessages: ["cell", "ack", "fin"]).isEmpty, "\(check)")
    }
  }

  @Test func unreachableStatesAreNamed() {
    let c = automaton("contract U { initial state s { !a -> e; } final state e {} state lost { ?b -> e; } }")
    #expect(c.unreachableStates() == [c.state(named: "lost")!])
    let warnings = ContractCheck.unreachableStates.run(on: c, declaredMessages: ["a", "b"])
    #expect(warnings.map(\.code) == [.unreachableState])
    #expect(warnings.allSatisfy { $0.severity == .warning })
  }

  @Test func statesThatCannotReachAFinalStateAreNamed() {
    let c = automaton("""
      contract N { initial state s { !a -> e; !b -> loop; } final state e { !c -> sink; } state loop { ?a -> loop; }
        state sink {} state lost {} }
      """)
    // `lost` cannot reach a final state either, but it is unreachable (HH310's business).
    #expect(c.statesWithoutFinalState() == [c.state(named: "loop")!, c.state(named: "sink")!])
    #expect(c.finalStateDeadExits().map(c.describe) == ["e --!c--> sink"])
  }

  @Test func aFinalStateExitThatCanComeBackIsFine() {
    let c = automaton("contract F { initial final state s { !a -> t; } state t { ?b -> s; } }")
    #expect(c.finalStateDeadExits().isEmpty)
    #expect(c.statesWithoutFinalState().isEmpty)
  }

  @Test func undeclaredMessagesAreReportedAtTheirFirstUse() {
    let text = "contract M { initial state s { !a -> e; ?zz -> e; } final state e { ?zz -> e; } }"
    let c = automaton(text)
    #expect(c.undeclaredMessages(declared: ["a"]) == [c.message(named: "zz")!])
    let warning = ContractCheck.undeclaredMessages.run(on: c, declaredMessages: ["a"]).first
    #expect(warning?.code == .undeclaredMessage)
    #expect(warning.map { SourceFile(path: "t.hop", text: text).location(of: $0.range.start).description } == "1:42")
  }

  @Test func unusedMessagesAreFileLevelWarnings() {
    let (_, parsed) = parseText("message used\nmessage spare\ncontract C { initial final state s { !used -> s; } }")
    let contracts = FileContracts(parsed.program)
    #expect(contracts.unusedMessages.map(\.code) == [.unusedMessage])
    #expect(contracts.unusedMessages.first?.message.contains("'spare'") == true)
  }

  @Test func contractsOpenedInAFileThatClosesMustBeLeakFree() {
    let text = """
      message m
      contract Bad { initial final state s { !m -> s; } }
      contract Fine { initial state s { !m -> e; } final state e {} }
      main() { local e, f; (e, f) = open(Bad); close(e, f); }
      """
    let (_, parsed) = parseText(text)
    let contracts = FileContracts(parsed.program)
    #expect(contracts.contractsUsedByClose == ["Bad"])
    #expect(contracts.leakFreedomErrors.map(\.code) == [.notLeakFree])
    #expect(contracts.leakFreedomErrors.first?.severity == .error)

    let (_, withoutClose) = parseText(text.replacingOccurrences(of: " close(e, f);", with: ""))
    #expect(FileContracts(withoutClose.program).leakFreedomErrors.isEmpty)
  }
}
