import HopContracts
import HopSyntax

/// `hophop lint` as a library call: front end, then every contract compiled
/// and linted, file by file.
public enum LintSession {
  /// One input file after lint.
  public struct FileResult: Sendable {
    /// Front-end and construction errors, lint warnings and `HH320` verdicts, sorted by position.
    public var report: FileReport
    /// The contracts, when the file got through the front end.
    public var contracts: FileContracts?
  }

  /// What `hophop lint` found in all files, and its exit status.
  public struct Result: Sendable {
    public var files: [FileResult]
    public var report: Report { Report(files: files.map(\.report)) }

    /// 2 when a file could not be read, parsed, resolved, or has a malformed
    /// contract; else 1 when a contract used by a `close` is not leak-free; else 0.
    public var exitStatus: ExitStatus {
      let errors = files.flatMap(\.report.diagnostics).filter { $0.severity == .error }
      if errors.contains(where: { $0.code != .notLeakFree }) { return .badInput }
      return errors.isEmpty ? .success : .failure
    }
  }

  /// Lints each path, in the order given.
  public static func lint(_ paths: [String], bounds: ExplorationBounds = .standard) -> Result {
    Result(files: FrontEndSession.load(paths).map { loaded in
      guard let program = loaded.program else { return FileResult(report: loaded.report, contracts: nil) }
      let contracts = FileContracts(program, bounds: bounds)
      var report = loaded.report
      report.diagnostics = (report.diagnostics + contracts.errors + contracts.warnings + contracts.leakFreedomErrors)
        .sortedBySource()
      return FileResult(report: report, contracts: contracts)
    })
  }

  /// The default buffer bound of product exploration (`ExplorationBounds.standard`).
  public static let defaultMaxBufferLength = ExplorationBounds.standard.maxBufferLength
  /// The default configuration bound of product exploration (`ExplorationBounds.standard`).
  public static let defaultMaxConfigurations = ExplorationBounds.standard.maxConfigurations

  /// Lints each path with the given exploration bounds (for callers that do not import `HopContracts`).
  public static func lint(_ paths: [String], maxBufferLength: Int, maxConfigurations: Int) -> Result {
    lint(paths, bounds: ExplorationBounds(maxBufferLength: maxBufferLength, maxConfigurations: maxConfigurations))
  }

  /// The text `hophop lint` prints on standard output: one property table per contract.
  public static func tables(_ result: Result) -> String {
    result.files.compactMap { file -> String? in
      guard let contracts = file.contracts, let source = file.report.source else { return nil }
      return contracts.contracts.map { lint in
        lint.table(location: "\(file.report.path):\(source.location(of: lint.automaton.nameRange.start))")
      }.joined(separator: "\n")
    }.filter { !$0.isEmpty }.joined(separator: "\n")
  }
}
