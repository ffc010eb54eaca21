import HopChecker
import HopLogic
import HopSyntax

/// One procedure's proof as annotated source text: each line of the
/// procedure, then as `//` comments the remarks about the commands that end
/// on it and the states after each of them. One `StateNames` letters the
/// whole proof, so `_a` is one value in every state; `LiveVariables` says
/// which facts are still worth showing after each command.
struct ProofText {
  let trace: ProofTrace
  let source: SourceFile
  let options: ExplainSession.Options

  /// What is printed under a line, in the order of the commands it is about.
  private enum Event {
    case remarks([TraceNote])
    case state(TraceStep, labelled: Bool)
  }

  /// The text, and the proof's names as it left them (`--format json` names the same values the same way).
  func render() -> (text: String, names: StateNames) {
    var names = StateNames(for: trace.entry + trace.steps.flatMap(\.states) + trace.notes.flatMap(\.formulas))
    let live = self.live
    let procedure = trace.procedure
    let first = source.location(of: procedure.range.start).line
    let last = source.location(of: max(procedure.range.start, procedure.range.end - 1)).line
    let bodyLine = procedure.body.first.map { source.location(of: $0.range.start).line } ?? last
    let events = self.events()
    let failure = trace.diagnostics.first { $0.severity == .error }
    let failingLine = failure.map { source.location(of: $0.range.start).line }
    let failingEnd = failure.map { source.location(of: max($0.range.start, $0.range.end - 1)).line }
    let shown = options.line.map { $0...$0 } ?? first...last
    var lines: [String] = ["// \(procedure.name.name): \(trace.verdict.outcome.rawValue)"]
    for number in first...last where shown.contains(number) {
      let text = source.lineText(number)
      let indent = String(text.prefix { $0 == " " || $0 == "\t" })
      lines.append(number == failingLine ? red(">> " + text) : "   " + text)
      if number == first {
        let bodyIndent = String(source.lineText(bodyLine).prefix { $0 == " " || $0 == "\t" })
        lines += comment(trace.entry, focus: focus(live.deadAtEntry), indent: bodyLine == first ? indent + "  " : bodyIndent,
                         title: "pre", names: &names)
      }
      // Past the failing command nothing is reached; inside a failing loop or region, the states
      // of its body lead to the error, so they are shown. On the failing line, what comes before it.
      if let failingLine, let failingEnd, number > failingLine && number >= failingEnd { continue }
      for event in events[number] ?? [] {
        if let failure, number == failingLine, end(of: event) > failure.range.start { continue }
        switch event {
        case .remarks(let group):
          // At the indentation of the command's first line (a loop's header may span several).
          let first = source.lineText(source.location(of: group[0].range.start).line)
          let indent = String(first.prefix { $0 == " " || $0 == "\t" })
          for note in group.prefix(options.cases) { lines += wrap(remark(note, names: &names), indent: indent) }
          if group.count > options.cases { lines += wrap(words("... and \(group.count - options.cases) more"), indent: indent) }
        case .state(let step, let labelled):
          let title = step.title ?? (labelled ? "after \(command(step.range))" : nil)
          lines += comment(step.states, focus: focus(live.dead(after: step.range.start)), indent: indent, title: title,
                           names: &names)
        }
      }
      if let failure, number == failingLine {
        lines += wrap(words("error: \(failure.message) [\(failure.code)]"), indent: indent).map(red)
        for note in failure.notes { lines += wrap(sentence("note: \(note.message)"), indent: indent) }
      }
    }
    return (lines.joined(separator: "\n") + "\n", names)
  }

  /// Which variables are live after each command, for what a state shows.
  var live: LiveVariables { LiveVariables(trace.procedure) }

  /// The remarks and states under each line: for each command that ends on it, its remarks, then its states.
  private func events() -> [Int: [Event]] {
    // Of the steps that end at one place, the outermost; none that an `else` follows (its
    // states would read as the else branch's); none that repeats the states of the one inside it.
    var outermost: [Int: TraceStep] = [:]
    for step in trace.steps where !followedByElse(step.range) {
      if let known = outermost[step.range.end], known.range.start <= step.range.start { continue }
      outermost[step.range.end] = step
    }
    var byLine: [Int: [(key: (Int, Int), event: Event)]] = [:]
    var previous: TraceStep?
    var steps: [TraceStep] = []
    for step in outermost.values.sorted(by: { ($0.range.end, -$0.range.start) < ($1.range.end, -$1.range.start) }) {
      defer { previous = step }
      if let previous, previous.states == step.states, step.range.start <= previous.range.start, step.title == nil,
         line(ending: previous.range) == line(ending: step.range) { continue }
      steps.append(step)
    }
    let perLine = Dictionary(grouping: steps, by: { line(ending: $0.range) })
    for step in steps {
      let line = line(ending: step.range)
      byLine[line, default: []].append(((step.range.end, 1), .state(step, labelled: perLine[line]!.count > 1)))
    }
    // The remarks about one command together, in the order the proof made them, under the line of their anchor.
    var groups: [String: (line: Int, notes: [TraceNote])] = [:]
    var order: [String] = []
    for note in trace.notes {
      let key = "\(note.range.start)-\(note.range.end)-\(note.anchor)"
      if groups[key] == nil { order.append(key) }
      groups[key, default: (source.location(of: note.anchor).line, [])].notes.append(note)
    }
    for key in order {
      let (line, notes) = groups[key]!
      // A remark under a loop's header comes before everything; the others just before their command's states.
      let at = notes[0].anchor < notes[0].range.end - 1 ? notes[0].anchor : notes[0].range.end
      byLine[line, default: []].append(((at, 0), .remarks(notes)))
    }
    // Stable: in one place, the remarks first, each kind in the order it was added.
    return byLine.mapValues { events in
      events.enumerated().sorted { ($0.element.key.0, $0.element.key.1, $0.offset) < ($1.element.key.0, $1.element.key.1, $1.offset) }
        .map(\.element.event)
    }
  }

