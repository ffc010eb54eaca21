import HopChecker
import HopSyntax

/// `hophop infer` as a library call: the program with the invariant that
/// inference found for each loop written without one written in after its
/// condition, printed in canonical form (as `hophop fmt` prints it), so a
/// user can keep or edit it. The written-in invariants are real ones: the
/// loop rule checked each (and `check --no-infer` proves what `check` proved).
public enum InferSession {
  public struct Result: Sendable {
    public var report: FileReport
    /// The program with the invariants written in (nil when the file did not get through the front end).
    public var text: String?
    /// Every loop without a written invariant and what inference found for it, in source order.
    public var inferences: [LoopInference]
    /// One line per loop whose invariant was not written in, and why: `FILE:LINE: no invariant inferred: …`.
    public var remarks: [String]

    /// Whether some loop's invariant could not be written in (inference gave up, or no one formula says its cases).
    public var isIncomplete: Bool { !remarks.isEmpty }
  }

  public static func infer(_ path: String) -> Result {
    let loaded = FrontEndSession.load([path])[0]
    guard let program = loaded.program, let source = loaded.report.source else {
      return Result(report: loaded.report, text: nil, inferences: [], remarks: [])
    }
    let inferences = SyncChecker.check(program).inferences
    var insertions: [(offset: Int, text: String)] = []
    var remarks: [String] = []
    let bytes = source.bytes
    for inference in inferences {
      let line = source.location(of: inference.range.start).line
      guard let formula = inference.formula else {
        let why = inference.reasonGivenUp ?? "its cases differ in shape, and no comparison of program values (`if e == f`) tells them apart, so no one formula says them, and no coarser case that covers them is proved by the loop rule"
        remarks.append("\(path):\(line): no invariant written in: \(why)")
        continue
      }
      // After the `)` that closes the condition.
      guard let close = bytes[inference.conditionEnd...].firstIndex(of: UInt8(ascii: ")")) else { continue }
      insertions.append((close + 1, " [\(formula)]"))
    }
    var edited = bytes
    for insertion in insertions.sorted(by: { $0.offset > $1.offset }) {
      edited.insert(contentsOf: Array(insertion.text.utf8), at: insertion.offset)
    }
    let written = SourceFile(path: path, bytes: edited)
    let front = Frontend.analyze(written)
    guard front.isUsable else {
      // An inferred formula the parser does not take back is a bug here, reported as such, never printed.
      var report = loaded.report
      report.diagnostics += front.diagnostics
      return Result(report: report, text: nil, inferences: inferences, remarks: remarks)
    }
    return Result(report: loaded.report, text: PrettyPrinter.print(front.program), inferences: inferences, remarks: remarks)
  }
}
