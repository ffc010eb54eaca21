import HopChecker
import HopContracts
import HopLogic

/// A symbolic state as a Graphviz graph, the boxes-and-arrows picture a
/// teacher draws on the board (`hophop explain --format dot|svg|png|html`).
///
/// Each case of the state is one cluster (decision 71): program variables
/// are plain labels with an arrow to their value; a cell is a record of its
/// fields, a pointer field an arrow from its slot; `lseg`/`list` is a thick
/// labelled edge from its first cell to where it ends; `tree` is a triangle
/// at its root; `dlseg`/`xlseg` is a hyperedge node with a tentacle to each
/// of its four ends (as Attestor draws them); an endpoint is a hexagon with
/// its contract, role and states, linked to its peer by a dashed edge; NULL
/// is one node per case; the pure facts are the case's caption. The state is
/// first made readable as the text shows it (`StateDisplay.readable`), so the
/// picture and the `//` comment name the same existentials.
public enum HeapPicture {
  /// The DOT text of `cases` (the cases of one state); `title` is printed above, `id` prefixes every
  /// SVG element id so several pictures can share one HTML page.
  public static func dot(_ cases: [SymbolicHeap], title: String? = nil, id: String = "heap") -> String {
    var lines = ["digraph \(DOTText.quoted(id)) {",
                 "  graph [id=\(DOTText.quoted(id)), rankdir=LR, fontname=\"Helvetica,Arial,sans-serif\", fontsize=12,"
                   + " labelloc=t, nodesep=0.3, ranksep=0.45\(title.map { ", label=\(DOTText.quoted($0))" } ?? "")];",
                 "  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=11];",
                 "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10];"]
    if cases.isEmpty {
      lines.append("  unreached [shape=plaintext, label=\"(not reached)\"];")
    }
    // Written last case first: dot stacks a left-to-right graph's clusters upwards, so case 1 is on top.
    for (index, state) in cases.enumerated().reversed() {
      let number = cases.count == 1 ? nil : index + 1
      lines += CaseDrawing(heap: StateDisplay.readable(state), prefix: "c\(index + 1)_")
        .lines(caseNumber: number, id: "\(id)_case\(index + 1)")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}

/// The statements that draw one case, every node name starting with `prefix`.
private struct CaseDrawing {
  let heap: SymbolicHeap
  let prefix: String
  let values: HeapValues

  init(heap: SymbolicHeap, prefix: String) {
    self.heap = heap
    self.prefix = prefix
    self.values = HeapValues(heap)
  }

  /// How the node of an address is drawn: by the first atom that allocates it.
  private enum Shape {
    case cell(fields: [String: Term]), endpoint(EndpointCell), tree(fields: [String]), null, segmentEnd, dangling
  }

  /// The cluster's statements; `id` is its SVG id (dot would give it the graph's).
  func lines(caseNumber: Int?, id: String) -> [String] {
    var body: [String] = []
    var shapes: [Int: Shape] = [:]
    for atom in heap.spatial {
      switch atom {
      case .pointsTo(let address, let fields):
        if shapes[values.value(of: address)] == nil { shapes[values.value(of: address)] = .cell(fields: fields) }
      case .endpoint(let address, let cell):
        if shapes[values.value(of: address)] == nil { shapes[values.value(of: address)] = .endpoint(cell) }
      case .predicate(.tree, let fields, let arguments):
        if let root = arguments.first, shapes[values.value(of: root)] == nil {
          shapes[values.value(of: root)] = .tree(fields: fields)
        }
      case .segment, .predicate:
        break
      }
    }
    if let null = values.null, shapes[null] == nil { shapes[null] = .null }
    for index in values.classes.indices where values.locations.contains(index) {
      let isEnd = heap.spatial.contains { atom in
        if case .pointsTo = atom { return false }
        if case .endpoint = atom { return false }
        return atom.terms.contains { values.value(of: $0) == index }
      }
      body.append(node(index, shape: shapes[index] ?? (isEnd ? .segmentEnd : .dangling)))
    }
    // Each program variable that holds an address: a label with an arrow to it.
    for index in values.classes.indices where values.locations.contains(index) {
      for name in values.programVariables(of: index) {
        // Quoted: a variable of the prover's may carry a prime (`r'`).
        let label = DOTText.quoted("\(prefix)var_\(name)")
        body.append("\(label) [shape=plaintext, label=\(DOTText.quoted(name)), fontsize=12];")
        body.append("\(label) -> \(node(index)) [color=\"#444444\", arrowsize=0.7];")
      }
    }
    body += edges()
    if body.isEmpty { body.append("\(prefix)emp [shape=plaintext, label=\"emp\"];") }
    let facts = heap.pure.map(\.description)
    let caption = ((caseNumber.map { ["case \($0)"] } ?? []) + facts).joined(separator: "\n")
    let border = caseNumber == nil ? "pencolor=transparent" : "style=rounded, pencolor=\"#999999\""
    return ["  subgraph cluster_\(prefix.dropLast()) {",
            "    graph [id=\(DOTText.quoted(id)), label=\(DOTText.quoted(caption)), labelloc=b, \(border)];"]
      + body.map { "    " + $0 } + ["  }"]
  }

  private func node(_ index: Int) -> String { "\(prefix)v\(index)" }

  private func node(_ index: Int, shape: Shape) -> String {
    let name = node(index)
    switch shape {
    case .cell(let fields):
      let slots = fields.keys.sorted().map { field -> String in
        let value = fields[field]!
        let shown = value.isAtomic && values.isLocation(value) ? "&#9679;" : DOTText.html(value.description)
        return "<TD PORT=\(DOTText.quoted(field))>\(DOTText.html(field)): \(shown)</TD>"
      }
      let row = slots.isEmpty ? "<TD><I>cell</I></TD>" : slots.joined()
      return "\(name) [shape=plain, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\" "
        + "BGCOLOR=\"#fff2cc\"><TR>\(row)</TR></TABLE>>];"
    case .endpoint(let cell):
      let role = cell.isDual ? "~\(cell.contract) (dual)" : cell.contract
      let states = cell.states.sorted().joined(separator: ", ")
      let label = "<B>endpoint</B><BR/>contract \(DOTText.html(cell.contract))<BR/>role \(DOTText.html(role))"
        + "<BR/>\(cell.states.count == 1 ? "state" : "states") {\(DOTText.html(states))}"
      return "\(name) [shape=hexagon, style=filled, fillcolor=\"#dbe8f8\", margin=0.02, label=<\(label)>];"
    case .tree(let fields):
      let label = "tree(" + fields.map { "\($0); " }.joined().dropLast(2) + ")"
      return "\(name) [shape=triangle, style=filled, fillcolor=\"#e2f0d9\", penwidth=2, "
        + "label=\(DOTText.quoted(fields.isEmpty ? "tree" : label))];"
    case .null:
      return "\(name) [shape=box, style=\"rounded,filled\", fillcolor=\"#eeeeee\", label=\"NULL\"];"
    case .segmentEnd:
      return "\(name) [shape=point, width=0.12];"
    case .dangling:
      return "\(name) [shape=ellipse, style=dashed, fontsize=10, height=0.3, "
        + "label=\(DOTText.quoted(values.anonymousName(of: index)))];"
    }
  }

  /// Pointer fields, segments, hyperedges of doubly linked segments, and peer links.
  private func edges() -> [String] {
    var lines: [String] = []
    var peers: [(Int, Int)] = []
    var hyperedges = 0
    for atom in heap.spatial {
      switch atom {
      case .pointsTo(let address, let fields):
        for field in fields.keys.sorted() {
          let value = fields[field]!
          guard value.isAtomic, values.isLocation(value) else { continue }
          lines.append("\(node(values.value(of: address))):\(DOTText.quoted(field)):c -> \(node(values.value(of: value)))"
                       + " [tailclip=false, arrowsize=0.8];")
        }
      case .endpoint(let address, let cell):
        if let peer = cell.peer { peers.append((values.value(of: address), values.value(of: peer))) }
      case .segment(let field, let from, let to):
        let label = to == .null ? "list(\(field))" : "lseg(\(field))"
        lines.append("\(node(values.value(of: from))) -> \(node(values.value(of: to))) [penwidth=3, color=\"#2e6da4\", "
                     + "fontcolor=\"#2e6da4\", label=\(DOTText.quoted(label))];")
      case .predicate(.tree, _, _):
        break
      case .predicate(let predicate, let fields, let arguments):
        let hyperedge = "\(prefix)h\(hyperedges)"
        hyperedges += 1
        let label = predicate.rawValue + "(" + fields.joined(separator: "; ") + ")"
        lines.append("\(hyperedge) [shape=box, style=\"rounded,filled\", fillcolor=\"#e2f0d9\", penwidth=2, "
                     + "label=\(DOTText.quoted(label))];")
        let roles = ["first", "after last", "before first", "last"]
        for (position, argument) in arguments.enumerated() {
          let role = position < roles.count ? roles[position] : "\(position + 1)"
          lines.append("\(hyperedge) -> \(node(values.value(of: argument))) [penwidth=2, color=\"#548235\", "
                       + "fontcolor=\"#548235\", label=\(DOTText.quoted(role))];")
        }
      }
    }
    // A channel's two ends name each other: one dashed edge with two heads; a one-sided link has one head.
    var drawn = Set<[Int]>()
    for (from, to) in peers where drawn.insert([min(from, to), max(from, to)]).inserted {
      let mutual = peers.contains { $0 == (to, from) }
      lines.append("\(node(from)) -> \(node(to)) [style=dashed, color=\"#2e6da4\", label=\"peer\", "
                   + "dir=\(mutual ? "both" : "forward")];")
    }
    return lines
  }
}
