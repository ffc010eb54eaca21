import Foundation
import HopDriver
import HopTestSupport
import Testing

/// `hophop explain`: the proof printed as the program with the states the
/// checker recorded, compared byte for byte with Tests/Golden/explain.
@Suite struct ExplainSessionTests {
  static let golden = ["smallfoot/list_reverse", "smallfoot/buffer", "smallfoot/tree_dispose", "heaphop/service_choice",
                       "smallfoot/null_deref", "list_transfer"]

  static func example(_ name: String) -> String {
    ExampleCatalog.projectRoot.appendingPathComponent("examples/\(name).hop").path
  }

  @Test(arguments: golden)
  func explanationIsTheGoldenOne(name: String) throws {
    let expected = try String(contentsOf: ExampleCatalog.projectRoot
      .appendingPathComponent("Tests/Golden/explain/\(URL(fileURLWithPath: name).lastPathComponent).txt"), encoding: .utf8)
    let result = ExplainSession.explain(path: Self.example(name))
    #expect(result.text == expected, "regenerate with: hophop explain examples/\(name).hop")
    #expect(ExplainSession.explain(path: Self.example(name)).text == result.text)
  }

  @Test func theReceiverOfListTransferShowsItsContractStatesAndEmpAfterClose() throws {
    let result = ExplainSession.explain(path: Self.example("list_transfer"), options: .init(procedure: "get"))
    let lines = try #require(result.text).split(separator: "\n").map(String.init)
    #expect(result.exitStatus == .success)
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
    let branches = try #require(lines.firstIndex { $0.contains("switch receive") })
    #expect(lines[branches...].contains { $0.contains("// f |-> ~C{transfer}") })
    #expect(lines[branches...].contains { $0.contains("// f |-> ~C{end}, peer: e * e |-> C{end}") })
    let close = try #require(lines.firstIndex { $0.contains("close(e, f);") })
    #expect(lines[(close + 1)...].prefix { $0.contains("//") }.last?.trimmingCharacters(in: .whitespaces) == "// emp * done != 0")
    #expect(!lines.contains { $0.contains("#") })
  }

