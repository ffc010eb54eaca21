import HopContracts
import HopTestSupport
import Testing

/// The Graphviz picture of a contract: parallel transitions share one edge
/// (so self-loops cannot overwrite each other's labels), one font, a legend.
@Suite struct ContractDiagramTests {
  /// The edge lines of `dot` between real states (not the initial arrow or the legend).
  static func stateEdges(_ dot: String) -> [String] {
    dot.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("  \"") && $0.contains(" -> ") && !$0.hasPrefix("  \"#")
    }
  }

  @Test func twoSelfLoopsOnOneStateAreOneEdgeWithBothLabels() {
    let dot = automaton("""
      message a
      message b
      contract L { initial final state s { !a -> s; !b -> s; } }
      """).dot()
    #expect(Self.stateEdges(dot) == ["  \"s\" -> \"s\" [label=\"!a / !b\", color=blue, fontcolor=blue, style=solid];"])
  }

  @Test func parallelEdgesOfBothDirectionsAreMergedAndDrawnInBothColours() {
    let dot = automaton("""
      message a
      message b
      message c
      contract M { initial state s { !a -> t; ?b -> t; !c -> s; } final state t { } }
      """).dot()
    #expect(Self.stateEdges(dot) == [
      "  \"s\" -> \"t\" [label=\"!a / ?b\", color=\"blue:darkgreen\", fontcolor=black, style=solid];",
      "  \"s\" -> \"s\" [label=\"!c\", color=blue, fontcolor=blue, style=solid];",
    ])
    // The legend explains the two-coloured edge only when there is one.
    #expect(dot.contains("[label=\"both\""))
    #expect(!automaton(listTransfer).dot().contains("[label=\"both\""))
  }

  @Test func edgesToDifferentStatesStaySeparate() {
    let edges = Self.stateEdges(automaton(listTransfer).dot())
    #expect(edges.count == 3)
    #expect(edges.filter { $0.hasPrefix("  \"transfer\" -> ") }.count == 2)
  }

  @Test func titleAndNodesUseOneFont() {
    let dot = automaton(listTransfer).dot()
    #expect(dot.contains("\n  fontname=\"Helvetica\";\n"))
    #expect(dot.contains("node [shape=circle, fontname=\"Helvetica\"]"))
    #expect(dot.contains("edge [fontname=\"Helvetica\"]"))
    #expect(!dot.contains("fontname=\"Times"))
  }

  @Test func theLegendShowsSendReceiveAndFinal() {
    let dot = automaton(listTransfer).dot()
    let text = dot.range(of: "subgraph \"cluster_#legend\" {").map { String(dot[$0.lowerBound...]) } ?? ""
    #expect(!text.isEmpty, "no legend in:\n\(dot)")
    #expect(text.contains("[label=\"send !m\", color=blue, fontcolor=blue, style=solid]"))
    #expect(text.contains("[label=\"receive ?m\", color=darkgreen, fontcolor=darkgreen, style=dashed]"))
    #expect(text.contains("[shape=doublecircle, width=0.1, margin=0.02, label=\"final\"]"))
  }

  @Test func aStateNamedLikeTheLegendDoesNotCollideWithIt() {
    // Auxiliary node names start with '#', which no Hop identifier can.
    let dot = automaton("""
      message m
      contract P { initial state initial { !m -> legend0a; } final state legend0a { } }
      """).dot()
    #expect(dot.contains("\"initial\" -> \"legend0a\""))
    #expect(dot.contains("\"#initial\" -> \"initial\";"))
  }
}
