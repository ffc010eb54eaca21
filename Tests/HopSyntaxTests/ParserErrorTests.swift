import Foundation
import HopSyntax
import HopTestSupport
import Testing

/// Syntax errors: codes, positions, recovery, limits, and hostile input.
@Suite struct ParserErrorTests {
  @Test func missingSemicolonIsReportedRightAfterThePreviousToken() {
    #expect(parseDiagnostics("f() { x = 1 y = 2; }") == ["HH010 1:12"])
    // At the end of a line, the caret stands after its last token, not at the start of the next line.
    let marked = MarkedSource("f() {\n  x = 11️⃣\n  y = 2;\n}")
    let (_, result) = parseText(marked.text)
    #expect(result.diagnostics.map(\.range) == [.point(marked["1️⃣"])])
    // Only the `;` is missing there, so the next statement is still parsed, and its errors found.
    #expect(statementCount(result.program) == 2)
    #expect(parseDiagnostics("f() {\n  x = 1\n  y = ;\n}") == ["HH010 2:8", "HH010 3:7"])
    #expect(parseDiagnostics("hd, tl\nglobal g\nf() { local a\n a = 1; }") == ["HH010 1:7", "HH010 2:9", "HH010 3:14"])
    // On the same line, the rest of the statement is skipped.
    #expect(parseDiagnostics("f() { x = 1 ) y = ; }") == ["HH010 1:12"])
  }

  @Test func missingBraceAtTheEndOfTheFileIsOneErrorWithANoteAtTheOpeningBrace() {
    let marked = MarkedSource("f(x) 1️⃣{\n  if (x == NULL) { x = NULL; }\n  x = x;2️⃣\n")
    let (_, result) = parseText(marked.text)
    #expect(result.diagnostics.map(\.range) == [.point(marked["2️⃣"])])
    #expect(result.diagnostics.first?.notes.map(\.range) == [SourceRange(start: marked["1️⃣"], end: marked["1️⃣"] + 1)])
    // Three unclosed blocks: one error, at the innermost.
    let nested = MarkedSource("f() { 1️⃣{ x = 1; 2️⃣{ y = 2;3️⃣")
    let inner = parseText(nested.text).result.diagnostics
    #expect(inner.map(\.range.start) == [nested["3️⃣"]])
    #expect(inner.first?.notes.first?.range?.start == nested["2️⃣"])
  }

  @Test func missingBraceBeforeTheNextDeclarationDoesNotCascade() {
    let text = """
      f(x) {
        if (x == NULL) {
          x = NULL;

      }
      g(y) [emp] { y = 1; }
      h() { }
      message m
      """
    let (_, result) = parseText(text)
    // The `}` at column 1 is the procedure's, by its indentation: the `if` is the block left open.
    #expect(parseDiagnostics(text) == ["HH010 2:3"])
    #expect(result.diagnostics.first?.notes.first?.range?.start == 24)  // the `if`'s `{`
    #expect(result.program.declarations.count == 4)
    // A missing `}` of a contract state, before the next state.
    #expect(parseDiagnostics("contract C { initial state a { !m -> b;\n final state b {} }\nmessage m") == ["HH010 1:40"])
    // A call statement is not a declaration: the body goes on after it.
    #expect(parseDiagnostics("f() { g(x; y); h(); }\ng(a; b) {}\nh() {}") == [])
  }

