import HopSyntax

/// Renders diagnostics for a terminal:
///
///     file.hop:14:3: error: message [HH010]
///        14 |   put(e, y);
///           |   ^~~~~~~~~
///       note: ...
///
/// Colour (ANSI) only when asked; the CLI decides from the terminal, `NO_COLOR` and `TERM`.
public struct TextRenderer: Sendable {
  public var useColor: Bool
  public init(useColor: Bool) { self.useColor = useColor }

  public func render(_ report: Report) -> String {
    report.files.map(render).joined()
  }

  public func render(_ file: FileReport) -> String {
    // Appended, not `joined`: a file without diagnostics (the usual case) then costs nothing here,
    // while `joined`'s first call costs about 0.1 ms of run-time type lookups (issue 27).
    var text = ""
    for diagnostic in file.diagnostics { text += render(diagnostic, path: file.path, source: file.source) }
    return text
  }

  public func render(_ diagnostic: Diagnostic, path: String, source: SourceFile?) -> String {
    var text = header(path: path, range: source == nil ? nil : diagnostic.range, source: source,
                      severity: diagnostic.severity.rawValue, message: diagnostic.message, code: diagnostic.code)
    if let source { text += snippet(diagnostic.range, in: source) }
    for note in diagnostic.notes {
      if let range = note.range, let source {
        text += header(path: path, range: range, source: source, severity: "note", message: note.message, code: nil)
        text += snippet(range, in: source)
      } else {
        text += indentedNote(note.message)
      }
    }
    return text
  }

  private func header(path: String, range: SourceRange?, source: SourceFile?, severity: String, message: String,
                      code: DiagnosticCode?) -> String {
    let location = range.flatMap { r in source.map { ":\($0.location(of: r.start))" } } ?? ""
    let severityText = paint(severity + ":", severity == "error" ? "1;31" : severity == "warning" ? "1;35" : "1;36")
    let codeText = code.map { " [\($0.rawValue)]" } ?? ""
    return paint("\(path)\(location):", "1") + " \(severityText) " + paint(message, "1") + codeText + "\n"
  }

  /// The first line of the range with a caret under its start and `~` under the rest of it on that
  /// line; control characters escaped and a long line cut around the caret (`SourceLineExcerpt`).
  private func snippet(_ range: SourceRange, in source: SourceFile) -> String {
    let start = source.location(of: range.start)
    let lineText = source.lineText(start.line)
    let end = range.end > range.start ? source.location(of: range.end) : start
    let lastColumn = end.line == start.line ? max(end.column, start.column + 1) : lineText.utf8.count + 1
    let excerpt = SourceLineExcerpt(line: lineText, start: start.column, end: lastColumn)
    let gutter = String(start.line)
    let pad = String(repeating: " ", count: gutter.count)
    let marker = "^" + String(repeating: "~", count: excerpt.markerWidth - 1)
    return " \(gutter) | \(excerpt.text)\n \(pad) | \(excerpt.markerIndent)\(paint(marker, "1;32"))\n"
  }

  private func indentedNote(_ message: String) -> String {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
    var text = "  \(paint("note:", "1;36")) \(lines.first ?? "")\n"
    for line in lines.dropFirst() { text += "        \(line)\n" }
    return text
  }

  /// `text` in colour `code`, line by line: each line's reset comes before its newline, so that a
  /// pager or a terminal that handles lines apart (`less -R`, a CI log) never sees colour cross a line.
  private func paint(_ text: String, _ code: String) -> String {
    guard useColor else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "\u{1B}[\(code)m\($0)\u{1B}[0m" }.joined(separator: "\n")
  }
}
