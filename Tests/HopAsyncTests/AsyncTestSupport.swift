import HopAsync
import HopSyntax

/// Checks a program given as text; the text must get through the front end.
func checkAsync(_ text: String, timeoutMilliseconds: UInt32 = 5_000, dump: Bool = false) -> (report: AsyncReport, file: SourceFile) {
  let file = SourceFile(path: "t.hop", text: text)
  let front = Frontend.analyze(file)
  precondition(front.isUsable, "test program does not get through the front end: \(front.diagnostics)")
  return (AsyncChecker.check(front.program, options: .init(timeoutMilliseconds: timeoutMilliseconds, dumpQueries: dump)),
          file)
}

/// The error codes of checking `text`, as `"HH204 26"` (code and line), in source order.
func asyncErrors(_ text: String) -> [String] {
  let (report, file) = checkAsync(text)
  return report.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \(file.location(of: $0.range.start).line)" }
}

/// The codes only.
func asyncCodes(_ text: String) -> [String] {
  asyncErrors(text).map { String($0.prefix(5)) }
}
