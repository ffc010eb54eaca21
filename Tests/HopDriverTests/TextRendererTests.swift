import HopDriver
import HopSyntax
import Testing

/// Pins the text rendering of diagnostics: header, source line, caret, notes.
@Suite struct TextRendererTests {
  let source = SourceFile(path: "t.hop", text: "main() {\n\tx = y->tl;\n}\n")

  @Test func rendersHeaderSourceLineAndCaretUnderTheRange() {
    // `y->tl` starts at byte 14 (line 2, column 6 after the tab).
    let diagnostic = Diagnostic(code: .syntaxError, message: "expected ';'", range: SourceRange(start: 14, end: 19))
    let text = TextRenderer(useColor: false).render(diagnostic, path: "t.hop", source: source)
    #expect(text == """
      t.hop:2:6: error: expected ';' [HH010]
       2 | \tx = y->tl;
         | \t    ^~~~~

      """)
  }

  @Test func rendersNotesWithAndWithoutLocations() {
    let diagnostic = Diagnostic(
      code: .duplicateDeclaration, message: "duplicate procedure 'main'", range: SourceRange(start: 0, end: 4),
      notes: [.init("first declared here", at: SourceRange(start: 0, end: 4)), .init("state:\n  x |-> _")])
    let text = TextRenderer(useColor: false).render(diagnostic, path: "t.hop", source: source)
    #expect(text.contains("t.hop:1:1: note: first declared here\n"))
    #expect(text.contains("  note: state:\n          x |-> _\n"))
  }

  @Test func colourIsOnlyAddedWhenAsked() {
    let diagnostic = Diagnostic(code: .syntaxError, message: "m", range: .point(0))
    #expect(!TextRenderer(useColor: false).render(diagnostic, path: "t.hop", source: source).contains("\u{1B}["))
    #expect(TextRenderer(useColor: true).render(diagnostic, path: "t.hop", source: source).contains("\u{1B}[1;31m"))
  }

  @Test func unreadableFileHasNoLocation() {
    let failure = SourceLoader.load("/nonexistent/file.hop")
    guard case .failure(let reason) = failure else {
      Issue.record("a missing file must not load")
      return
    }
    let text = TextRenderer(useColor: false).render(reason.diagnostic, path: reason.path, source: nil)
    #expect(text == "/nonexistent/file.hop: error: no such file [HH001]\n")
  }

  @Test func jsonCarriesLineAndColumn() {
    let report = Report(files: [FileReport(path: "t.hop", source: source, diagnostics: [
      Diagnostic(code: .syntaxError, message: "expected ';'", range: SourceRange(start: 14, end: 19)),
    ])])
    let json = JSONReport<JSONNoResult>(command: "check", exitStatus: .badInput,
                                        files: report.files.map { JSONFileReport($0, result: nil) }).text
    #expect(json.contains("\"line\" : 2"))
    #expect(json.contains("\"column\" : 6"))
    #expect(json.contains("\"code\" : \"HH010\""))
  }
}

/// The echoed source line is the user's bytes: control characters are shown
/// escaped (never sent to the terminal) and a long line is cut to a window
/// around the caret, the caret staying under the text it marks.
@Suite struct SourceLineEchoTests {
  func render(_ text: String, start: Int, end: Int) -> [String] {
    let source = SourceFile(path: "t.hop", text: text)
    let diagnostic = Diagnostic(code: .syntaxError, message: "m", range: SourceRange(start: start, end: end))
    return TextRenderer(useColor: false).render(diagnostic, path: "t.hop", source: source)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func controlCharactersAreEscapedAndTheCaretFollows() {
    // ESC [ 3 1 m, NUL, then `x` marked.
    let lines = render("a\u{1B}[31m\u{0}x = 1;\n", start: 7, end: 8)
    #expect(lines[1] == " 1 | a\\e[31m\\0x = 1;")
    #expect(lines[2] == "   | " + String(repeating: " ", count: 9) + "^")  // under a, \\e, [31m, \\0
    #expect(!lines.joined().contains("\u{1B}") && !lines.joined().contains("\u{0}"))
    let bidi = render("x = 1; // \u{202E}evil\n", start: 0, end: 1)
    #expect(bidi[1] == " 1 | x = 1; // \\u{202E}evil")
  }

  @Test func aLongLineIsCutAroundTheCaret() {
    let prefix = String(repeating: "a = 1; ", count: 40)  // 280 columns
    let line = prefix + "bad;" + String(repeating: " b = 2;", count: 40)
    let lines = render(line + "\n", start: prefix.utf8.count, end: prefix.utf8.count + 3)
    let shown = String(lines[1].dropFirst(" 1 | ".count))
    #expect(shown.hasPrefix("…") && shown.hasSuffix("…"), "\(shown)")
    #expect(shown.count <= 100, "\(shown.count)")
    let caret = String(lines[2].dropFirst("   | ".count))
    let column = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) } ?? -1
    #expect(column >= 0 && String(Array(shown)[column..<column + 3]) == "bad", "\(shown)\n\(caret)")
    #expect(caret.hasSuffix("^~~"))
  }

  @Test func aShortLineIsShownWhole() {
    let lines = render("f(x) { y = x; }\n", start: 7, end: 8)
    #expect(lines[1] == " 1 | f(x) { y = x; }" && lines[2] == "   | " + String(repeating: " ", count: 7) + "^")
  }
}
