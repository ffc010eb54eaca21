import HopSyntax

extension ContractAutomaton {
  /// The automaton as a Graphviz `digraph`: an arrow from a point marks the
  /// initial state, final states are double circles, sends are solid blue
  /// edges labelled `!m` and receives dashed green edges labelled `?m`, and a
  /// small legend says so.
  ///
  /// Transitions between the same two states are drawn as one edge labelled
  /// `!a / ?b`: Graphviz stacks parallel edges (self-loops above all) so
  /// closely that their labels overwrite each other. Such an edge with both
  /// directions is drawn blue and green, solid. The title, states and labels
  /// use one font. Auxiliary nodes have names starting with `#`, which no
  /// state name can, so they never collide with a state. Output is
  /// deterministic (states in index order, edges by first transition).
  public func dot() -> String {
    var text = "digraph \(quoted(displayName)) {\n"
    text += "  rankdir=LR;\n"
    text += "  fontname=\"Helvetica\";\n"
    text += "  label=\(quoted("contract " + displayName)); labelloc=t;\n"
    text += "  node [shape=circle, fontname=\"Helvetica\"];\n"
    text += "  edge [fontname=\"Helvetica\"];\n"
    text += "  \"#initial\" [shape=point, width=0.1, label=\"\"];\n"
    for state in 0..<stateCount {
      let shape = isFinal[state] ? "doublecircle" : "circle"
      text += "  \(quoted(stateNames[state])) [shape=\(shape)];\n"
    }
    text += "  \"#initial\" -> \(quoted(stateNames[initialState]));\n"
    let groups = diagramEdges()
    for group in groups {
      text += "  \(quoted(stateNames[group.source])) -> \(quoted(stateNames[group.target])) "
        + "[label=\(quoted(group.labels.joined(separator: " / "))), \(group.style.attributes)];\n"
    }
    text += legend(showingMixed: groups.contains { $0.style == .both })
    text += "}\n"
    return text
  }

  /// How one drawn edge looks, from the directions of the transitions it stands for.
  enum DiagramEdgeStyle: Equatable {
    case send, receive, both

    var attributes: String {
      switch self {
      case .send: "color=blue, fontcolor=blue, style=solid"
      case .receive: "color=darkgreen, fontcolor=darkgreen, style=dashed"
      case .both: "color=\"blue:darkgreen\", fontcolor=black, style=solid"
      }
    }
  }

  /// One drawn edge: every transition from `source` to `target`, in source order.
  struct DiagramEdge: Equatable {
    var source: Int
    var target: Int
    var labels: [String]
    var style: DiagramEdgeStyle
  }

  /// The transitions grouped by (source, target), each group where its first transition is.
  func diagramEdges() -> [DiagramEdge] {
    var groups: [DiagramEdge] = []
    var position: [Int: Int] = [:]
    for edge in edges {
      let key = edge.source * stateCount + edge.target
      let style: DiagramEdgeStyle = edge.direction == .send ? .send : .receive
      if let index = position[key] {
        groups[index].labels.append(label(edge))
        if groups[index].style != style { groups[index].style = .both }
      } else {
        position[key] = groups.count
        groups.append(DiagramEdge(source: edge.source, target: edge.target, labels: [label(edge)], style: style))
      }
    }
    return groups
  }

  /// A boxed key with a sample of each kind of edge and a final state.
  private func legend(showingMixed: Bool) -> String {
    var samples: [(String, DiagramEdgeStyle)] = [("send !m", .send), ("receive ?m", .receive)]
    if showingMixed { samples.append(("both", .both)) }
    var text = "  subgraph \"cluster_#legend\" {\n"
    text += "    label=\"legend\"; fontsize=9; color=gray; style=rounded;\n"
    text += "    node [fontsize=9]; edge [fontsize=9, arrowsize=0.6];\n"
    for (index, (label, style)) in samples.enumerated() {
      text += "    \"#legend\(index)a\" [shape=point, width=0.05, label=\"\"];\n"
      text += "    \"#legend\(index)b\" [shape=point, width=0.05, label=\"\"];\n"
      text += "    \"#legend\(index)a\" -> \"#legend\(index)b\" [label=\(quoted(label)), \(style.attributes)];\n"
    }
    text += "    \"#legendfinal\" [shape=doublecircle, width=0.1, margin=0.02, label=\"final\"];\n"
    text += "  }\n"
    return text
  }

  private func quoted(_ text: String) -> String { DOTText.quoted(text) }
}
