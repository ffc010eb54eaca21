import HopChecker
import HopLogic
import HopSyntax

/// How inference is measured (issue 26): each written loop invariant of a
/// file deleted in turn, the file checked again, and the verdicts and errors
/// compared with those of the file as written. `hophop-bench infer` prints
/// the figures; the examples test holds every loop to them.
public enum InvariantDeletion {
  /// One sync loop with a written invariant: the line of its `while` and the bytes of `[...]`.
  public struct Loop: Sendable {
    public var line: Int
    public var brackets: Range<Int>
  }

  /// What checking found: each procedure's verdict and each error as `"HH101 7"` (code and line).
  public struct Outcome: Equatable, Sendable {
    public var verdicts: [String]
    public var errors: [String]
  }

  /// One loop measured: the file as written, the file without that loop's invariant, and the inference.
  public struct Measurement: Sendable {
    public var path: String
    public var line: Int
    public var written: Outcome
    public var deleted: Outcome
    /// What inference found for the loop once its invariant was deleted.
    public var inference: LoopInference?
    /// The errors of the file without the invariant, with their notes (to see what explains a change).
    public var diagnostics: [Diagnostic]

    public var keepsVerdict: Bool { written == deleted }
  }

  /// The sync loops of `program` that have a written separation-logic invariant, in source order.
  public static func loops(in program: Program, source: SourceFile) -> [Loop] {
    var found: [Loop] = []
    for case .procedure(let procedure) in program.declarations {
      for statement in procedure.body.flatMap(\.allStatements) {
        guard case .whileLoop(_, .separation(let assertion)?, _) = statement.kind,
              let open = source.bytes[..<assertion.range.start].lastIndex(of: UInt8(ascii: "[")),
              let close = source.bytes[assertion.range.end...].firstIndex(of: UInt8(ascii: "]")) else { continue }
        found.append(Loop(line: source.location(of: statement.range.start).line, brackets: open..<(close + 1)))
      }
    }
    return found
  }

  /// The file without `loop`'s invariant; its line breaks stay, so every line keeps its number.
  public static func deleting(_ loop: Loop, from source: SourceFile) -> SourceFile {
    var bytes = source.bytes
    let removed = bytes[loop.brackets].filter { $0 == UInt8(ascii: "\n") }
    bytes.replaceSubrange(loop.brackets, with: removed)
    return SourceFile(path: source.path, bytes: bytes)
  }

  /// Every loop of the file measured (none when the file does not get through the front end).
  public static func measure(_ source: SourceFile) -> [Measurement] {
    let front = Frontend.analyze(source)
    guard front.isUsable else { return [] }
    let written = check(front.program, source).outcome
    return loops(in: front.program, source: source).compactMap { loop in
      let edited = deleting(loop, from: source)
      let analyzed = Frontend.analyze(edited)
      guard analyzed.isUsable else { return nil }
      let (deleted, report) = check(analyzed.program, edited)
      let inference = report.inferences.first { edited.location(of: $0.range.start).line == loop.line }
      return Measurement(path: source.path, line: loop.line, written: written, deleted: deleted, inference: inference,
                         diagnostics: report.diagnostics.filter { $0.severity == .error })
    }
  }

  private static func check(_ program: Program, _ source: SourceFile) -> (outcome: Outcome, report: SyncChecker.Report) {
    let report = SyncChecker.check(program)
    let errors = report.diagnostics.filter { $0.severity == .error }
      .map { "\($0.code) \(source.location(of: $0.range.start).line)" }
    return (Outcome(verdicts: report.procedures.map { "\($0.name): \($0.outcome.rawValue)" }, errors: errors), report)
  }
}
