import HopAsync
import HopSyntax
import Testing

/// A condition the checker gives up on is an `unknown` verdict with a
/// diagnostic (HH212), never a procedure reported valid with it left out.
@Suite struct NoVerdictWithoutConditionsTests {
  @Test func aPostOfAnUnknownProcedureIsNotCheckedAndNotValid() throws {
    // The resolver rejects this program; handed to the checker anyway, the
    // posted instance has no precondition to check it against.
    let file = SourceFile(path: "t.hop", text: "async main() {\n  post zz(1); }\n")
    let front = Frontend.analyze(file)
    try #require(!front.isUsable)
    let report = AsyncChecker.check(front.program)
    let main = try #require(report.procedures.first { $0.name == "main" })
    #expect(main.outcome == .unknown)
    #expect(main.conditions.contains { $0.condition == .childPrecondition(child: "zz") && $0.outcome == .unknown })
    #expect(report.outcome == .unknown)
    #expect(report.diagnostics.map { "\($0.code) \(file.location(of: $0.range.start).line)" } == ["HH212 2"])
  }

  @Test func aSiblingWhoseBodyCannotBeRunLeavesPendingInstancesUnproved() throws {
    // bad's loop invariant is a number: its body is not run, so nothing is
    // known of what it does to a pending w.
    let (report, _) = checkAsync("""
      async main() { }
      async w(c) [valid(c)] { }
      async bad(c) { while (*) [c + 1] { } }
      """)
    #expect(report.diagnostics.map(\.code.rawValue) == ["HH209"])
    let w = try #require(report.procedures.first { $0.name == "w" })
    #expect(w.outcome == .unknown)
    #expect(w.conditions.contains { $0.condition == .siblingRespectsRely(sibling: "bad") && $0.outcome == .unknown })
    #expect(report.outcome == .invalid)
  }
}
