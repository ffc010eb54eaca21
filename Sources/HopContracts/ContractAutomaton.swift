import HopSyntax

/// A contract compiled to a finite automaton, from the point of view of the
/// endpoint that follows it (docs/language.md §2.2).
///
/// States and messages are dense indices (`0..<stateCount`, `0..<messageCount`)
/// so the analyses use arrays, not dictionaries. Outgoing edges are stored
/// grouped by source state (compressed sparse rows), in source order.
/// Build one with `ContractAutomaton.compile(_:)`, which validates the
/// declaration and reports problems as diagnostics.
public struct ContractAutomaton: Hashable, Sendable {
  /// One transition `source --dir message--> target`.
  public struct Edge: Hashable, Sendable {
    public var source: Int
    public var direction: Direction
    public var message: Int
    public var target: Int
    /// Where the transition was written (`!m -> t;`); an empty range for generated contracts.
    public var range: SourceRange

    public init(source: Int, direction: Direction, message: Int, target: Int, range: SourceRange = .point(0)) {
      self.source = source
      self.direction = direction
      self.message = message
      self.target = target
      self.range = range
    }
  }

  /// The contract's name (`C`).
  public let name: String
  /// Where the contract's name was written.
  public let nameRange: SourceRange
  /// State names, indexed by state.
  public let stateNames: [String]
  /// Where each state's name was written.
  public let stateRanges: [SourceRange]
  /// Message names, indexed by message, in order of first use in the contract.
  public let messageNames: [String]
  /// Where each message is first used.
  public let messageRanges: [SourceRange]
  /// The one initial state.
  public let initialState: Int
  /// `isFinal[s]` is true when `s` is a final state.
  public let isFinal: [Bool]
  /// Every edge, grouped by source state in source order.
  public let edges: [Edge]
  /// `edges[edgeStart[s]..<edgeStart[s + 1]]` are the edges leaving `s`.
  private let edgeStart: [Int]
  /// True for the dual `~C` (directions swapped).
  public let isDual: Bool

  /// Builds an automaton from already-valid parts. Edges may come in any order.
  ///
  /// Callers guarantee that every index is in range (the compiler from the AST
  /// checks this and reports diagnostics instead); `compile(_:)` is the
  /// entry point for declarations.
  public init(name: String, nameRange: SourceRange = .point(0), stateNames: [String], stateRanges: [SourceRange]? = nil,
              messageNames: [String], messageRanges: [SourceRange]? = nil, initialState: Int, isFinal: [Bool],
              edges: [Edge], isDual: Bool = false) {
    self.name = name
    self.nameRange = nameRange
    self.stateNames = stateNames
    self.stateRanges = stateRanges ?? Array(repeating: .point(0), count: stateNames.count)
    self.messageNames = messageNames
    self.messageRanges = messageRanges ?? Array(repeating: .point(0), count: messageNames.count)
    self.initialState = initialState
    self.isFinal = isFinal
    self.isDual = isDual
    // Counting sort by source keeps each state's edges in their original order.
    var start = Array(repeating: 0, count: stateNames.count + 1)
    for edge in edges { start[edge.source + 1] += 1 }
    for s in 0..<stateNames.count { start[s + 1] += start[s] }
    var next = start
    var sorted = edges
    for edge in edges {
      sorted[next[edge.source]] = edge
      next[edge.source] += 1
    }
    self.edges = sorted
    self.edgeStart = start
  }

  public var stateCount: Int { stateNames.count }
  public var messageCount: Int { messageNames.count }
  /// The final states, in index order.
  public var finalStates: [Int] { isFinal.indices.filter { isFinal[$0] } }
  /// `C` or `~C`.
  public var displayName: String { isDual ? "~" + name : name }

  /// The edges leaving `state`, in source order.
  public func outgoing(_ state: Int) -> ArraySlice<Edge> {
    edges[edgeStart[state]..<edgeStart[state + 1]]
  }

  /// The state reached from `state` by `direction message`, or nil when the
  /// contract has no such transition. For a non-deterministic contract this is
  /// the first such edge in source order; `successors` gives all of them.
  public func successor(_ state: Int, _ direction: Direction, _ message: Int) -> Int? {
    outgoing(state).first { $0.direction == direction && $0.message == message }?.target
  }

  /// Every state reached from `state` by `direction message`.
  public func successors(_ state: Int, _ direction: Direction, _ message: Int) -> [Int] {
    outgoing(state).filter { $0.direction == direction && $0.message == message }.map(\.target)
  }

  /// The index of the state called `name`.
  public func state(named name: String) -> Int? { stateNames.firstIndex(of: name) }

  /// The index of the message called `name`.
  public func message(named name: String) -> Int? { messageNames.firstIndex(of: name) }

  /// The contract the peer endpoint follows: same states and messages, `!` and `?` swapped.
  public func dual() -> ContractAutomaton {
    ContractAutomaton(
      name: name, nameRange: nameRange, stateNames: stateNames, stateRanges: stateRanges, messageNames: messageNames,
      messageRanges: messageRanges, initialState: initialState, isFinal: isFinal,
      edges: edges.map { Edge(source: $0.source, direction: $0.direction.dual, message: $0.message, target: $0.target,
                              range: $0.range) },
      isDual: !isDual)
  }

  /// `!m` or `?m`, as written in the language.
  public func label(_ edge: Edge) -> String { edge.direction.rawValue + messageNames[edge.message] }

  /// `s --!m--> t`, for witnesses.
  public func describe(_ edge: Edge) -> String {
    "\(stateNames[edge.source]) --\(label(edge))--> \(stateNames[edge.target])"
  }
}
