import HopSyntax

/// The lint checks that look at one contract, each reporting warnings with
/// its own code. Every case is implemented in its own file
/// (`Checks/<Name>Check.swift`), whose doc comment is the user documentation.
/// `declared but never used` concerns a whole file and lives in `FileContracts`.
public enum ContractCheck: String, CaseIterable, Sendable {
  case unreachableStates
  case noFinalStateReachable
  case finalStateDeadExits
  case undeclaredMessages

  /// The code of the warnings this check reports.
  public var code: DiagnosticCode {
    switch self {
    case .unreachableStates: .unreachableState
    case .noFinalStateReachable: .noFinalStateReachable
    case .finalStateDeadExits: .finalStateDeadExit
    case .undeclaredMessages: .undeclaredMessage
    }
  }

  /// The warnings of this check on `automaton`. `declaredMessages` is the set
  /// of message names the file declares (only `undeclaredMessages` uses it).
  public func run(on automaton: ContractAutomaton, declaredMessages: Set<String>) -> [Diagnostic] {
    switch self {
    case .unreachableStates: automaton.unreachableStateWarnings()
    case .noFinalStateReachable: automaton.noFinalStateReachableWarnings()
    case .finalStateDeadExits: automaton.finalStateDeadExitWarnings()
    case .undeclaredMessages: automaton.undeclaredMessageWarnings(declared: declaredMessages)
    }
  }
}
