import Foundation
import Testing

/// `lint FILE...` and `parse FILE`, written plainly, run without ArgumentParser
/// (`PlainInvocation`, as `check` and `entail`); each must print and exit
/// exactly as the same command through ArgumentParser (`--format text`).
@Suite struct PlainInvocationTests {
  static func example(_ name: String) -> String { CheckCommandLineTests.examples.appendingPathComponent(name).path }

  @Test func lintAgreesWithTheParsedForm() throws {
    let files = ["list_transfer.hop", "contracts/nondeterministic.hop", "heaphop/close_not_leakfree.hop",
                 "smallfoot/list_reverse.hop", "no_such_file.hop"].map(Self.example)
    for file in files {
      let plain = try EntailCommandLineTests.run(["lint", file])
      #expect(plain == (try EntailCommandLineTests.run(["lint", "--format", "text", file])), "\(file)")
    }
    let all = try EntailCommandLineTests.run(["lint"] + files)
    #expect(all == (try EntailCommandLineTests.run(["lint", "--no-color"] + files)))
    #expect(all.status == 2 && all.output.contains("deterministic"))
  }

  @Test func parseAgreesWithTheParsedForm() throws {
    for file in ["smallfoot/list_reverse.hop", "async/server.hop", "no_such_file.hop"].map(Self.example) {
      let plain = try EntailCommandLineTests.run(["parse", file])
      #expect(plain == (try EntailCommandLineTests.run(["parse", "--format", "text", file])), "\(file)")
    }
    #expect(try EntailCommandLineTests.run(["parse", Self.example("smallfoot/list_reverse.hop")]).output.hasPrefix("Program"))
  }

  @Test func otherFormsGoThroughArgumentParser() throws {
    let file = Self.example("smallfoot/list_reverse.hop")
    let bare = try EntailCommandLineTests.run(["parse", "--no-ranges", file])
    #expect(bare.status == 0 && bare.output.hasPrefix("Program") && !bare.output.contains(" @"))
    #expect(try EntailCommandLineTests.run(["lint", "--help"]).output.contains("USAGE: hophop lint"))
    #expect(try EntailCommandLineTests.run(["parse", file, file]).status == 2)
  }
}
