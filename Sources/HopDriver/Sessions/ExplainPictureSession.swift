import HopChecker
import HopSyntax

/// `hophop explain FILE --format dot|svg|png|html` as a library call: the
/// states `ExplainSession` recorded, drawn (`HeapPicture`) instead of
/// printed. One state for a picture (`--line N`, else the last one shown),
/// every state of every procedure for the page. Loading, checking and the
/// `--proc` filter are `ExplainSession`'s, so both read the same proof.
public enum ExplainPictureSession {
  /// The DOT text of one state, or why there is none.
  public struct Picture: Sendable {
    public var report: FileReport
    public var dot: String?
    /// What to pass instead, for `hophop: error: ...` (exit 2), when no state could be chosen.
    public var problem: String?
    /// As `explain`: 0 when the procedure drawn is valid, 1 when not, 2 for bad input.
    public var exitStatus: ExitStatus
    public var z3Failure: Z3Failure?
  }

  /// The HTML page, or why there is none.
  public struct Page: Sendable {
    public var report: FileReport
    public var html: String?
    public var problem: String?
    /// `dot` was missing, failed or took too long (exit 2, the message `contract` prints).
    public var graphvizFailure: GraphvizRenderer.Failure?
    public var exitStatus: ExitStatus
    public var z3Failure: Z3Failure?
  }

  /// The state after `options.line` of `options.procedure` (the procedure is the one containing the
  /// line when only the line is given) as DOT.
  public static func picture(path: String, options: ExplainSession.Options) -> Picture {
    let explained = ExplainSession.explain(path: path, options: options)
    func failed(_ problem: String) -> Picture {
      Picture(report: explained.report, dot: nil, problem: problem, exitStatus: .badInput, z3Failure: nil)
    }
    guard let source = explained.report.source, explained.text != nil, explained.z3Failure == nil else {
      return Picture(report: explained.report, dot: nil, problem: nil, exitStatus: explained.exitStatus,
                     z3Failure: explained.z3Failure)
    }
    let file = explained.report.path
    let traces = explained.traces
    if traces.isEmpty { return failed(noSyncProcedures(file)) }
    // With --line, ExplainSession kept the procedures that contain it (and refused a line in none).
    guard traces.count == 1, let trace = traces.first else {
      let names = traces.map(\.procedure.name.name)
      return failed("\(file) has \(names.count) sync procedures (\(names.joined(separator: ", "))); a picture shows one "
                    + "state: pass --proc NAME and --line N (or --format html for every state of every procedure)")
    }
    let line = options.line ?? trace.defaultLine(in: source)
    guard let slide = trace.slide(atLine: line, in: source) else {
      return failed(noState(after: line, in: trace, source: source))
    }
    let dot = HeapPicture.dot(slide.states, title: slide.heading)
    let status: ExitStatus = trace.verdict.outcome == .valid ? .success : .failure
    return Picture(report: explained.report, dot: dot, problem: nil, exitStatus: status, z3Failure: nil)
  }

  /// Every state of every procedure explained (or only `options.procedure`) on one self-contained HTML page,
  /// each with its picture rendered by `program` (Graphviz's `dot`).
  public static func page(path: String, options: ExplainSession.Options,
                          timeoutSeconds: Int = GraphvizRenderer.defaultTimeoutSeconds, program: String = "dot") -> Page {
    let explained = ExplainSession.explain(path: path, options: options)
    guard let source = explained.report.source, explained.text != nil, explained.z3Failure == nil else {
      return Page(report: explained.report, html: nil, problem: nil, exitStatus: explained.exitStatus,
                  z3Failure: explained.z3Failure)
    }
    if explained.traces.isEmpty {
      return Page(report: explained.report, html: nil, problem: noSyncProcedures(explained.report.path),
                  exitStatus: .badInput)
    }
    let procedures = explained.traces.map { trace in
      ExplainHTMLRenderer.Procedure(trace: trace, slides: trace.slides(in: source))
    }
    var graphs: [String] = []
    for (index, slide) in procedures.flatMap(\.slides).enumerated() {
      graphs.append(HeapPicture.dot(slide.states, id: "picture\(index + 1)"))
    }
    switch GraphvizRenderer.renderSVGs(graphs, timeoutSeconds: timeoutSeconds, program: program) {
    case .failure(let failure):
      return Page(report: explained.report, html: nil, graphvizFailure: failure, exitStatus: .badInput)
    case .success(let pictures):
      let html = ExplainHTMLRenderer(source: source, procedures: procedures, pictures: pictures).render()
      return Page(report: explained.report, html: html, exitStatus: explained.exitStatus)
    }
  }

  /// Why a checkable file has nothing to draw, and what to run instead.
  private static func noSyncProcedures(_ file: String) -> String {
    let declarations = FrontEndSession.load([file]).first?.program?.declarations ?? []
    let isAsync = declarations.contains { if case .asyncProcedure = $0 { true } else { false } }
    let contract = declarations.lazy.compactMap { if case .contract(let contract) = $0 { contract.name.name } else { nil } }.first
    let instead = isAsync ? "an asynchronous program is checked by 'hophop check \(file)'"
      : contract.map { "its contracts are drawn by 'hophop contract \(file) \($0) --format svg'" } ?? "there is nothing to draw"
    return "\(file) has no sync procedures, and only their proofs are recorded as states to draw; " + instead
  }

  /// Why line `line` has no state, and the lines that have one.
  private static func noState(after line: Int, in trace: ProofTrace, source: SourceFile) -> String {
    let name = trace.procedure.name.name
    let lines = trace.linesWithStates(in: source).map(String.init).joined(separator: ", ")
    var reason = "no state after line \(line) in '\(name)'"
    if !trace.contains(line: line, in: source) {
      reason += " (the procedure is lines \(trace.lineSpan(in: source)))"
    } else if let failure = trace.failure, source.location(of: failure.range.start).line == line {
      reason += ": the command there fails (\(failure.code)), so nothing follows it"
    }
    return reason + "; states follow lines \(lines)"
  }
}
