import HopChecker
import HopContracts
import HopLogic
import HopSyntax

/// `hophop explain FILE --format html`: one self-contained page for a lecture
/// or a handout. Each state of the proof is a step: the procedure's source
/// with the command marked, the state's cases as text, the proof's remarks,
/// and the state's picture as inline SVG. Nothing is fetched: the style and
/// the script are in the page. With no JavaScript every step is shown, one
/// after another; the script only shows one step at a time and steps with
/// the keyboard (→ ← and j k, Home, End) and a `#step-N` fragment.
struct ExplainHTMLRenderer {
  /// One procedure's steps, in the order the page shows them.
  struct Procedure: Sendable {
    var trace: ProofTrace
    var slides: [TraceSlide]
  }

  let source: SourceFile
  let procedures: [Procedure]
  /// One `<svg>` per slide, in page order.
  let pictures: [String]

  func render() -> String {
    var sections: [String] = []
    var pictureIndex = 0
    let total = procedures.reduce(0) { $0 + $1.slides.count + ($1.trace.failure == nil ? 0 : 1) }
    for procedure in procedures {
      for slide in procedure.slides {
        let picture = pictures[pictureIndex]
        pictureIndex += 1
        sections.append(section(number: sections.count + 1, of: total, procedure: procedure, slide: slide,
                                picture: picture))
      }
      if let failure = procedure.trace.failure {
        sections.append(errorSection(number: sections.count + 1, of: total, procedure: procedure, failure: failure))
      }
    }
    let verdicts = procedures.map { "<li><code>\(escape($0.trace.procedure.name.name))</code>: "
      + "\(escape($0.trace.verdict.outcome.rawValue))</li>" }.joined()
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>hophop explain: \(escape(source.path))</title>
      <style>
      \(Self.style)
      </style>
      </head>
      <body>
      <header>
      <h1>hophop explain <code>\(escape(source.path))</code></h1>
      <ul class="verdicts">\(verdicts)</ul>
      <p class="help">Each step is a command with the symbolic state after it, as text and as a picture.
      <span class="keys">Next: <kbd>→</kbd> or <kbd>j</kbd>; previous: <kbd>←</kbd> or <kbd>k</kbd>; first and last: \
      <kbd>Home</kbd> <kbd>End</kbd>.</span></p>
      <nav id="position" aria-live="polite"></nav>
      </header>
      <main>
      \(sections.joined(separator: "\n"))
      </main>
      <script>
      \(Self.script)
      </script>
      </body>
      </html>

      """
  }

  private func section(number: Int, of total: Int, procedure: Procedure, slide: TraceSlide, picture: String) -> String {
    let texts = slide.states.map(StateDisplay.text)
    let cases: String
    if texts.isEmpty {
      cases = "<p class=\"states\">(not reached)</p>"
    } else if texts.count == 1 {
      cases = "<p class=\"states\"><code>\(escape(texts[0]))</code></p>"
    } else {
      cases = "<ol class=\"states\">" + texts.map { "<li><code>\(escape($0))</code></li>" }.joined() + "</ol>"
    }
    let remarks = slide.notes.isEmpty ? ""
      : "<ul class=\"remarks\">" + slide.notes.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
    let marked = slide.title == "pre" ? headerRange(procedure) : slide.range
    let what = slide.title == "pre" ? "the precondition" : slide.title.map { "\($0)" } ?? "the state after the command"
    return """
      <section class="step" id="step-\(number)">
      <h2>\(escape(procedure.trace.procedure.name.name)), line \(slide.line): \(escape(what)) \
      <span class="count">step \(number) of \(total)</span></h2>
      <div class="columns">
      \(program(procedure, marking: marked))
      <div class="state">\(cases)\(remarks)<figure class="picture">\(picture)</figure></div>
      </div>
      </section>
      """
  }

  private func errorSection(number: Int, of total: Int, procedure: Procedure, failure: Diagnostic) -> String {
    let line = source.location(of: failure.range.start).line
    let notes = failure.notes.map { "<li>\(escape($0.message))</li>" }.joined()
    return """
      <section class="step failure" id="step-\(number)">
      <h2>\(escape(procedure.trace.procedure.name.name)), line \(line): the command fails \
      <span class="count">step \(number) of \(total)</span></h2>
      <div class="columns">
      \(program(procedure, marking: failure.range))
      <div class="state"><p class="error">error: \(escape(failure.message)) [\(escape(failure.code.rawValue))]</p>\
      <ul class="remarks">\(notes)</ul></div>
      </div>
      </section>
      """
  }

  /// The procedure's header line: what the precondition belongs to.
  private func headerRange(_ procedure: Procedure) -> SourceRange {
    let start = procedure.trace.procedure.range.start
    let line = source.location(of: start).line
    let end = line < source.lineStarts.count ? source.lineStarts[line] - 1 : source.bytes.count
    return SourceRange(start: start, end: max(start, end))
  }

  /// The procedure's lines, numbered, with `range` in a `<mark>`.
  private func program(_ procedure: Procedure, marking range: SourceRange) -> String {
    let declaration = procedure.trace.procedure.range
    let first = source.location(of: declaration.start).line
    let last = source.location(of: max(declaration.start, declaration.end - 1)).line
    var lines: [String] = []
    for number in first...last {
      let start = source.lineStarts[number - 1]
      let end = number < source.lineStarts.count ? source.lineStarts[number] - 1 : source.bytes.count
      let from = min(max(range.start, start), end), to = max(min(range.end, end), from)
      var text = piece(start, from)
      if to > from { text += "<mark>" + piece(from, to) + "</mark>" }
      text += piece(to, end)
      let current = range.start < end + 1 && range.end > start && to > from
      lines.append("<span class=\"line\(current ? " current" : "")\"><span class=\"number\">\(number)</span>\(text)</span>")
    }
    return "<pre class=\"program\"><code>" + lines.joined(separator: "\n") + "</code></pre>"
  }

  private func piece(_ start: Int, _ end: Int) -> String {
    var text = String(decoding: source.bytes[start..<max(start, end)], as: UTF8.self)
    if text.hasSuffix("\r") { text.removeLast() }
    return escape(text)
  }

  private func escape(_ text: String) -> String { DOTText.html(text) }
}
