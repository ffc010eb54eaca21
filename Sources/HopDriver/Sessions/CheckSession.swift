import Foundation
import HopAsync
import HopSyntax

/// `hophop check` as a library call: front end, then the async procedures
/// proved by rely/guarantee (HopAsync). The verifier of sync procedures has
/// not landed; a file that has some says so and is not reported valid.
public enum CheckSession {
  public struct Options: Sendable {
    public var timeoutMilliseconds: UInt32
    /// Where to write each solver query as an SMT-LIB 2 file (`--dump-smt`), if anywhere.
    public var dumpDirectory: String?

    public init(timeoutMilliseconds: UInt32 = 5_000, dumpDirectory: String? = nil) {
      self.timeoutMilliseconds = timeoutMilliseconds
      self.dumpDirectory = dumpDirectory
    }
  }

  /// One input file after `check`.
  public struct FileResult: Sendable {
    public var report: FileReport
    /// The async procedures' verdicts, when the file has async procedures and got through the front end.
    public var async: AsyncReport?
    /// Sync procedures, which this version cannot check yet.
    public var uncheckedProcedures: [String]
    public var elapsed: Duration
  }

  /// What `hophop check` found in all files, and its exit status.
  public struct Result: Sendable {
    public var files: [FileResult]
    public var report: Report { Report(files: files.map(\.report)) }

    /// 2 when a file could not be read, parsed or resolved, has an ill-formed
    /// specification, or has sync procedures (not checkable yet); else 1 when
    /// something is not proved; else 0.
    public var exitStatus: ExitStatus {
      let inputErrors = files.contains { file in
        !file.uncheckedProcedures.isEmpty || file.report.diagnostics.contains { diagnostic in
          diagnostic.severity == .error && (diagnostic.code.rawValue < "HH200" || Self.inputCodes.contains(diagnostic.code))
        }
      }
      if inputErrors { return .badInput }
      return report.hasErrors ? .failure : .success
    }

    /// Checker codes that mean the specification itself is ill-formed.
    private static let inputCodes: Set<DiagnosticCode> = [.positivePending, .sortMismatch]
  }

  public static func check(_ paths: [String], options: Options = Options()) -> Result {
    Result(files: FrontEndSession.load(paths).map { loaded in
      let clock = ContinuousClock()
      let start = clock.now
      guard let program = loaded.program else {
        return FileResult(report: loaded.report, async: nil, uncheckedProcedures: [], elapsed: .zero)
      }
      var report = loaded.report
      var asyncReport: AsyncReport?
      if AsyncChecker.applies(to: program) {
        let checked = AsyncChecker.check(program, options: .init(timeoutMilliseconds: options.timeoutMilliseconds,
                                                                 dumpQueries: options.dumpDirectory != nil))
        report.diagnostics = (report.diagnostics + checked.diagnostics).sortedBySource()
        if let directory = options.dumpDirectory { dump(checked.dumpedQueries, of: loaded.report.path, to: directory) }
        asyncReport = checked
      }
      let unchecked = program.declarations.compactMap { declaration -> String? in
        if case .procedure(let p) = declaration { p.name.name } else { nil }
      }
      return FileResult(report: report, async: asyncReport, uncheckedProcedures: unchecked, elapsed: clock.now - start)
    })
  }

  /// Writes each query to `directory/<file stem>-<query>.smt2`.
  private static func dump(_ queries: [DumpedQuery], of path: String, to directory: String) {
    let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for query in queries {
      let file = URL(fileURLWithPath: directory).appendingPathComponent("\(stem)-\(query.name).smt2")
      try? Data(query.script.utf8).write(to: file)
    }
  }

  /// The text `hophop check` prints on standard output: a verdict per file and per procedure.
  public static func summary(_ result: Result) -> String {
    result.files.compactMap { file -> String? in
      guard file.async != nil || !file.uncheckedProcedures.isEmpty else { return nil }
      var lines: [String] = []
      let procedures = file.async?.procedures ?? []
      let outcome = procedures.map(\.outcome).max() ?? .valid
      if procedures.isEmpty {
        return "\(file.report.path): not checked: the verifier of sync procedures (\(file.uncheckedProcedures.joined(separator: ", "))) is not available yet"
      }
      var verdict = file.uncheckedProcedures.isEmpty ? outcome.rawValue : "not fully checked"
      if file.uncheckedProcedures.isEmpty && file.report.diagnostics.hasErrors && outcome == .valid { verdict = "invalid" }
      lines.append("\(file.report.path): \(verdict) (\(procedures.count) async procedures, "
                   + "\(file.async?.queryCount ?? 0) solver queries, \(String(format: "%.0f", file.elapsed.milliseconds)) ms)")
      let width = (procedures.map(\.name.count) + file.uncheckedProcedures.map(\.count)).max() ?? 0
      for procedure in procedures {
        let failing = procedure.conditions.filter { $0.outcome != .valid }
          .map { "\($0.outcome.rawValue): \($0.condition)" }
        let text = failing.isEmpty ? "valid" : failing.joined(separator: "; ")
        lines.append("  \(procedure.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(text)")
      }
      for name in file.uncheckedProcedures {
        lines.append("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  not checked: the verifier of sync procedures is not available yet")
      }
      return lines.joined(separator: "\n")
    }.joined(separator: "\n") + (result.files.isEmpty ? "" : "\n")
  }
}
