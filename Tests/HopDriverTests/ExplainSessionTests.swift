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
    #expect(lines[close + 1].trimmingCharacters(in: .whitespaces).hasPrefix("// emp"))
    #expect(!lines.contains { $0.contains("#") })
  }

  @Test func theFailingCommandIsMarkedWithItsDiagnostic() throws {
    let result = ExplainSession.explain(path: Self.example("smallfoot/null_deref"))
    let lines = try #require(result.text).split(separator: "\n").map(String.init)
    let marked = lines.filter { $0.hasPrefix(">> ") }
    #expect(marked == [">>   y = y->tl;"])
    let index = try #require(lines.firstIndex(of: ">>   y = y->tl;"))
    #expect(lines[index + 1].contains("// error: memory fault"))
    #expect(result.exitStatus == .failure)
  }

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
