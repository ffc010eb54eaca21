import HopSyntax

extension ContractAutomaton {
  /// A transition table for a terminal: one row per state, the initial state
  /// marked `▶`, final states `◎`, each edge written `!m → s`.
  ///
  ///     contract C: 3 states, 3 messages
  ///        state     transitions
  ///     ▶  transfer  !cell → wait   !fin → end
  ///        wait      ?ack → transfer
  ///      ◎ end       (none)
  public func transitionTable() -> String {
    let width = max(5, stateNames.map(\.count).max() ?? 0)
    func pad(_ text: String) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    var text = "contract \(displayName): \(CountWording.counted(stateCount, "state")), "
      + "\(CountWording.counted(messageCount, "message"))\n"
    text += "    \(pad("state"))  transitions\n"
    for state in 0..<stateCount {
      let marks = (state == initialState ? "▶" : " ") + (isFinal[state] ? "◎" : " ")
      let out = outgoing(state).map { "\(label($0)) → \(stateNames[$0.target])" }
      let transitions = out.isEmpty ? "(none)" : out.joined(separator: "   ")
      text += "\(marks)  \(pad(stateNames[state]))  \(transitions)\n"
    }
    text += "▶ initial   ◎ final   !m send   ?m receive\n"
    return text
  }
}