  private func end(of event: Event) -> Int {
    switch event {
    case .remarks(let notes): notes[0].range.end
    case .state(let step, _): step.range.end
    }
  }

  private func line(ending range: SourceRange) -> Int { source.location(of: max(range.start, range.end - 1)).line }

  /// Whether `else` follows the command on its line (the end of a then-branch).
  private func followedByElse(_ range: SourceRange) -> Bool {
    let end = source.location(of: max(range.start, range.end - 1))
    let rest = source.lineText(end.line).utf8.dropFirst(end.column)
    return String(decoding: rest, as: UTF8.self).drop { $0 == " " || $0 == "\t" }.hasPrefix("else")
  }

  /// A command as a title names it: its text on one line, shortened when long.
  private func command(_ range: SourceRange) -> String {
    var text = source.text(of: range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    if text.hasSuffix(";") { text.removeLast() }
    // A compound command by its header: `with buf when (c == NULL)`, `if (x == NULL)`.
    if let brace = text.firstRange(of: " {") { text = String(text[..<brace.lowerBound]) }
    return text.count > 32 ? String(text.prefix(29)) + "..." : text
  }

  func focus(_ dead: Set<Variable>) -> StateFocus { StateFocus(dead: dead, brief: options.brief) }

  /// The line in red when colour is on (the reset before the line's end).
  private func red(_ line: String) -> String { options.color ? "\u{1B}[1;31m\(line)\u{1B}[0m" : line }

  /// The cases as comment lines: one case plain, several numbered, at most `options.cases`.
  private func comment(_ states: [SymbolicHeap], focus: StateFocus, indent: String, title: String?,
                       names: inout StateNames) -> [String] {
    let prefix = title.map { "\($0): " } ?? ""
    if states.isEmpty { return wrap(words(prefix + "(not reached)"), indent: indent) }
    if states.count == 1 {
      return wrap(words(prefix) + formula(StateDisplay.parts(states[0], names: &names, focus: focus)), indent: indent)
    }
    var lines: [String] = []
    for (index, state) in states.prefix(options.cases).enumerated() {
      let parts = StateDisplay.parts(state, names: &names, focus: focus)
      lines += wrap(words("\(prefix)\(index + 1): ") + formula(parts), indent: indent)
    }
    if states.count > options.cases {
      lines += wrap(words("... and \(states.count - options.cases) more cases"), indent: indent)
    }
    return lines
  }

  // MARK: Wrapping

  /// A piece of a comment that is never broken, and what separates it from the piece before on one line.
  private struct Piece {
    var text: String
    var separator = " "
  }

  /// Prose: each word a piece (trailing spaces glue the next piece on, as after a title's colon).
  private func words(_ text: String) -> [Piece] {
    text.split(separator: " ").map { Piece(text: String($0)) }
  }

  /// A formula's atoms, each a piece: `*` starts a continued one.
  private func formula(_ parts: [String]) -> [Piece] {
    parts.enumerated().map { index, part in Piece(text: index == 0 ? part : "* " + part) }
  }

  /// A remark: its words, then its formulas (alternatives joined by `or`), their atoms whole.
  private func remark(_ note: TraceNote, names: inout StateNames) -> [Piece] {
    var pieces = words(note.label)
    for (index, heap) in note.formulas.enumerated() {
      var atoms = formula(StateDisplay.parts(heap, names: &names))
      if index == 0 {
        let glue = note.separator.filter { $0 != " " }
        if pieces.isEmpty || glue.isEmpty {
          pieces += atoms
          continue
        }
        if note.separator.hasPrefix(" ") { pieces.append(Piece(text: glue)) } else { pieces[pieces.count - 1].text += glue }
      } else {
        atoms[0].text = "or  " + atoms[0].text
        atoms[0].separator = "  "
      }
      pieces += atoms
    }
    return pieces
  }

  /// A diagnostic's note, which is text (`note: state: A * B`, `note: needed: A, which ...`): its words up to
  /// the formula, then each `*`-separated atom whole, then the words after `, which`.
  private func sentence(_ text: String) -> [Piece] {
    var chunks = text.split(separator: " * ", omittingEmptySubsequences: false).map(String.init)
    var tail: [Piece] = []
    if let which = chunks[chunks.count - 1].firstRange(of: ", which ") {
      let last = chunks[chunks.count - 1]
      tail = words(String(last[which.lowerBound...].dropFirst()))
      chunks[chunks.count - 1] = String(last[..<which.lowerBound]) + ","
    }
    // The words before the formula end at the last `: ` before its first cell (or, with none, the last `: `).
    let first = chunks[0]
    let before = first.firstRange(of: "|->").map { first[..<$0.lowerBound] } ?? first[...]
    guard let colon = before.ranges(of: ": ").last else {
      return words(chunks.joined(separator: " * ")) + tail
    }
    var pieces = words(String(first[..<colon.upperBound]))
    chunks[0] = String(first[colon.upperBound...])
    pieces += formula(chunks)
    return pieces + tail
  }

  /// `// pieces`, wrapped at `options.width` columns between pieces (a piece longer than a line has one to itself).
  private func wrap(_ pieces: [Piece], indent: String) -> [String] {
    let head = "   " + indent + "// "
    var lines: [String] = []
    var current = ""
    for piece in pieces {
      if current.isEmpty {
        current = piece.text
      } else if (head + current + piece.separator + piece.text).count <= options.width {
        current += piece.separator + piece.text
      } else {
        lines.append(head + current)
        current = "   " + piece.text
      }
    }
    lines.append(head + current)
    return lines
  }
}
