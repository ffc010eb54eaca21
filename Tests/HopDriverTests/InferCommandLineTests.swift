import Foundation
import HopTestSupport
import Testing

/// `hophop infer`: the program with the inferred invariant written in, `-o`,
/// and `--check`'s exit status where inference gave up; `check --no-infer`.
@Suite struct InferCommandLineTests {
  static func file(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("infer-\(UUID().uuidString).hop").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static let walk = "tl;\nwalk(x) [list(x)] {\n  local t;\n  t = x;\n  while (t != NULL) {\n    t = t->tl;\n  }\n} [list(x)]\n"
  static let grow = "tl;\ngrow(k) [emp] {\n  local y;\n  while (k != 0) {\n    y = new();\n    k = k - 1;\n  }\n} [emp]\n"

  @Test func theInvariantIsWrittenInAndProvesWithoutInference() throws {
    let input = try Self.file(Self.walk)
    let output = input + ".out.hop"
    let run = try EntailCommandLineTests.run(["infer", input, "-o", output, "--check"])
    #expect(run.status == 0)
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(written.contains("while (t != NULL) [list(tl; t) * lseg(tl; x, t)]"))
    #expect(try EntailCommandLineTests.run(["check", "--no-infer", output]).status == 0)
    #expect(try EntailCommandLineTests.run(["check", "--no-infer", input]).status == 1)
    #expect(try EntailCommandLineTests.run(["check", input]).status == 0)
  }

  @Test func explainAndJSONShowTheInferredInvariant() throws {
    let input = try Self.file(Self.walk)
    let explained = try EntailCommandLineTests.run(["explain", input])
    #expect(explained.output.contains("     // inferred invariant: list(tl; t) * lseg(tl; x, t)\n"))
    #expect(!(try EntailCommandLineTests.run(["explain", "--no-infer", input])).output.contains("inferred invariant"))
    let json = try EntailCommandLineTests.run(["check", "--format", "json", input]).output
    #expect(json.contains("\"inferredInvariants\""))
    #expect(json.contains("\"invariant\" : \"list(tl; t) * lseg(tl; x, t)\"") || json.contains("\"invariant\":\"list(tl; t) * lseg(tl; x, t)\""))
  }

  @Test func checkExitsOneWhereInferenceGaveUp() throws {
    let input = try Self.file(Self.grow)
    let checked = try EntailCommandLineTests.run(["infer", "--check", input])
    #expect(checked.status == 1)
    #expect(checked.errors.contains(":4: no invariant written in: "))
    #expect(checked.output.contains("while (k != 0) {"))
    #expect(try EntailCommandLineTests.run(["infer", input]).status == 0)
  }
}