  /// Issue 25 §4: without the `if`'s `}`, its block took the procedure's, and the errors were
  /// three, at the postcondition, at the end of the file and at the procedure's `{`.
  @Test func aMissingBraceOfAnIfIsOneErrorAtTheIf() throws {
    let marked = MarkedSource("""
      f(x) [emp] {
        1️⃣if (x == 0) 2️⃣{
          x = 1;
        x = 2;
      } [emp]
      g() [emp] { } [emp]
      """)
    let (_, result) = parseText(marked.text)
    #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.range.start == marked["1️⃣"])
    #expect(diagnostic.message == "this 'if' block is never closed: expected '}' before the '}' on line 5, "
            + "which is indented as the end of an outer block")
    #expect(diagnostic.notes.map(\.range) == [SourceRange(start: marked["2️⃣"], end: marked["2️⃣"] + 1)])
    #expect(result.program.declarations.count == 2)
    // A while and an else alike; the block is closed before the `}`, which closes the enclosing one.
    #expect(parseDiagnostics("f(x) {\n  while (x) {\n    x = 1;\n  x = 2;\n}\ng() { }\n") == ["HH010 2:3"])
    #expect(parseDiagnostics("f(x) {\n  if (x) { } else {\n    x = 1;\n}\ng() { }\n") == ["HH010 2:14"])
  }

  @Test func anOddlyIndentedButClosedBlockIsNoError() {
    #expect(parseDiagnostics("f(x) {\n  if (x == 0) {\n    x = 1;\n}\n}\n") == [])
    // With another error in the body, the braces are still taken as written.
    #expect(parseDiagnostics("f(x) {\n  if (x == 0) {\n    x = ;\n}\n}\n") == ["HH010 3:9"])
  }

  /// The number of statements in the body of the first procedure.
  func statementCount(_ program: Program) -> Int? {
    guard case .procedure(let procedure)? = program.declarations.first else { return nil }
    return procedure.body.count
  }

  @Test func threeIndependentErrorsGiveThreeDiagnostics() {
    let text = """
      f() { x = ; }
      g() { y = 1 }
      h() { z = 2; dispose ; w = 3; }
      ok() { v = 4; }
      """
    #expect(parseDiagnostics(text) == ["HH010 1:11", "HH010 2:12", "HH010 3:22"])
    // Recovery kept the good procedure and the statements after each error.
    #expect(parseText(text).result.program.declarations.count == 4)
  }

  @Test func declarationLevelRecovery() {
    #expect(parseDiagnostics("f( {}\ng() {}\n] h() {}\nk() {}") == ["HH010 1:4", "HH010 3:1"])
  }

  @Test func localsMustComeFirst() {
    #expect(parseDiagnostics("f() { x = 1; local y; }") == ["HH010 1:14"])
  }

  @Test func contractSyntaxErrors() {
    #expect(parseDiagnostics("contract C { initial state a { m -> b; } }") == ["HH010 1:32"])
    #expect(parseDiagnostics("contract C { initial a {} }") == ["HH010 1:22"])
  }

  @Test func errorsAreCapped() {
    let text = String(repeating: "f() { x = ; }\n", count: 100)
    let diagnostics = parseText(text).result.diagnostics
    #expect(diagnostics.count == Parser.maximumErrors)
    #expect(diagnostics.last?.notes.isEmpty == false)
  }

  @Test func deepNestingIsRefusedWithoutOverflowingTheStack() {
    let depth = 10_000
    for text in [
      "f() { x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "; }",
      "f() " + String(repeating: "{", count: depth) + String(repeating: "}", count: depth),
      "f() [" + String(repeating: "(", count: depth) + "emp" + String(repeating: ")", count: depth) + "] {}",
      "f() { x = " + String(repeating: "-", count: depth) + "1; }",
      "global x; async f() [" + String(repeating: "!", count: depth) + "x] {}",
    ] {
      #expect(parseDiagnostics(text).map { $0.prefix(5) } == ["HH011"])
    }
  }

  @Test func binaryGarbageGetsDiagnosticsNotACrash() {
    var generator = SplitMix64(seed: 7)
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...127, using: &generator) }
    let result = Parser.parse(SourceFile(path: "garbage", bytes: bytes))
    #expect(result.diagnostics.hasErrors)
  }

  @Test func tenMegabyteFileIsHandled() {
    let line = "f() { x = y->tl; y = x + 1; if (x == NULL) { dispose y; } } !!\n"
    let text = String(repeating: line, count: 10 * 1024 * 1024 / line.utf8.count)
    let result = Parser.parse(SourceFile(path: "big", text: text))
    #expect(result.diagnostics.count == Parser.maximumErrors)
  }

  @Test func emptyAndBlankFilesAreEmptyPrograms() {
    #expect(parseDiagnostics("") == [])
    #expect(parseDiagnostics("  /* only a comment */ \n") == [])
  }
}
