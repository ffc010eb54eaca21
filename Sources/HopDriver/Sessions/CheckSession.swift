#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HopAsync
import HopChecker
import HopContracts
import HopLogic
import HopSyntax

/// `hophop check` as a library call: the front end, then the sync
/// procedures proved by symbolic execution (HopChecker) and the async ones
/// by rely/guarantee (HopAsync). Both answer with one `ProcedureVerdict`
/// per procedure, in source order.
public enum CheckSession {
  public struct Options: Sendable {
    /// The solver's time per query unless `--timeout` says otherwise.
    public static let defaultTimeout: UInt32 = 5_000
    public var timeoutMilliseconds: UInt32
    /// Where to write each solver query as an SMT-LIB 2 file (`--dump-smt`), if anywhere.
    public var dumpDirectory: String?

    /// With `--counterexample`: how long to run each failed procedure concretely, looking for a run
    /// that fails at the failing command (`CounterexampleSearch`); nil: no runs.
    public var counterexampleBudget: Duration?
    /// Whether loops written without an invariant get one inferred (false: `--no-infer`, the invariant is `emp`).
    public var infersInvariants: Bool
    /// How many threads prove at once (`--jobs`, decision 77): files, and the sync procedures of a
    /// file, in parallel; 1: one after the other. The output is the same either way.
    public var jobs: Int
    /// `--jobs` unless told otherwise: the cores this process may use.
    public static var defaultJobs: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public init(timeoutMilliseconds: UInt32 = defaultTimeout, dumpDirectory: String? = nil, counterexampleBudget: Duration? = nil,
                infersInvariants: Bool = true, jobs: Int = defaultJobs) {
      self.timeoutMilliseconds = timeoutMilliseconds
      self.dumpDirectory = dumpDirectory
      self.counterexampleBudget = counterexampleBudget
      self.infersInvariants = infersInvariants
      self.jobs = jobs
    }
  }

  /// One input file after `check`.
  public struct FileResult: Sendable {
    public var report: FileReport
    /// Every procedure's verdict, sync and async, in source order.
    public var procedures: [ProcedureVerdict]
    /// The async checker's report (solver queries and time), when the file has async procedures.
    public var async: AsyncReport?
    public var elapsed: Duration
    /// Whether the file got through the front end (so that its procedures were checked).
    public var wasChecked: Bool
    /// What inference found for each sync loop written without an invariant, in source order.
    public var inferences: [LoopInference] = []
  }

  /// What `hophop check` found in all files, and its exit status.
  public struct Result: Sendable {
    public var files: [FileResult]
    /// Z3 was needed and could not be loaded: the verdicts are not answers, and the command prints this instead.
    public var z3Failure: Z3Failure?
    public var report: Report { Report(files: files.map(\.report)) }

    public init(files: [FileResult], z3Failure: Z3Failure? = nil) {
      self.files = files
      self.z3Failure = z3Failure
    }

    /// 2 when Z3 was needed and could not be loaded, or a file could not be
    /// read, parsed or resolved, or has an ill-formed specification; else 1
    /// when something is not proved (invalid or unknown); else 0.
    public var exitStatus: ExitStatus {
      if z3Failure != nil { return .badInput }
      let inputErrors = files.contains { file in
        file.report.diagnostics.contains { $0.severity == .error && DiagnosticCode.inputErrors.contains($0.code) }
      }
      if inputErrors { return .badInput }
      let notProved = files.contains { file in file.procedures.contains { $0.outcome != .valid } }
      return report.hasErrors || notProved ? .failure : .success
    }
  }

  /// The files are checked on up to `options.jobs` threads, and so are the sync procedures of each
  /// (the jobs left over when there are fewer files than jobs); the results are in the order given.
  /// With `--dump-smt` the files go one at a time (they write into one directory, which the first creates).
  public static func check(_ paths: [String], options: Options = Options()) -> Result {
    let loaded = FrontEndSession.load(paths)
    let fileJobs = options.dumpDirectory == nil ? max(1, min(options.jobs, loaded.count)) : 1
    let procedureJobs = max(1, options.jobs / fileJobs)
    let files = ParallelMap.map(loaded, jobs: fileJobs, state: {}) { _, loaded in
      check(loaded, options: options, jobs: procedureJobs)
    }
    return Result(files: files, z3Failure: Z3Failure.current)
  }

