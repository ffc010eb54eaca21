import Foundation
import HopDriver
import Testing

/// `check` of N independent async procedures: the JSON lists every condition 4
/// pair (N·(N+1): N siblings against N procedures and `main`), though the checker
/// keeps the pairs settled without a query as runs (decision 85); the text
/// report lists none of them. A pair that needs a query is listed as answered.
@Suite struct AsyncPairsOutputTests {
  private func check(_ text: String) throws -> CheckSession.Result {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-\(UUID().uuidString).hop").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return CheckSession.check([path])
  }

  /// Every condition of every procedure in the JSON document, as (procedure, condition, outcome, withoutQuery).
  private func conditions(_ result: CheckSession.Result) throws -> [(String, String, String, String?)] {
    let document = try #require(try JSONSerialization.jsonObject(with: Data(CheckJSONRenderer.render(result).utf8)) as? [String: Any])
    let file = try #require((document["files"] as? [[String: Any]])?.first)
    let procedures = try #require((file["result"] as? [String: Any])?["procedures"] as? [[String: Any]])
    return procedures.flatMap { procedure in
      (procedure["conditions"] as? [[String: Any]] ?? []).map {
        (procedure["name"] as? String ?? "", $0["condition"] as? String ?? "", $0["outcome"] as? String ?? "", $0["withoutQuery"] as? String)
      }
    }
  }

  @Test func everyPairIsInTheJSONAndNoneInTheText() throws {
    let n = 4
    let program = "global " + (0..<n).map { "g\($0)" }.joined(separator: ", ") + ";\nasync main() { }\n"
      + (0..<n).map { "async p\($0)(x) [x > 0] { g\($0) = g\($0) + 1; }\n" }.joined()
    let result = try check(program)
    let pairs = try conditions(result).filter { $0.1.hasPrefix("condition 4") }
    #expect(pairs.count == n * (n + 1))
    #expect(pairs.allSatisfy { $0.2 == "valid" })
    let expected = ["main"] .flatMap { pending in (0..<n).map { (pending, "p\($0)", "'\(pending)' has no precondition") } }
      + (0..<n).flatMap { i in (0..<n).map { ("p\(i)", "p\($0)", "'p\($0)' changes nothing the precondition of 'p\(i)' reads") } }
    #expect(pairs.map { "\($0.0) \($0.1) \($0.3 ?? "-")" }
              == expected.map { "\($0.0) condition 4 (\($0.1) respects the rely) \($0.2)" })
    let rows = CheckSession.summary(result).split(separator: "\n").dropFirst()
    #expect(rows.count == n + 1)
    #expect(rows.allSatisfy { $0.hasSuffix("  valid") })
  }

  @Test func aPairThatIsAskedIsReportedWithItsAnswer() throws {
    let result = try check("""
      global g0, g1;
      async main() { }
      async p0(x) [x > 0 && g0 > 0] { g1 = g1 + 1; }
      async p1(x) [x > 0] { g0 = 0; }
      """)
    let p0 = try conditions(result).filter { $0.0 == "p0" && $0.1.hasPrefix("condition 4") }
    #expect(p0.map { "\($0.1) \($0.2) \($0.3 ?? "-")" } == [
      "condition 4 (p0 respects the rely) valid 'p0' changes nothing the precondition of 'p0' reads",
      "condition 4 (p1 respects the rely) invalid -"])
    #expect(CheckSession.summary(result).contains("  p0    invalid: condition 4 (p1 respects the rely)\n"))
  }
}
