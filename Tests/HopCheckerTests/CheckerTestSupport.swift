import HopChecker
import HopSyntax

/// Checks the sync procedures of a program given as text; the text must get through the front end.
func checkSync(_ text: String) -> (report: SyncChecker.Report, file: SourceFile) {
  let file = SourceFile(path: "t.hop", text: text)
  let front = Frontend.analyze(file)
  precondition(front.isUsable, "test program does not get through the front end: \(front.diagnostics)")
  return (SyncChecker.check(front.program), file)
}

/// The errors of checking `text`, as `"HH101 9"` (code and line), in source order.
func syncErrors(_ text: String) -> [String] {
  let (report, file) = checkSync(text)
  return report.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \(file.location(of: $0.range.start).line)" }
}

/// The verdict of each procedure, as `"name: valid"`.
func syncVerdicts(_ text: String) -> [String] {
  checkSync(text).report.procedures.map { "\($0.name): \($0.outcome.rawValue)" }
}
