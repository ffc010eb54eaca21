import Foundation
import HopDriver
import Testing

/// `hophop check` of sync procedures as a session: exit status, the text
/// summary, the JSON document, determinism.
@Suite struct CheckSessionTests {
  static let threeErrors = """
    tl;
    a(x) [x |-> tl: NULL] { } [emp]
    b(x) [emp] { dispose x; } [emp]
    c(x) [list(x)] { } [list(x)]
    d(x) [emp] { x = new(); } [emp]
    """

  private func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-\(UUID().uuidString).hop").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
  }

  @Test func verdictErrorsExitOneNotTwo() throws {
    let result = try withFile(Self.threeErrors) { CheckSession.check([$0]) }
    #expect(result.exitStatus == .failure)
    #expect(result.files[0].report.diagnostics.filter { $0.severity == .error }.count == 3)
    #expect(try withFile("tl;\nf() [emp] { } [emp]\n") { CheckSession.check([$0]) }.exitStatus == .success)
    #expect(try withFile("tl;\nf() [emp] { g(); } [emp]\n") { CheckSession.check([$0]) }.exitStatus == .badInput)
    // A contract that does not compile is bad input, as for lint.
    #expect(try withFile("message m\ncontract D { state s { !m -> s; } }\nf() [emp] { } [emp]\n") {
      CheckSession.check([$0])
    }.exitStatus == .badInput)
    // Also in a file of contracts only, which has no procedure to check.
    let contractsOnly = try withFile("contract N {}\n") { CheckSession.check([$0]) }
    #expect(contractsOnly.exitStatus == .badInput)
    #expect(contractsOnly.files[0].report.diagnostics.map(\.code.rawValue) == ["HH301"])
    #expect(try withFile("message m\ncontract K { initial final state s { !m -> s; } }\n") {
      CheckSession.check([$0])
    }.exitStatus == .success)
  }

  @Test func theSummaryHasAVerdictPerProcedureInSourceOrder() throws {
    let summary = try withFile(Self.threeErrors) { CheckSession.summary(CheckSession.check([$0])) }
    let rows = summary.split(separator: "\n").dropFirst().map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
    #expect(rows == ["a invalid", "b invalid", "c valid", "d invalid"])
    #expect(summary.split(separator: "\n").first?.contains("invalid (4 sync procedures") == true)
  }

  @Test func jsonHasTheSameThreeDiagnosticsAndEveryVerdict() throws {
    let json = try withFile(Self.threeErrors) { CheckJSONRenderer.render(CheckSession.check([$0])) }
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let file = try #require((document["files"] as? [[String: Any]])?.first)
    let diagnostics = try #require(file["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.compactMap { $0["code"] as? String } == ["HH102", "HH101", "HH102"])
    let procedures = try #require((file["result"] as? [String: Any])?["procedures"] as? [[String: Any]])
    #expect(procedures.compactMap { $0["verdict"] as? String } == ["invalid", "invalid", "valid", "invalid"])
    #expect(procedures.allSatisfy { $0["milliseconds"] is Double && $0["layer"] as? String == "sync" })
  }

  @Test func theOutputIsTheSameOnEveryRun() throws {
    let program = Self.threeErrors + "\ne(x, y) [list(x) * list(y)] { if (x == y) { } else { } } [emp]\n"
    let texts = try (0..<3).map { _ in
      try withFile(program) { path in
        CheckSession.check([path]).files[0].report.diagnostics.map { "\($0)" }.joined(separator: "\n")
      }
    }
    #expect(Set(texts).count == 1)
  }
}
