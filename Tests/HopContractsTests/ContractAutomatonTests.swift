import HopContracts
import HopSyntax
import HopTestSupport
import Testing

/// Construction of the automaton from the AST: indices, successor, dual, and
/// the diagnostics of malformed declarations.
@Suite struct ContractAutomatonTests {
  @Test func compilesStatesMessagesAndEdgesToDenseIndices() {
    let c = automaton(listTransfer)
    #expect(c.name == "C")
    #expect(c.stateNames == ["transfer", "wait", "end"])
    #expect(c.messageNames == ["cell", "fin", "ack"])
    #expect(c.initialState == 0)
    #expect(c.finalStates == [2])
    #expect(c.edges.count == 3)
    #expect(c.outgoing(0).map(c.describe) == ["transfer --!cell--> wait", "transfer --!fin--> end"])
    #expect(edgeText(c.outgoing(1).first!, in: listTransfer) == "?ack -> transfer;")
  }

  @Test func successorFollowsOnlyExistingTransitions() {
    let c = automaton(listTransfer)
    #expect(c.successor(0, .send, c.message(named: "cell")!) == 1)
    #expect(c.successor(0, .receive, c.message(named: "cell")!) == nil)
    #expect(c.successor(1, .receive, c.message(named: "ack")!) == 0)
    #expect(c.successor(2, .send, c.message(named: "fin")!) == nil)
  }

  @Test func dualSwapsDirectionsAndNothingElse() {
    let c = automaton(listTransfer)
    let d = c.dual()
    #expect(d.displayName == "~C")
    #expect(d.stateNames == c.stateNames && d.initialState == c.initialState && d.isFinal == c.isFinal)
    #expect(d.outgoing(0).map(d.label) == ["?cell", "?fin"])
    #expect(d.successor(1, .send, c.message(named: "ack")!) == 0)
    #expect(d.dual() == c)
  }

  @Test func edgesAreGroupedBySourceWhateverTheirOrder() {
    let edges = [ContractAutomaton.Edge(source: 1, direction: .receive, message: 0, target: 0),
                 ContractAutomaton.Edge(source: 0, direction: .send, message: 0, target: 1)]
    let c = ContractAutomaton(name: "P", stateNames: ["a", "b"], messageNames: ["m"], initialState: 0,
                              isFinal: [true, false], edges: edges)
    #expect(c.outgoing(0).map(c.describe) == ["a --!m--> b"])
    #expect(c.outgoing(1).map(c.describe) == ["b --?m--> a"])
  }

  @Test func twoInitialStatesAreAnErrorAtTheSecond() {
    let text = "contract D { initial state a { } initial state b { } }"
    let result = compileFirst(text)
    #expect(result.automaton == nil)
    #expect(result.diagnostics.map(\.code) == [.multipleInitialStates])
    let file = SourceFile(path: "t.hop", text: text)
    #expect(file.text(of: result.diagnostics[0].range) == "b")
    #expect(result.diagnostics[0].notes.first?.range.map(file.text) == "a")
  }

  @Test func anEdgeToAnUnknownStateIsAnErrorAtTheTarget() {
    let text = "message m\ncontract D { initial state a { !m -> nowhere; } }"
    let result = compileFirst(text)
    #expect(result.automaton == nil)
    #expect(result.diagnostics.map(\.code) == [.unknownTargetState])
    #expect(SourceFile(path: "t.hop", text: text).location(of: result.diagnostics[0].range.start).description == "2:38")
  }

  @Test func anEmptyContractIsAnError() {
    let result = compileFirst("contract D { }")
    #expect(result.automaton == nil)
    #expect(result.diagnostics.map(\.code) == [.emptyContract])
    #expect(result.diagnostics[0].range == SourceRange(start: 0, end: 14))
  }

  @Test func aContractWithoutInitialStateIsAnError() {
    let result = compileFirst("contract D { final state a { } }")
    #expect(result.diagnostics.map(\.code) == [.missingInitialState])
  }

  @Test func duplicateStatesAreReportedAndEveryProblemIsListed() {
    let text = "message m\ncontract D { initial state a { !m -> x; } state a { } initial state b { } }"
    let result = compileFirst(text)
    #expect(result.automaton == nil)
    #expect(result.diagnostics.map(\.code) == [.unknownTargetState, .duplicateState, .multipleInitialStates])
    #expect(result.diagnostics.allSatisfy { $0.severity == .error })
  }
}