  /// The comment lines (trimmed) that follow the first source line containing `command`.
  /// With `then`, those after the first line equal to `then` that follows it.
  static func comments(after command: String, then: String? = nil, in name: String,
                       procedure: String? = nil) throws -> [String] {
    let text = try #require(ExplainSession.explain(path: example(name), options: .init(procedure: procedure)).text)
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    var index = try #require(lines.firstIndex { $0.contains(command) && !$0.hasPrefix("//") })
    if let then { index = try #require(lines[index...].firstIndex(of: then)) }
    return Array(lines[(index + 1)...].prefix { $0.hasPrefix("//") })
  }

  @Test func aLoopThatFailsShowsTheStatesInItsBodyAndNothingAfterIt() throws {
    // The body's states lead to HH105 at the `while`; what follows the loop is not reached.
    let body = try Self.comments(after: "t = t->tl;", in: "smallfoot/loop_preserve")
    #expect(body == ["// _a |-> tl: t * list(tl; t)"])
    let text = try #require(ExplainSession.explain(path: Self.example("smallfoot/loop_preserve")).text)
    #expect(!text.contains("after the loop"))
    // A failing command on one line: no states after it.
    let fault = try Self.comments(after: "y = y->tl;", in: "smallfoot/null_deref")
    #expect(fault.allSatisfy { $0.hasPrefix("// error:") || $0.hasPrefix("// note:") || $0.hasPrefix("//    ") }, "\(fault)")
  }

  @Test func aLoopShowsItsInvariantTheFrameKeptTheEndOfItsBodyAndTheStateAfterIt() throws {
    let header = try Self.comments(after: "while (i != NULL)", in: "smallfoot/list_reverse", procedure: "reverse")
    #expect(header == ["// invariant: list(tl; i) * list(tl; p)", "// on entry, kept outside the loop: emp"])
    let after = try Self.comments(after: "i = n;", then: "}", in: "smallfoot/list_reverse", procedure: "reverse")
    #expect(after == ["// end of body: the invariant holds again in 1 case",
                      "// after the loop: list(tl; i) * list(tl; p) * i == NULL"])
  }

  @Test func aCallShowsWhatItNeedsAndTheFrameKept() throws {
    let lines = try Self.comments(after: "reverse(l;);", in: "smallfoot/list_reverse", procedure: "build")
    #expect(lines == ["// reverse needs: list(tl; l)", "// frame kept: emp * k == 0", "// list(tl; l) * k == 0"])
  }

  @Test func aParallelCallShowsHowTheStateWasSplit() throws {
    let lines = try Self.comments(after: "dispose_tree(i) || dispose_tree(j);", in: "smallfoot/tree_dispose")
    #expect(lines.prefix(3) == ["// dispose_tree takes: tree(l; r; i)", "// dispose_tree takes: tree(l; r; j)",
                                "// frame kept by the caller: t |-> l: i, r: j"])
  }

  @Test func channelCommandsShowTheContractStateBeforeAndAfterAndWhatTheMessageCarried() throws {
    let cell = try Self.comments(after: "x = receive(cell, f)", in: "list_transfer", procedure: "get")
    #expect(cell.prefix(2) == ["// f: ~C{transfer} → ~C{wait}, receiving 'cell' with x |->",
                               "// f: ~C{wait} → ~C{transfer}, sending 'ack' (no ownership)"])
    let fin = try Self.comments(after: "send(fin, e, e);", in: "list_transfer", procedure: "put")
    #expect(fin.first == "// e: C{transfer} → C{end}, sending 'fin' with e |-> C{end}")
    let close = try Self.comments(after: "close(e, f);", in: "list_transfer", procedure: "get")
    #expect(close == ["// e, f: closed in final state end", "// emp * done != 0"])
  }

  @Test func aRegionShowsTheResourceInvariantComingInAndGoingOut() throws {
    let lines = try Self.comments(after: "with buf when (c == NULL)", in: "smallfoot/buffer", procedure: "put")
    #expect(lines == ["// buf's invariant comes in: emp * c == NULL  or  c |-> * c != NULL",
                      "// buf's invariant goes back out: emp * c == NULL  or  c |-> * c != NULL", "// emp * x != 0"])
  }

  @Test func noStatesAreShownAfterAnElseThatOpensABlock() throws {
    #expect(try Self.comments(after: "} else {", in: "smallfoot/tree_dispose", procedure: "dispose_tree").isEmpty)
  }

  @Test func theFailingCommandIsMarkedWithItsDiagnostic() throws {
    let result = ExplainSession.explain(path: Self.example("smallfoot/null_deref"))
    let lines = try #require(result.text).split(separator: "\n").map(String.init)
    let marked = lines.filter { $0.hasPrefix(">> ") }
    #expect(marked == [">>   y = y->tl;"])
    let index = try #require(lines.firstIndex(of: ">>   y = y->tl;"))
    #expect(lines[index + 1].contains("// error: memory fault"))
    #expect(result.exitStatus == .failure)
    // On a terminal, the marked line and its error are red, each reset before its end.
    let colored = try #require(ExplainSession.explain(path: Self.example("smallfoot/null_deref"),
                                                      options: .init(color: true)).text)
    let red = colored.split(separator: "\n").filter { $0.hasPrefix("\u{1B}[1;31m") }
    #expect(red.count >= 2 && red.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
    #expect(red.first == "\u{1B}[1;31m>>   y = y->tl;\u{1B}[0m")
    #expect(!text(result).contains("\u{1B}"))
  }

  private func text(_ result: ExplainSession.Result) -> String { result.text ?? "" }

  @Test func casesAreCappedAndCounted() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-explain-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("cases.hop").path
    try "f(a, b, c) [emp] {\n  if (a == b) { } else { }\n  if (b == c) { } else { }\n  if (a == c) { } else { }\n} [emp]\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let text = try #require(ExplainSession.explain(path: path, options: .init(cases: 2)).text)
    #expect(text.contains("// 1: ") && text.contains("// 2: ") && !text.contains("// 3: "))
    #expect(text.contains("more cases"))
    let missing = ExplainSession.explain(path: path, options: .init(procedure: "nothing"))
    #expect(missing.exitStatus == .badInput && missing.text == nil)
  }
}