  /// One file's verdicts, its sync procedures proved on up to `jobs` threads.
  private static func check(_ loaded: FrontEndSession.LoadedFile, options: Options, jobs: Int) -> FileResult {
    let clock = ContinuousClock()
    let start = clock.now
    guard let program = loaded.program else {
      return FileResult(report: loaded.report, procedures: [], async: nil, elapsed: .zero, wasChecked: false)
    }
    var report = loaded.report
    var procedures: [ProcedureVerdict] = []
    var asyncReport: AsyncReport?
    var inferences: [LoopInference] = []
    if SyncChecker.applies(to: program) {
      let checked = SyncChecker.check(program, jobs: jobs, inferringInvariants: options.infersInvariants)
      report.diagnostics += checked.diagnostics
      procedures += checked.procedures
      inferences = checked.inferences
    }
    if AsyncChecker.applies(to: program) {
      let checked = AsyncChecker.check(program, options: .init(timeoutMilliseconds: options.timeoutMilliseconds,
                                                               dumpQueries: options.dumpDirectory != nil))
      report.diagnostics += checked.diagnostics
      procedures += checked.procedures.map(\.verdict)
      if let directory = options.dumpDirectory {
        report.diagnostics += dump(checked.dumpedQueries, of: loaded.report.path, to: directory)
      }
      asyncReport = checked
    }
    report.diagnostics = report.diagnostics.sortedBySource()
    if let budget = options.counterexampleBudget, Z3Failure.current == nil {
      CounterexampleSearch.annotate(&report, program: program, budget: budget)
    }
    let order = Dictionary(program.declarations.enumerated().compactMap { index, declaration -> (String, Int)? in
      switch declaration {
      case .procedure(let p): (p.name.name, index)
      case .asyncProcedure(let p): (p.name.name, index)
      default: nil
      }
    }, uniquingKeysWith: { first, _ in first })
    procedures = procedures.enumerated().sorted { a, b in
      (order[a.element.name] ?? 0, a.offset) < (order[b.element.name] ?? 0, b.offset)
    }.map(\.element)
    return FileResult(report: report, procedures: procedures, async: asyncReport, elapsed: clock.now - start,
                      wasChecked: true, inferences: inferences)
  }

  /// Writes each query to `directory/<file stem>-<query>.smt2`; what could not be written is an
  /// error (HH001, like a file that cannot be read: the run did not do what was asked), the first one only.
  private static func dump(_ queries: [DumpedQuery], of path: String, to directory: String) -> [Diagnostic] {
    let stem = FileWriter.stem(of: path)
    func failure(_ target: String, _ problem: String) -> [Diagnostic] {
      [Diagnostic(code: .invalidInput, message: "--dump-smt: cannot write '\(target)': \(problem)", range: .point(0))]
    }
    if let problem = FileWriter.makeDirectories(directory) { return failure(directory, problem) }
    for query in queries {
      let file = (directory.hasSuffix("/") ? directory : directory + "/") + "\(stem)-\(query.name).smt2"
      let name = "\(stem)-\(query.name).smt2"
      if let problem = FileWriter.write(Array(query.script.utf8), to: file, fileName: name) { return failure(file, problem) }
    }
    return []
  }

  /// The text `hophop check` prints on standard output: a verdict per file and per procedure.
  public static func summary(_ result: Result) -> String {
    result.files.map(summary).joined()
  }

  /// One file's verdict line and a line per procedure; a file that could not be checked (unreadable,
  /// syntax or name errors) still gets its line, `file.hop: bad input`, so that no file goes unmentioned.
  public static func summary(_ file: FileResult) -> String {
    guard file.wasChecked else { return "\(file.report.path): bad input\n" }
    let procedures = file.procedures
    if procedures.isEmpty { return "\(file.report.path): no procedures to check\n" }
    var outcome = procedures.map(\.outcome).max() ?? .unknown
    if file.report.diagnostics.hasErrors && outcome == .valid { outcome = .invalid }
    // Written without `joined`: its first call costs about 0.1 ms of run-time type lookups,
    // a tenth of checking a small file (issue 27).
    let sync = procedures.filter { $0.layer == .sync }.count, async = procedures.count - sync
    let counts = sync > 0 && async > 0 ? "\(sync) sync, \(async) async" : sync > 0 ? "\(sync) sync" : "\(async) async"
    var header = "\(file.report.path): \(outcome.rawValue) (\(counts) procedure"
      + "\(procedures.count == 1 ? "" : "s")"
    if let queries = file.async?.queryCount { header += ", \(queries) solver \(queries == 1 ? "query" : "queries")" }
    header += ", \(file.elapsed.millisecondsText(decimals: 0)) ms)"
    let width = procedures.map(\.name.count).max() ?? 0
    let rows = procedures.map { procedure -> String in
      let failing = procedure.conditions.failing
      let text = procedure.layer == .sync || failing.isEmpty
        ? procedure.outcome.rawValue : failing.map { "\($0.outcome.rawValue): \($0.description)" }.joined(separator: "; ")
      let time = procedure.layer == .sync ? "  \(procedure.elapsed.millisecondsText(decimals: 1)) ms" : ""
      let padding = String(repeating: " ", count: width - procedure.name.count)
      return "  \(procedure.name)\(padding)  \(text)\(time)"
    }
    var text = header + "\n"
    for row in rows { text += row + "\n" }
    return text
  }
}

extension DiagnosticCode {
  /// The codes that mean the input itself is bad (exit 2): it cannot be read,
  /// lexed, parsed or resolved, or a specification is ill-formed. Every other
  /// error is a verdict (exit 1). The stages' catalogs say which (`badInput`).
  public static let inputErrors: Set<DiagnosticCode> = DiagnosticCatalog.all.reduce(into: []) { $0.formUnion($1.badInput) }
}
