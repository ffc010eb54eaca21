import Foundation
import HopSyntax
import HopTestSupport
import Testing

/// Syntax errors: codes, positions, recovery, limits, and hostile input.
@Suite struct ParserErrorTests {
  @Test func missingSemicolonIsReportedAtTheNextToken() {
    #expect(parseDiagnostics("f() { x = 1 y = 2; }") == ["HH010 1:13"])
  }

  @Test func threeIndependentErrorsGiveThreeDiagnostics() {
    let text = """
      f() { x = ; }
      g() { y = 1 }
      h() { z = 2; dispose ; w = 3; }
      ok() { v = 4; }
      """
    #expect(parseDiagnostics(text) == ["HH010 1:11", "HH010 2:13", "HH010 3:22"])
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
