import HopChecker
import HopLogic
import HopSyntax

/// One state of a procedure's proof that a picture can show: the
/// precondition's cases or the states after one command, with where it is.
///
/// `hophop explain --line N` picks one of these and the HTML page shows them
/// all, one per command, so both read the recorded trace the same way.
public struct TraceSlide: Sendable {
  public var procedure: String
  /// The command the states follow (the procedure's header for the precondition).
  public var range: SourceRange
  /// The line the states are printed after in `hophop explain`'s text.
  public var line: Int
  /// `pre`, `after the loop`, ... or nil for "after this command".
  public var title: String?
  public var states: [SymbolicHeap]
  /// The proof's remarks on this command (contract steps, frames, invariants).
  public var notes: [String]

  /// A heading: `put, line 9` or `put, line 3 (pre)`.
  public var heading: String {
    "\(procedure), line \(line)" + (title.map { " (\($0))" } ?? "")
  }
}

extension ProofTrace {
  /// The precondition, then the states after each command in the order a reader meets them: a
  /// command's states after those of the commands inside it (a loop's body, then "after the loop").
  func slides(in source: SourceFile) -> [TraceSlide] {
    let name = procedure.name.name
    let header = source.location(of: procedure.range.start).line
    var slides = [TraceSlide(procedure: name, range: procedure.range, line: header, title: "pre", states: entry,
                             notes: [])]
    let ordered = steps.sorted { ($0.range.end, -$0.range.start) < ($1.range.end, -$1.range.start) }
    let failing = failure.map { (source.location(of: $0.range.start).line,
                                 source.location(of: max($0.range.start, $0.range.end - 1)).line) }
    for step in ordered {
      let end = source.location(of: max(step.range.start, step.range.end - 1))
      // As the text: nothing on the failing command's line nor past it, but a failing loop's body.
      if let (line, last) = failing, end.line == line || (end.line > line && end.line >= last) { continue }
      let remarks = notes.filter { $0.range == step.range }.map(\.text)
      slides.append(TraceSlide(procedure: name, range: step.range, line: end.line, title: step.title,
                               states: step.states, notes: remarks))
    }
    return slides
  }

  /// The slide `hophop explain` prints after line `line`: the precondition on the header's line,
  /// else the command that ends last on it (the outermost at a tie), as the text does; nil when no
  /// states follow that line (not a command's last line, past a failing command, or `} else {`).
  func slide(atLine line: Int, in source: SourceFile) -> TraceSlide? {
    Self.slide(atLine: line, among: slides(in: source), in: source)
  }

  private static func slide(atLine line: Int, among slides: [TraceSlide], in source: SourceFile) -> TraceSlide? {
    let candidates = slides.filter { slide in
      guard slide.line == line else { return false }
      if slide.title == "pre" { return true }
      // Not after `} else {`: the states would read as the else branch's.
      let end = source.location(of: max(slide.range.start, slide.range.end - 1))
      return !source.lineText(line).utf8.dropFirst(end.column).contains(UInt8(ascii: "{"))
    }
    return candidates.first { $0.title == "pre" }
      ?? candidates.max { ($0.range.end, -$0.range.start) < ($1.range.end, -$1.range.start) }
  }

  /// The lines after which a state can be drawn, in order.
  func linesWithStates(in source: SourceFile) -> [Int] {
    let all = slides(in: source)
    return Set(all.map(\.line)).sorted().filter { Self.slide(atLine: $0, among: all, in: source) != nil }
  }

  /// Where a picture starts when no line is given: the last state shown, which for a failing proof is
  /// the one that leads to the error (before the failing command, or the end of a failing loop's body).
  func defaultLine(in source: SourceFile) -> Int {
    linesWithStates(in: source).last ?? source.location(of: procedure.range.start).line
  }

  /// The error that stopped the proof, if any.
  var failure: Diagnostic? { diagnostics.first { $0.severity == .error } }

  /// Whether `line` lies within the procedure's text.
  func contains(line: Int, in source: SourceFile) -> Bool { lines(in: source).contains(line) }

  /// The lines of the procedure, first to last.
  func lines(in source: SourceFile) -> ClosedRange<Int> {
    source.location(of: procedure.range.start).line...source.location(of: max(procedure.range.start, procedure.range.end - 1)).line
  }

  /// `18-27`: the procedure's lines as a message names them.
  func lineSpan(in source: SourceFile) -> String { "\(lines(in: source).lowerBound)-\(lines(in: source).upperBound)" }
}
