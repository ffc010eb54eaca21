import HopSyntax

extension ContractAutomaton {
  /// The automaton as a Graphviz `digraph`: an arrow from a point marks the
  /// initial state, final states are double circles, sends are solid blue
  /// edges labelled `!m` and receives dashed green edges labelled `?m`.
  /// Output is deterministic (states and edges in index order).
  public func dot() -> String {
    var text = "digraph \(quoted(displayName)) {\n"
    text += "  rankdir=LR;\n"
    text += "  label=\(quoted("contract " + displayName)); labelloc=t;\n"
    text += "  node [shape=circle, fontname=\"Helvetica\"];\n"
    text += "  edge [fontname=\"Helvetica\"];\n"
    text += "  \"__initial\" [shape=point, width=0.1, label=\"\"];\n"
    for state in 0..<stateCount {
      let shape = isFinal[state] ? "doublecircle" : "circle"
      text += "  \(quoted(stateNames[state])) [shape=\(shape)];\n"
    }
    text += "  \"__initial\" -> \(quoted(stateNames[initialState]));\n"
    for edge in edges {
      let style = edge.direction == .send ? "color=blue, fontcolor=blue, style=solid"
        : "color=darkgreen, fontcolor=darkgreen, style=dashed"
      text += "  \(quoted(stateNames[edge.source])) -> \(quoted(stateNames[edge.target])) "
        + "[label=\(quoted(label(edge))), \(style)];\n"
    }
    text += "}\n"
    return text
  }

  private func quoted(_ text: String) -> String {
    var result = "\""
    for character in text {
      if character == "\"" || character == "\\" { result.append("\\") }
      result.append(character)
    }
    return result + "\""
  }
}
