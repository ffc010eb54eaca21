import HopSyntax

/// The diagnostic codes of contracts: construction errors (HH301–HH305),
/// lint warnings (HH310–HH314) and the lint verdict (HH320).
///
/// Codes are stable and listed in docs/diagnostics.md.
extension DiagnosticCode {
  // MARK: Construction (errors: the contract cannot be compiled)
  /// A contract with no states at all.
  public static let emptyContract = DiagnosticCode("HH301")
  /// A contract none of whose states is `initial`.
  public static let missingInitialState = DiagnosticCode("HH302")
  /// A contract with more than one `initial` state.
  public static let multipleInitialStates = DiagnosticCode("HH303")
  /// A transition to a state the contract does not declare.
  public static let unknownTargetState = DiagnosticCode("HH304")
  /// Two states of one contract with the same name.
  public static let duplicateState = DiagnosticCode("HH305")

  // MARK: Lint (warnings)
  /// A state no path from the initial state reaches.
  public static let unreachableState = DiagnosticCode("HH310")
  /// A reachable state from which no final state can be reached: a channel there can never be closed.
  public static let noFinalStateReachable = DiagnosticCode("HH311")
  /// A message declared but used by no contract.
  public static let unusedMessage = DiagnosticCode("HH312")
  /// A message used in a contract but not declared with `message`.
  public static let undeclaredMessage = DiagnosticCode("HH313")
  /// A transition leaving a final state after which no final state can be reached again.
  public static let finalStateDeadExit = DiagnosticCode("HH314")

  // MARK: Lint verdict
  /// A contract opened in a file that closes channels is not leak-free.
  public static let notLeakFree = DiagnosticCode("HH320")
}

/// One factory per contract diagnostic, so wording lives in one place.
extension Diagnostic {
  static func emptyContract(_ name: Identifier, range: SourceRange) -> Diagnostic {
    Diagnostic(code: .emptyContract, message: "contract '\(name.name)' has no states", range: range,
               notes: [.init("a contract needs exactly one 'initial state'")])
  }

  static func missingInitialState(_ name: Identifier) -> Diagnostic {
    Diagnostic(code: .missingInitialState, message: "contract '\(name.name)' has no initial state", range: name.range,
               notes: [.init("mark exactly one state with 'initial'")])
  }

  static func multipleInitialStates(_ contract: String, state: Identifier, first: Identifier) -> Diagnostic {
    Diagnostic(code: .multipleInitialStates,
               message: "contract '\(contract)' has a second initial state '\(state.name)'", range: state.range,
               notes: [.init("first initial state '\(first.name)' declared here", at: first.range)])
  }

  static func unknownTargetState(_ contract: String, target: Identifier) -> Diagnostic {
    Diagnostic(code: .unknownTargetState,
               message: "transition to '\(target.name)', which is not a state of contract '\(contract)'",
               range: target.range)
  }

  static func duplicateState(_ contract: String, state: Identifier, previous: SourceRange) -> Diagnostic {
    Diagnostic(code: .duplicateState, message: "contract '\(contract)' declares state '\(state.name)' twice",
               range: state.range, notes: [.init("first declared here", at: previous)])
  }

  static func unreachableState(_ automaton: ContractAutomaton, _ state: Int) -> Diagnostic {
    Diagnostic(code: .unreachableState, severity: .warning,
               message: "state '\(automaton.stateNames[state])' of contract '\(automaton.name)' is unreachable",
               range: automaton.stateRanges[state])
  }

  static func noFinalStateReachable(_ automaton: ContractAutomaton, _ state: Int) -> Diagnostic {
    Diagnostic(code: .noFinalStateReachable, severity: .warning,
               message: "no final state of contract '\(automaton.name)' is reachable from state "
                 + "'\(automaton.stateNames[state])'", range: automaton.stateRanges[state],
               notes: [.init("a channel in this state can never be closed")])
  }

  static func unusedMessage(_ message: Identifier) -> Diagnostic {
    Diagnostic(code: .unusedMessage, severity: .warning,
               message: "message '\(message.name)' is declared but no contract uses it", range: message.range)
  }

  static func undeclaredMessage(_ automaton: ContractAutomaton, _ message: Int) -> Diagnostic {
    Diagnostic(code: .undeclaredMessage, severity: .warning,
               message: "contract '\(automaton.name)' uses message '\(automaton.messageNames[message])', "
                 + "which is not declared", range: automaton.messageRanges[message])
  }

  static func finalStateDeadExit(_ automaton: ContractAutomaton, _ edge: ContractAutomaton.Edge) -> Diagnostic {
    Diagnostic(code: .finalStateDeadExit, severity: .warning,
               message: "after '\(automaton.label(edge))' from final state '\(automaton.stateNames[edge.source])' "
                 + "of contract '\(automaton.name)', no final state is reachable", range: edge.range,
               notes: [.init("an endpoint that takes this transition can never be closed")])
  }
}

extension DiagnosticCatalog {
  /// HH3xx: contracts, their construction (HH301–HH305, bad input) and their lint.
  public static let contracts = DiagnosticCatalog(stage: "contracts", codes: [
    .emptyContract, .missingInitialState, .multipleInitialStates, .unknownTargetState, .duplicateState,
    .unreachableState, .noFinalStateReachable, .unusedMessage, .undeclaredMessage, .finalStateDeadExit,
    .notLeakFree,
  ], badInput: [.emptyContract, .missingInitialState, .multipleInitialStates, .unknownTargetState, .duplicateState])
}
