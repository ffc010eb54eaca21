import HopContracts
import Testing

/// A contract's transition table and DOT text.
@Suite struct ContractRenderingTests {
  @Test func transitionTableMarksInitialAndFinalStates() {
    #expect(automaton(listTransfer).transitionTable() == """
      contract C: 3 states, 3 messages
          state     transitions
      ▶   transfer  !cell → wait   !fin → end
          wait      ?ack → transfer
       ◎  end       (none)
      ▶ initial   ◎ final   !m send   ?m receive

      """)
  }

  @Test func dotMarksInitialFinalAndDirections() {
    let dot = automaton(listTransfer).dot()
    #expect(dot.hasPrefix("digraph \"C\" {"))
    #expect(dot.contains("\"#initial\" -> \"transfer\";"))
    #expect(dot.contains("\"end\" [shape=doublecircle];"))
    #expect(dot.contains("\"wait\" [shape=circle];"))
    #expect(dot.contains("\"transfer\" -> \"wait\" [label=\"!cell\", color=blue"))
    #expect(dot.contains("\"wait\" -> \"transfer\" [label=\"?ack\", color=darkgreen, fontcolor=darkgreen, style=dashed]"))
  }
}
