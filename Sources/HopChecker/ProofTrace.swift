import HopLogic
import HopSyntax

/// The symbolic states after one command, as the proof found them: what
/// `hophop explain` prints under the command. Recorded while the procedure
/// is checked, so nothing is executed a second time to explain it.
public struct TraceStep: Sendable {
  public var range: SourceRange
  public var states: [SymbolicHeap]

  /// Each case in Hop syntax, existentials named readably.
  public var texts: [String] { states.map(StateDisplay.text) }
}

/// The proof of one procedure as `hophop explain` shows it.
public struct ProofTrace: Sendable {
  public var procedure: ProcedureDecl
  /// The states at entry (the precondition's cases).
  public var entry: [SymbolicHeap]
  /// The states after each command, in source order.
  public var steps: [TraceStep]
  public var verdict: ProcedureVerdict
  /// The procedure's errors (at most one stops its proof).
  public var diagnostics: [Diagnostic]
}
