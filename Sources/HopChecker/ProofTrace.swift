import HopLogic
import HopSyntax

/// The symbolic states after one command, as the proof found them: what
/// `hophop explain` prints under the command. Recorded while the procedure
/// is checked, so nothing is executed a second time to explain it.
public struct TraceStep: Sendable {
  public var range: SourceRange
  public var states: [SymbolicHeap]
  /// What the states are, when more than "after this command" (e.g. "after the loop").
  public var title: String?

  /// Each case in Hop syntax, existentials named readably.
  public var texts: [String] { states.map(StateDisplay.text) }
}

/// A remark of the proof about one command, beside its states: a loop's
/// invariant and the frame it kept, the frame of a call, how a parallel
/// call split the state, an endpoint's contract state before → after and
/// what a message carried.
public struct TraceNote: Hashable, Sendable {
  /// The command the remark is about.
  public var range: SourceRange
  /// The offset under whose line it is printed: the command's last line, or a loop's header.
  public var anchor: Int
  public var text: String
}

/// The proof of one procedure as `hophop explain` shows it.
public struct ProofTrace: Sendable {
  public var procedure: ProcedureDecl
  /// The states at entry (the precondition's cases).
  public var entry: [SymbolicHeap]
  /// The states after each command, in source order.
  public var steps: [TraceStep]
  /// The remarks, in the order the proof made them (each once).
  public var notes: [TraceNote]
  public var verdict: ProcedureVerdict
  /// The procedure's errors (at most one stops its proof).
  public var diagnostics: [Diagnostic]
}

/// What the executor records for `explain` while it proves: the last states
/// after each command (a loop body runs more than once) and the remarks,
/// each once.
struct TraceRecorder {
  private(set) var steps: [Int: TraceStep] = [:]
  private(set) var notes: [TraceNote] = []
  private var seen = Set<TraceNote>()

  mutating func record(_ step: TraceStep) { steps[step.range.start] = step }

  mutating func note(_ note: TraceNote) {
    if seen.insert(note).inserted { notes.append(note) }
  }

  /// The steps in source order.
  var orderedSteps: [TraceStep] { steps.values.sorted { $0.range.start < $1.range.start } }
}
