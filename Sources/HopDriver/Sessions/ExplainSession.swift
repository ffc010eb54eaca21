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
    /// Whether loops written without an invariant get one inferred (false: `--no-infer`, it is `emp`).
    public var infersInvariants = true

    public init(procedure: String? = nil, cases: Int = 4, width: Int = 80, color: Bool = false) {
      self.procedure = procedure
      self.cases = max(1, cases)
      self.width = max(40, width)
      self.color = color
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
  }

  public static func explain(path: String, options: Options = Options()) -> Result {
    let loaded = FrontEndSession.load([path]).first
    guard let loaded, let program = loaded.program, let source = loaded.report.source else {
      let report = loaded?.report ?? FileReport(path: path, source: nil, diagnostics: [])
      return Result(report: report, text: nil, traces: [], exitStatus: .badInput)
    }
    var report = loaded.report
    let checked = SyncChecker.check(program, recordingTraces: true, inferringInvariants: options.infersInvariants)
    var traces = checked.traces
    if let name = options.procedure {
      traces = traces.filter { $0.procedure.name.name == name }
      if traces.isEmpty {
        report.diagnostics.append(Diagnostic(code: .undeclaredName, message: "no sync procedure named '\(name)' to explain",
                                             range: .point(0)))
        return Result(report: report, text: nil, traces: [], exitStatus: .badInput)
      }
    }
    report.diagnostics += traces.flatMap(\.diagnostics)
    report.diagnostics = report.diagnostics.sortedBySource()
    let text = traces.map { ProofText(trace: $0, source: source, options: options).render() }.joined(separator: "\n")
    let failed = traces.contains { $0.verdict.outcome != .valid }
    let z3Failure = Z3Failure.current
    return Result(report: report, text: text.isEmpty ? "no sync procedures to explain\n" : text, traces: traces,
                  exitStatus: z3Failure != nil ? .badInput : failed ? .failure : .success, z3Failure: z3Failure)
  }
}

/// One procedure's proof as annotated source text.
struct ProofText {
  let trace: ProofTrace
  let source: SourceFile
  let options: ExplainSession.Options

  func render() -> String {
    let procedure = trace.procedure
    let first = source.location(of: procedure.range.start).line
    let last = source.location(of: max(procedure.range.start, procedure.range.end - 1)).line
    let bodyLine = procedure.body.first.map { source.location(of: $0.range.start).line } ?? last
    // The states to print after each line: the command that ends last on it (the outermost at a tie).
    var after: [Int: TraceStep] = [:]
    for step in trace.steps {
      let end = source.location(of: max(step.range.start, step.range.end - 1))
      let line = end.line
      // Not after `} else {`: the states would read as the else branch's.
      if source.lineText(line).utf8.dropFirst(end.column).contains(UInt8(ascii: "{")) { continue }
      if let known = after[line], (known.range.end, -known.range.start) >= (step.range.end, -step.range.start) { continue }
      after[line] = step
    }
    // The remarks under the line of their anchor, each command's together, in the order the proof made them.
    var remarks: [Int: [[TraceNote]]] = [:]
    var groups: [String: Int] = [:]
    for note in trace.notes {
      let line = source.location(of: note.anchor).line
      let key = "\(note.range.start)-\(note.range.end)-\(note.anchor)"
      if let index = groups[key] {
        remarks[line]![index].append(note)
      } else {
        groups[key] = remarks[line, default: []].count
        remarks[line, default: []].append([note])
      }
    }
    let failure = trace.diagnostics.first { $0.severity == .error }
    let failingLine = failure.map { source.location(of: $0.range.start).line }
    let failingEnd = failure.map { source.location(of: max($0.range.start, $0.range.end - 1)).line }
    var lines: [String] = ["// \(procedure.name.name): \(trace.verdict.outcome.rawValue)"]
    for number in first...last {
      let text = source.lineText(number)
      let indent = String(text.prefix { $0 == " " || $0 == "\t" })
      lines.append(number == failingLine ? red(">> " + text) : "   " + text)
      if number == first {
        let bodyIndent = String(source.lineText(bodyLine).prefix { $0 == " " || $0 == "\t" })
        lines += comment(trace.entry, indent: bodyLine == first ? indent + "  " : bodyIndent, title: "pre")
      }
      if let failure, number == failingLine {
        lines += wrap("error: \(failure.message) [\(failure.code)]", indent: indent).map(red)
        for note in failure.notes { lines += wrap("note: \(note.message)", indent: indent) }
        continue
      }
      // Past the failing command nothing is reached; inside a failing loop or region, the states
      // of its body lead to the error, so they are shown.
      if let failingLine, let failingEnd, number > failingLine && number >= failingEnd { continue }
      for group in remarks[number] ?? [] {
        // At the indentation of the command's first line (a loop's header may span several).
        let first = source.lineText(source.location(of: group[0].range.start).line)
        let indent = String(first.prefix { $0 == " " || $0 == "\t" })
        for note in group.prefix(options.cases) { lines += wrap(note.text, indent: indent) }
        if group.count > options.cases { lines += wrap("... and \(group.count - options.cases) more", indent: indent) }
      }
      if let step = after[number] {
        lines += comment(step.states, indent: indent, title: step.title)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The line in red when colour is on (the reset before the line's end).
  private func red(_ line: String) -> String { options.color ? "\u{1B}[1;31m\(line)\u{1B}[0m" : line }

  /// The cases as comment lines: one case plain, several numbered, at most `options.cases`.
  private func comment(_ states: [SymbolicHeap], indent: String, title: String?) -> [String] {
    let texts = states.map(StateDisplay.text)
    let prefix = title.map { "\($0): " } ?? ""
    if texts.isEmpty { return wrap(prefix + "(not reached)", indent: indent) }
    if texts.count == 1 { return wrap(prefix + texts[0], indent: indent) }
    var lines: [String] = []
    for (index, text) in texts.prefix(options.cases).enumerated() {
      lines += wrap("\(prefix)\(index + 1): \(text)", indent: indent)
    }
    if texts.count > options.cases { lines += wrap("... and \(texts.count - options.cases) more cases", indent: indent) }
    return lines
  }

  /// `// text`, wrapped at `options.width` columns, preferably before a ` * `, else at a space.
  private func wrap(_ text: String, indent: String) -> [String] {
    let head = "   " + indent + "// "
    var lines: [String] = []
    var current = ""
    func fits(_ candidate: String) -> Bool { (head + candidate).count <= options.width }
    func add(_ piece: String, separator: String) {
      if current.isEmpty || fits(current + separator + piece) {
        current = current.isEmpty ? piece : current + separator + piece
      } else {
        lines.append(head + current)
        current = "   " + piece
      }
    }
    for (index, chunk) in text.components(separatedBy: " * ").enumerated() {
      let piece = index == 0 ? chunk : "* " + chunk
      if fits("   " + piece) {
        add(piece, separator: " ")
      } else {
        for word in piece.split(separator: " ", omittingEmptySubsequences: false) { add(String(word), separator: " ") }
      }
    }
    lines.append(head + current)
    return lines
  }
}
