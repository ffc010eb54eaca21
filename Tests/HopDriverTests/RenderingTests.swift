import Foundation
import HopDriver
import HopSyntax
import HopTestSupport
import Testing

/// SVG through Graphviz, and the lint/contract sessions with their exit codes (the transition table
/// and DOT themselves: HopContractsTests/ContractRenderingTests).
@Suite struct RenderingTests {
  static let listTransferPath = ExampleCatalog.projectRoot.appendingPathComponent("examples/list_transfer.hop").path

  /// Whether Graphviz's `dot` is on PATH (scripts/install-deps.sh installs it).
  static let dotIsInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/dot")
  }

  @Test func listTransferRendersToSVGWhenGraphvizIsInstalled() throws {
    let result = ContractSession.render(path: Self.listTransferPath, contract: "C", dual: false, as: .dot)
    let dot = try #require(result.output)
    let rendered = GraphvizRenderer.render(dot, format: "svg")
    guard Self.dotIsInstalled else {
      #expect(rendered == .failure(.notInstalled))
      return
    }
    let svg = String(decoding: try rendered.get(), as: UTF8.self)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("transfer") && svg.contains("!cell"))
  }

  @Test(.enabled(if: dotIsInstalled)) func aDotThatFailsIsReportedNotFatal() {
    // dot exits at once on this input; writing the rest to its closed pipe must not kill the test process.
    let garbage = "digraph { " + String(repeating: "a -> ; ", count: 200_000) + "}"
    guard case .failure(.failed(let message)) = GraphvizRenderer.render(garbage, format: "svg") else {
      Issue.record("invalid DOT was rendered")
      return
    }
    #expect(message.contains("syntax error"))
  }

  @Test(.enabled(if: dotIsInstalled)) func aDotThatTakesTooLongIsStopped() {
    // A dense graph of 1,500 nodes takes dot far longer than a second to lay out.
    var text = "digraph {\n"
    for node in 0..<1_500 { text += "  n\(node) -> n\((node * 7 + 1) % 1_500); n\(node) -> n\((node * 13 + 5) % 1_500);\n" }
    text += "}\n"
    #expect(GraphvizRenderer.render(text, format: "svg", timeoutSeconds: 1) == .failure(.timedOut(1)))
  }

  @Test func lintSessionExitCodes() throws {
    #expect(LintSession.lint([Self.listTransferPath]).exitStatus == .success)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-lint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    func lint(_ text: String) throws -> LintSession.Result {
      let path = directory.appendingPathComponent("t\(UUID().uuidString).hop").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return LintSession.lint([path])
    }
    let leaky = try lint("""
      message m
      contract Bad { initial final state s { !m -> s; } }
      main() { local e, f; (e, f) = open(Bad); close(e, f); }
      """)
    #expect(leaky.exitStatus == .failure)
    #expect(leaky.report.diagnostics.map(\.code) == [.notLeakFree])
    for (text, code) in [("contract A { initial state a { } initial state b { } }", DiagnosticCode.multipleInitialStates),
                         ("contract B { }", .emptyContract),
                         ("message m contract D { initial state s { !m -> nowhere; } }", .undeclaredName)] {
      let result = try lint(text)
      #expect(result.exitStatus == .badInput)
      #expect(result.report.diagnostics.map(\.code) == [code])
      // Rendered with a caret under the offending text.
      let rendered = TextRenderer(useColor: false).render(result.report)
      #expect(rendered.contains("^"), "\(rendered)")
    }
  }

  @Test func lintJSONCarriesPropertiesAndExitStatus() throws {
    let json = LintJSONRenderer.render(LintSession.lint([Self.listTransferPath]))
    let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(document?["exitStatus"] as? Int == 0)
    let files = document?["files"] as? [[String: Any]]
    let contract = ((files?.first?["result"] as? [String: Any])?["contracts"] as? [[String: Any]])?.first
    #expect(contract?["name"] as? String == "C")
    let properties = contract?["properties"] as? [[String: Any]]
    #expect(properties?.map { $0["name"] as? String } == ["deterministic", "uniform", "synchronizing", "leakfree",
                                                           "halfduplex", "progress"])
    #expect(properties?.allSatisfy { $0["answer"] as? String == "yes" } == true)
  }

  @Test func contractSessionReportsAnUnknownContract() {
    let result = ContractSession.render(path: Self.listTransferPath, contract: "Nope", dual: false, as: .text)
    #expect(result.output == nil)
    #expect(result.exitStatus == .badInput)
    #expect(result.report.diagnostics.map(\.code) == [.undeclaredName])
  }
}
