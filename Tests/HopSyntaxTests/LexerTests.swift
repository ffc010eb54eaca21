import HopSyntax
import HopTestSupport
import Testing

@Suite struct LexerTests {
  func kinds(_ text: String) -> [TokenKind] {
    Lexer.tokenize(SourceFile(path: "t", text: text)).tokens.map(\.kind)
  }

  @Test func longestPunctuatorWins() {
    #expect(kinds("|-> ==> -> == != <= >= = - !") == [
      .punctuator(.pointsTo), .punctuator(.implies), .punctuator(.arrow), .punctuator(.equalEqual),
      .punctuator(.bangEqual), .punctuator(.lessEqual), .punctuator(.greaterEqual), .punctuator(.equal),
      .punctuator(.minus), .punctuator(.bang), .endOfFile,
    ])
  }

  @Test func onlySmallfootWordsAreReserved() {
    #expect(kinds("NULL dispose while") == [.keyword(.null), .keyword(.dispose), .keyword(.while), .endOfFile])
    #expect(kinds("post delete open message old") == Array(repeating: .identifier, count: 5) + [.endOfFile])
  }

  @Test(arguments: Keyword.allCases) func everyKeywordLexesAsItself(keyword: Keyword) {
    #expect(kinds(keyword.rawValue) == [.keyword(keyword), .endOfFile])
    #expect(kinds(keyword.rawValue + "s") == [.identifier, .endOfFile])
  }

  @Test func commentsNestAndLineCommentsEndAtNewline() {
    #expect(kinds("a /* x /* y */ z */ b // c d\n e") == [.identifier, .identifier, .identifier, .endOfFile])
  }

  @Test func unterminatedCommentIsReportedAtItsStart() {
    #expect(parseDiagnostics("f() {}\n/* /* */") == ["HH003 2:1"])
  }

  @Test func illegalCharactersAreReportedOncePerRun() {
    #expect(parseDiagnostics("f() { x = 1 @@@ ; }") == ["HH002 1:13"])
    #expect(parseDiagnostics("f() { x = $; }").first == "HH002 1:11")
  }

  @Test func invalidUTF8IsRejectedAtTheFirstBadByte() {
    let file = SourceFile(path: "t", bytes: Array("f() {} /* ".utf8) + [0xC3, 0x28] + Array(" */".utf8))
    let result = Parser.parse(file)
    #expect(result.diagnostics.map(\.code) == [.invalidInput])
    #expect(result.diagnostics.first?.range.start == 10)
  }

  @Test func validUTF8InCommentsIsFine() {
    #expect(parseDiagnostics("// état: ∀x. x ↦ _\nf() {}") == [])
  }
}
