import HopChecker
import HopLogic
import HopSyntax

/// `hophop explain FILE` as a library call: the proof of each sync procedure
/// printed as its source with the symbolic state after each command as `//`
/// comments, as the Heap-Hop slides show a proof. The states are those the
/// checker recorded while proving; nothing is executed again.
public enum ExplainSession {
  public struct Options: Sendable {
    /// Only this procedure (every sync procedure, in source order, when nil).
    public var procedure: String?
    /// At most this many cases are printed after a command.
    public var cases: Int
    /// Comment lines are wrapped at this many columns.
    public var width: Int

    /// The failing command and its diagnostic in red (on a terminal); `>>` marks it either way.
    public var color: Bool
    /// Only the spatial part of each state and the facts about live program variables (`--brief`).
    public var brief: Bool
    /// Only this line of the procedures that contain it, with its states (`--line N`);
    /// for a picture (`--format dot|svg|png`), the line whose state is drawn.
    public var line: Int?
    /// Whether loops written without an invariant get one inferred (false: `--no-infer`, it is `emp`).
    public var infersInvariants = true

    public init(procedure: String? = nil, cases: Int = 4, width: Int = 80, color: Bool = false, brief: Bool = false,
                line: Int? = nil) {
      self.procedure = procedure
      self.cases = max(1, cases)
      self.width = max(40, width)
      self.color = color
      self.brief = brief
      self.line = line
    }
  }

  public struct Result: Sendable {
    public var report: FileReport
    /// The annotated program, when the file could be checked.
    public var text: String?
    /// The proofs behind `text` (for `--format json`).
    public var traces: [ProofTrace]
    public var exitStatus: ExitStatus
    /// Z3 was needed and could not be loaded: the proofs are not answers, and the command prints this instead.
    public var z3Failure: Z3Failure?
    /// The diagnostics `text` shows under their command (each procedure's error).
    public var shownInText: [Diagnostic] = []
    /// Each trace's names as `text` left them, for the same names in `--format json`.
    var names: [StateNames] = []
    var options = Options()

    /// The report for standard error. When standard output and standard error are one terminal
    /// (`sameTerminal`), a diagnostic the text shows under its command is not repeated there.
    public func standardErrorReport(sameTerminal: Bool) -> FileReport {
      guard sameTerminal, text != nil else { return report }
      var report = report
      report.diagnostics.removeAll { shownInText.contains($0) }
      return report
    }
  }

  public static func explain(path: String, options: Options = Options()) -> Result {
    let loaded = FrontEndSession.load([path]).first
    guard let loaded, let program = loaded.program, let source = loaded.report.source else {
      let report = loaded?.report ?? FileReport(path: path, source: nil, diagnostics: [])
      return Result(report: report, text: nil, traces: [], exitStatus: .badInput)
    }
    var report = loaded.report
    if let asyncOnly = explainAsyncOnly(program, path: path) { return asyncOnly }
    let checked = SyncChecker.check(program, recordingTraces: true, inferringInvariants: options.infersInvariants)
    var traces = checked.traces
    if let name = options.procedure {
      traces = traces.filter { $0.procedure.name.name == name }
      if traces.isEmpty {
        NameOnCommandLine.notFound(name, message: "no sync procedure named '\(name)' to explain", kind: "sync procedures",
                                   known: checked.traces.map(\.procedure.name.name), in: &report)
        if isAsync(name, in: program) {
          report.diagnostics[report.diagnostics.count - 1].notes.insert(
            .init("'\(name)' is async: 'hophop check \(path)' proves it"), at: 0)
        }
        return Result(report: report, text: nil, traces: [], exitStatus: .badInput)
      }
    }
    if let line = options.line {
      let candidates = traces
      traces = traces.filter { $0.contains(line: line, in: source) }
      if traces.isEmpty {
        // Said of the command line, so no source line is shown under it (as for an unknown --proc).
        let spans = candidates.map { "'\($0.procedure.name.name)' (lines \($0.lineSpan(in: source)))" }
        let place = options.procedure.map { "'\($0)'" } ?? "a sync procedure"
        report.source = nil
        report.diagnostics.append(Diagnostic(
          code: .undeclaredName, message: "line \(line) is not in \(place)", range: .point(0),
          notes: [.init(spans.isEmpty ? "the file has no sync procedure" : "the procedures are " + spans.joined(separator: ", "))]))
        return Result(report: report, text: nil, traces: [], exitStatus: .badInput)
      }
    }
    report.diagnostics += traces.flatMap(\.diagnostics)
    report.diagnostics = report.diagnostics.sortedBySource()
    let rendered = traces.map { ProofText(trace: $0, source: source, options: options).render() }
    let text = rendered.map(\.text).joined(separator: "\n")
    let failed = traces.contains { $0.verdict.outcome != .valid }
    let z3Failure = Z3Failure.current
    let shown = traces.compactMap { $0.diagnostics.first { $0.severity == .error } }
    return Result(report: report, text: text.isEmpty ? "no sync procedures to explain\n" : text, traces: traces,
                  exitStatus: z3Failure != nil ? .badInput : failed ? .failure : .success, z3Failure: z3Failure,
                  shownInText: shown, names: rendered.map(\.names), options: options)
  }
}
