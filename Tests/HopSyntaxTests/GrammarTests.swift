import Foundation
import HopSyntax
import HopTestSupport
import Testing

/// grammar/hop.ebnf must mention every keyword and punctuator of the lexer,
/// so the normative grammar cannot fall behind the parser unnoticed.
@Suite struct GrammarTests {
  static let grammar: String = {
    let url = ExampleCatalog.projectRoot.appendingPathComponent("grammar/hop.ebnf")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  @Test func theGrammarFileExists() {
    #expect(!Self.grammar.isEmpty)
  }

  @Test(arguments: TokenKind.allSpellings) func everySpellingAppearsQuoted(spelling: String) {
    #expect(Self.grammar.contains("\"\(spelling)\""), "grammar/hop.ebnf does not mention \"\(spelling)\"")
  }

  @Test(arguments: ["message", "contract", "initial", "final", "state", "open", "close", "send", "receive",
                    "switch", "peer", "pr", "async", "global", "post", "delete", "rely", "guarantee",
                    "forall", "exists", "old", "valid"])
  func everyContextualWordAppearsQuoted(word: String) {
    #expect(Self.grammar.contains("\"\(word)\""))
  }
}
