import HopSyntax

/// Which faults of concrete runs show an error the checker reports: the one
/// map read by `hophop check`'s counterexample search (HopDriver) and by the
/// cross-check of the examples (ExamplesCrossCheckTests), which used to keep
/// two copies that disagreed on HH103 and HH110 (decision 62).
public enum CheckerErrorFaults {
  static let memory: Set<FaultKind> = [.nullDereference, .danglingDereference, .doubleDispose, .invalidAddress]

  /// The faults a run of the failing procedure itself shows for `code`, wherever they happen
  /// (a leak shows at the exit); empty for an error no run shows.
  ///
  /// HH103 (postcondition not established) is `postconditionFailed` or `leak`: the exit check
  /// matches the final heap against the postcondition and says `leak` when the heap holds cells
  /// it does not describe, `postconditionFailed` otherwise; both are a false postcondition.
  /// HH110 (`close` outside one final state) is `closeNotFinal` only: `close` tests the states
  /// first, so messages still queued when both ends are in one final state (`closeWithMessages`)
  /// mean a contract that is not leak-free, which is HH112.
  public static func inProcedure(_ code: DiagnosticCode) -> Set<FaultKind> {
    switch code.rawValue {
    case "HH101", "HH205": memory
    case "HH102": [.leak]
    case "HH103": [.postconditionFailed, .leak]
    case "HH108": [.contractViolation]
    case "HH109": [.unexpectedMessage]
    case "HH110": [.closeNotFinal]
    case "HH111": [.closeNotPeers]
    case "HH112": [.closeWithMessages]
    case "HH202", "HH203", "HH204": [.asyncPreconditionFalse]
    case "HH117", "HH211": [.divisionByZero]
    // A loop entered or left outside its invariant, a callee called outside its precondition, a
    // resource left outside its invariant: what goes wrong shows later, as any fault of the run.
    case "HH104", "HH105", "HH106", "HH113": Set(FaultKind.allCases).subtracting([.deadlock])
    default: []
    }
  }

  /// The faults a run of a caller shows for `code` in the callee: a caller that trusts a false
  /// postcondition (HH103) goes on to a memory fault (examples/heaphop/post_claims_sent.hop).
  public static func inCaller(_ code: DiagnosticCode) -> Set<FaultKind> {
    code.rawValue == "HH103" ? memory : []
  }
}
