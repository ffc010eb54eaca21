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
  /// The words of the remark, before its formulas (all of it when it shows none).
  public var label: String
  /// What comes between the words and the formulas (`: `, ` with `).
  public var separator: String
  /// The formulas it shows, as alternatives (`A  or  B`), in the names of the proof's states.
  public var formulas: [SymbolicHeap]

  public init(range: SourceRange, anchor: Int, label: String, separator: String = ": ", formulas: [SymbolicHeap] = []) {
    self.range = range
    self.anchor = anchor
    self.label = label
    self.separator = separator
    self.formulas = formulas
  }

  /// The remark as one text, its formulas lettered on their own.
  public var text: String {
    var names = StateNames(for: formulas)
    return text(names: &names)
  }

  /// The remark in the names of the whole proof.
  public func text(names: inout StateNames) -> String {
    formulas.isEmpty ? label : label + separator + formulas.map { StateDisplay.text($0, names: &names) }.joined(separator: "  or  ")
  }
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
  private var seen = Set<Seen>()

  mutating func record(_ step: TraceStep) { steps[step.range.start] = step }

  /// A remark, unless one that reads the same was made about the same command (a loop body runs more than once).
  mutating func note(_ note: TraceNote) {
    if seen.insert(Seen(range: note.range, anchor: note.anchor, text: note.text)).inserted { notes.append(note) }
  }

  private struct Seen: Hashable {
    var range: SourceRange
    var anchor: Int
    var text: String
  }

  /// The steps in source order.
  var orderedSteps: [TraceStep] { steps.values.sorted { $0.range.start < $1.range.start } }
}
