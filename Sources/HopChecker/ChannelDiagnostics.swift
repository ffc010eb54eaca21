import HopContracts
import HopLogic
import HopSyntax

/// The diagnostic codes of the channel rules (HH108–HH112, HH116), listed in docs/diagnostics.md.
extension DiagnosticCode {
  /// A send or receive with no such transition in the endpoint's contract state.
  public static let contractViolation = DiagnosticCode("HH108")
  /// A `switch receive` that misses a message the endpoint's state can receive.
  public static let unspecifiedReception = DiagnosticCode("HH109")
  /// `close` of endpoints that are not both in one final state.
  public static let closeNotFinal = DiagnosticCode("HH110")
  /// `close` of endpoints that are not each other's peers.
  public static let closeNotPeers = DiagnosticCode("HH111")
  /// `close` of a channel whose contract is not leak-free.
  public static let closeNotLeakFree = DiagnosticCode("HH112")
  /// The ownership a message carries (its invariant) is not in the sender's state.
  public static let messageInvariantNotEstablished = DiagnosticCode("HH116")
}

/// The wording of the channel rules' diagnostics.
enum ChannelDiagnostics {
  /// "e is in state wait of C, which allows only ?ack".
  static func stateNote(_ endpoint: Term, _ cell: EndpointCell, _ automaton: ContractAutomaton) -> Diagnostic.Note {
    let view = cell.isDual ? automaton.dual() : automaton
    let contract = (cell.isDual ? "~" : "") + cell.contract
    let parts = cell.states.sorted().map { name -> String in
      guard let state = view.state(named: name) else { return name }
      let offers = view.outgoing(state).map(view.label)
      let allows = offers.isEmpty ? "which allows no message\(view.isFinal[state] ? " (it is final)" : "")"
        : "which allows only \(offers.joined(separator: ", "))"
      return "\(name) of \(contract), \(allows)"
    }
    return Diagnostic.Note("\(endpoint) is in state \(parts.joined(separator: "; or in "))")
  }

  static func violation(_ action: String, _ endpoint: Term, cell: EndpointCell, automaton: ContractAutomaton,
                        range: SourceRange) -> Diagnostic {
    Diagnostic(code: .contractViolation,
               message: "contract violation: \(action) is not allowed in the state of '\(endpoint)'",
               range: range, notes: [stateNote(endpoint, cell, automaton)])
  }

  static func notAnEndpoint(_ action: String, _ term: Term, range: SourceRange, state: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .memoryFault, message: "memory fault: \(action) '\(term)', which may not be an endpoint owned here",
               range: range, notes: state)
  }

  static func unspecified(_ endpoint: Term, missing: [String], cell: EndpointCell, automaton: ContractAutomaton,
                          range: SourceRange) -> Diagnostic {
    Diagnostic(code: .unspecifiedReception,
               message: "unspecified reception: this switch does not receive \(missing.map { "'\($0)'" }.joined(separator: ", ")) on '\(endpoint)', which may arrive",
               range: range, notes: [stateNote(endpoint, cell, automaton)])
  }

  /// A plain receive of `receiving` where the endpoint's state can also receive `missing` (a switch with one case).
  static func unspecifiedByReceive(_ endpoint: Term, receiving: String, missing: [String], cell: EndpointCell,
                                   automaton: ContractAutomaton, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .unspecifiedReception,
               message: "unspecified reception: this receive takes only '\(receiving)' on '\(endpoint)', but \(missing.map { "'\($0)'" }.joined(separator: ", ")) may arrive",
               range: range, notes: [stateNote(endpoint, cell, automaton),
                                     Diagnostic.Note("a receive that may find another message needs a switch receive with a case for each")])
  }

  /// The notes say where each end is and which states would do ("close needs both ends in done").
  static func notFinal(_ first: Term, _ second: Term, automaton: ContractAutomaton, range: SourceRange,
                       notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .closeNotFinal,
               message: "close of '\(first)' and '\(second)', which may not be in one final state",
               range: range, notes: notes + [finalStatesNote(automaton)])
  }

  /// "close needs both ends in the final state done of Ping" (or "in one of the final states a, b").
  static func finalStatesNote(_ automaton: ContractAutomaton) -> Diagnostic.Note {
    let names = automaton.finalStates.map { automaton.stateNames[$0] }
    let which = switch names.count {
    case 0: "a final state, but \(automaton.name) has none"
    case 1: "the final state \(names[0]) of \(automaton.name)"
    default: "one of the final states \(names.joined(separator: ", ")) of \(automaton.name) (the same one)"
    }
    return Diagnostic.Note("close needs both ends in \(which)")
  }

  static func notPeers(_ first: Term, _ second: Term, range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .closeNotPeers,
               message: "close of '\(first)' and '\(second)', which may not be the two ends of one channel",
               range: range, notes: notes)
  }

  static func notLeakFree(_ contract: String, why: String, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .closeNotLeakFree,
               message: "close of a channel of '\(contract)', which is not leak-free: messages may be left in it",
               range: range, notes: [Diagnostic.Note("close needs a leak-free contract: \(why)")])
  }

  static func invariant(_ message: String, range: SourceRange, notes: [Diagnostic.Note]) -> Diagnostic {
    Diagnostic(code: .messageInvariantNotEstablished,
               message: "the ownership that message '\(message)' carries is not in the state",
               range: range, notes: notes)
  }
}

extension DiagnosticCatalog {
  /// HH1xx: `check` of sync procedures, the heap (CheckerDiagnostics.swift) and the channels (above).
  public static let syncCheck = DiagnosticCatalog(stage: "check, sync", codes: [
    .memoryFault, .leak, .postconditionNotEstablished, .invariantOnEntry, .invariantNotPreserved,
    .callPreconditionNotFound, .race, .resourceInvariantNotEstablished, .unprotectedResourceVariable,
    .proofUndecided, .syncDivisionByZero,
    .contractViolation, .unspecifiedReception, .closeNotFinal, .closeNotPeers, .closeNotLeakFree,
    .messageInvariantNotEstablished,
  ])
}
