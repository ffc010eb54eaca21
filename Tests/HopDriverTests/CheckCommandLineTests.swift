import Foundation
import Testing

/// `hophop check FILE...` written plainly runs without ArgumentParser (like
/// `entail`'s fast path); it must behave exactly as the parsed form.
@Suite struct CheckCommandLineTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples")

  /// The run with its timings blanked (they differ from run to run).
  static func run(_ arguments: [String]) throws -> EntailCommandLineTests.Run {
    var run = try EntailCommandLineTests.run(arguments)
    let time = try Regex(#"[0-9]+(\.[0-9]+)? ms"#)
    run.output = run.output.replacing(time, with: "_ ms")
    return run
  }

  @Test func thePlainFormAgreesWithTheParsedForm() throws {
    let files = ["smallfoot/list_reverse.hop", "smallfoot/leak.hop", "async/server.hop", "smallfoot/no_such_file.hop"]
      .map { Self.examples.appendingPathComponent($0).path }
    for file in files {
      let plain = try Self.run(["check", file])
      let parsed = try Self.run(["check", "--format", "text", file])
      #expect(plain == parsed, "\(file)")
    }
    let all = try Self.run(["check"] + files.prefix(3))
    #expect(all == (try Self.run(["check", "--timeout", "5000"] + files.prefix(3))))
    #expect(all.status == 1 && all.output.contains("list_reverse.hop: valid") && all.output.contains("leak.hop: invalid"))
  }

  @Test func optionsStillGoThroughArgumentParser() throws {
    #expect(try Self.run(["check", "--help"]).output.contains("USAGE: hophop check"))
    #expect(try Self.run(["check"]).status == 2)
  }
}
