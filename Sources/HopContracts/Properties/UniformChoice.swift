import HopSyntax

/// Why a contract is not of uniform (positional) choice: a state with both a
/// send and a receive among its outgoing edges.
public struct MixedChoiceWitness: Hashable, Sendable {
  public var state: Int
  /// The first sending edge of the state.
  public var send: ContractAutomaton.Edge
  /// The first receiving edge of the state.
  public var receive: ContractAutomaton.Edge
}

extension ContractAutomaton {
  /// **Uniform choice** (positional): each state's outgoing edges are all
  /// sends or all receives (docs/language.md §2.6). Returns nil when it holds, else
  /// the first state (by index) with mixed edges and one edge of each kind.
  public func mixedChoiceWitness() -> MixedChoiceWitness? {
    for state in 0..<stateCount {
      let out = outgoing(state)
      if let send = out.first(where: { $0.direction == .send }),
         let receive = out.first(where: { $0.direction == .receive }) {
        return MixedChoiceWitness(state: state, send: send, receive: receive)
      }
    }
    return nil
  }

  /// True when `mixedChoiceWitness()` finds nothing.
  public var hasUniformChoice: Bool { mixedChoiceWitness() == nil }
}
