import HopAsync
import HopLogic
import HopSyntax
import Testing

/// Condition 4 pairs settled without a query are kept as runs of siblings
/// (decision 85): every pair is still there, in order, with its text, and a
/// pair that needs a query is not in a run and gets its real verdict.
@Suite struct ConditionFourWithoutQueryTests {
  /// `hophop-bench async --independent n`: n procedures, each bumping its own global.
  static func independent(_ n: Int) -> String {
    "global " + (0..<n).map { "g\($0)" }.joined(separator: ", ") + ";\nasync main() { }\n"
      + (0..<n).map { "async p\($0)(x) [x > 0] { g\($0) = g\($0) + 1; }\n" }.joined()
  }

  @Test func independentProceduresKeepEveryPairInRuns() {
    let n = 5
    let (report, _) = checkAsync(Self.independent(n))
    #expect(report.outcome == .valid)
    #expect(report.queryCount == 0) // the bodies need no query, and no pair does
    let siblings = (0..<n).map { "p\($0)" }
    for procedure in report.procedures {
      let fourth = procedure.conditions.filter { if case .siblingRespectsRely = $0.condition { true } else { false } }
      // One pair per sibling, in source order, each valid with the reason it needed no query.
      #expect(fourth.map(\.condition) == siblings.map { .siblingRespectsRely(sibling: $0) })
      let reasons = siblings.map { sibling in
        procedure.name == "main" ? "'main' has no precondition"
          : "'\(sibling)' changes nothing the precondition of '\(procedure.name)' reads"
      }
      #expect(fourth.map(\.reasonWithoutQuery) == reasons)
      #expect(fourth.allSatisfy { $0.outcome == .valid })
      // The shared verdict lists the same conditions, the pairs as at most two runs
      // (the siblings before the procedure's own conditions, and from it on).
      let verdict = procedure.verdict
      #expect(verdict.conditions.map(\.description) == procedure.conditions.map(\.description))
      #expect(verdict.conditions.map(\.reasonWithoutQuery) == procedure.conditions.map(\.reasonWithoutQuery))
      let runs = verdict.conditions.pieces.filter { if case .family = $0 { true } else { false } }
      #expect(runs.count == (procedure.name == "main" || procedure.name == "p0" ? 1 : 2))
      #expect(verdict.conditions.failing.isEmpty)
    }
    let pairs = report.procedures.map(\.verdict).flatMap(\.conditions).filter { $0.description.hasPrefix("condition 4") }
    #expect(pairs.count == n * (n + 1))
  }

  @Test func aSiblingThatWritesWhatAPreconditionReadsIsAsked() {
    // p1 zeroes g0, which p0's precondition reads: a query, and a counterexample;
    // p2 only increases it: a query that proves the pair; p0 itself writes g1 only: no query.
    let (report, _) = checkAsync("""
      global g0, g1;
      async main() { }
      async p0(x) [x > 0 && g0 > 0] { g1 = g1 + 1; }
      async p1(x) [x > 0] { g0 = 0; }
      async p2(x) [x > 0] { g0 = g0 + 1; }
      """)
    let p0 = report.procedures.first { $0.name == "p0" }!
    let fourth = Dictionary(uniqueKeysWithValues: p0.conditions.compactMap { verdict -> (String, AsyncConditionVerdict)? in
      if case .siblingRespectsRely(let sibling) = verdict.condition { (sibling, verdict) } else { nil }
    })
    #expect(fourth["p0"]?.outcome == .valid)
    #expect(fourth["p0"]?.reasonWithoutQuery == "'p0' changes nothing the precondition of 'p0' reads")
    #expect(fourth["p1"]?.outcome == .invalid)
    #expect(fourth["p1"]?.reasonWithoutQuery == nil)
    #expect(fourth["p2"]?.outcome == .valid)
    #expect(fourth["p2"]?.reasonWithoutQuery == nil)
    #expect(p0.outcome == .invalid)
    #expect(report.diagnostics.map(\.code) == [.siblingBreaksRely])
    let failing = p0.verdict.conditions.failing
    #expect(failing.map(\.description) == ["condition 4 (p1 respects the rely)"])
    // p1's and p2's preconditions read no global: every pair about them is in a run.
    for name in ["p1", "p2"] {
      let verdict = report.procedures.first { $0.name == name }!.verdict
      #expect(verdict.conditions.filter { $0.description.hasPrefix("condition 4") }.allSatisfy { $0.reasonWithoutQuery != nil })
    }
  }
}
