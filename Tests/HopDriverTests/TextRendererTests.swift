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
