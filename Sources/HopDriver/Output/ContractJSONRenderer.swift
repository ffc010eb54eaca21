import HopContracts

/// `hophop contract FILE NAME --format json`: the common `JSONReport`, with
/// the contract's automaton as the file's result (its states, which one is
/// initial and which are final, and the transitions leaving each), so that
/// a tool reads the contract as data rather than parsing the table. No
/// result when the file or the contract has errors. The properties of a
/// contract are `lint --format json`'s.
public enum ContractJSONRenderer {
  struct Payload: Encodable {
    /// `C`, or `~C` with `--dual`.
    var name: String
    var dual: Bool
    var initial: String
    var states: [State]
  }

  struct State: Encodable {
    var name: String
    var initial: Bool
    var final: Bool
    var transitions: [Transition]
  }

  struct Transition: Encodable {
    /// `send` (`!m`) or `receive` (`?m`), from the point of view of the endpoint that follows the contract.
    var direction: String
    var message: String
    var target: String
  }

  public static func render(_ result: ContractSession.Result) -> String {
    let payload = result.automaton.map { automaton in
      Payload(name: automaton.displayName, dual: automaton.isDual, initial: automaton.stateNames[automaton.initialState],
              states: (0..<automaton.stateCount).map { state in
                State(name: automaton.stateNames[state], initial: state == automaton.initialState,
                      final: automaton.isFinal[state], transitions: automaton.outgoing(state).map { edge in
                        Transition(direction: edge.direction == .send ? "send" : "receive",
                                   message: automaton.messageNames[edge.message],
                                   target: automaton.stateNames[edge.target])
                      })
              })
    }
    return JSONReport(command: "contract", exitStatus: result.exitStatus,
                      files: [JSONFileReport(result.report, result: payload)]).text
  }
}
