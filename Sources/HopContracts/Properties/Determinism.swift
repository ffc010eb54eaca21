import HopSyntax

/// Why a contract is not deterministic: a state with two outgoing edges that
/// carry the same direction and message.
public struct NondeterminismWitness: Hashable, Sendable {
  public var state: Int
  public var first: ContractAutomaton.Edge
  public var second: ContractAutomaton.Edge
}

extension ContractAutomaton {
  /// **Deterministic**: no state has two outgoing edges with the same
  /// direction and message (docs/language.md §2.6). Returns nil when the property
  /// holds, else the first offending state (by index) and its two edges in
  /// source order. Linear in the number of edges.
  public func nondeterminismWitness() -> NondeterminismWitness? {
    // lastSeen[direction * messageCount + message] = edge index, stamped by state.
    var seenIn = Array(repeating: -1, count: 2 * messageCount)
    var seenEdge = Array(repeating: 0, count: 2 * messageCount)
    for state in 0..<stateCount {
      for (offset, edge) in zip(outgoing(state).indices, outgoing(state)) {
        let key = (edge.direction == .send ? 0 : messageCount) + edge.message
        if seenIn[key] == state {
          return NondeterminismWitness(state: state, first: edges[seenEdge[key]], second: edge)
        }
        seenIn[key] = state
        seenEdge[key] = offset
      }
    }
    return nil
  }

  /// True when `nondeterminismWitness()` finds nothing.
  public var isDeterministic: Bool { nondeterminismWitness() == nil }
}
