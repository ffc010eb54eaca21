import HopAsync
import Testing

/// The four rely/guarantee conditions, each with a program that must be
/// proved and one that an unsound version of the condition would accept.
@Suite struct RelyGuaranteeTests {
  // MARK: Condition 1

  @Test func oldIsReallyThePreState() {
    let program = { (guarantee: String) in """
      global x;
      async main() guarantee [\(guarantee)] { x = x + 1; }
      """ }
    #expect(asyncErrors(program("x == old(x) + 1")) == [])
    #expect(asyncCodes(program("x == old(x)")) == ["HH201"])
  }

  @Test func aGuaranteeIsBlamedOnTheAssignmentThatBreaksIt() {
    #expect(asyncErrors("""
      global x;
      async main() guarantee [x >= old(x)] {
        x = x + 1;
        x = x - 5;
        x = x + 10;
        if (*) { x = 0; }
      }
      """) == ["HH201 6"])
  }

  @Test func aDeletedInstanceIsNotPending() {
    let program = { (guarantee: String) in """
      async g(c) guarantee [\(guarantee)] { delete h(c); }
      async h(c) { }
      async main() { }
      """ }
    #expect(asyncErrors(program("!pending_h(c)")) == [])
    #expect(asyncCodes(program("pending_h(c)")) == ["HH201"])
  }

  @Test func aQuantifierOverPendingInstancesCoversMoreThanThePostedOnes() {
    // Only positive instances are posted here, but earlier ones may be pending with any number.
    let program = { (precondition: String) in """
      async worker(n) [\(precondition)] guarantee [forall k. pending_worker(k) ==> k > 0] {
        if (n > 0) { post worker(n + 1); }
      }
      async main() { post worker(1); }
      """ }
    #expect(asyncCodes(program("true")) == ["HH201"])
    #expect(asyncErrors(program("n > 0")) == [])
  }

  // MARK: Condition 2

  @Test func postedInstancesMustMeetTheirPrecondition() {
    let program = { (argument: String) in """
      async main() { post f(\(argument)); }
      async f(n) [n > 0] { }
      """ }
    #expect(asyncErrors(program("1")) == [])
    #expect(asyncErrors(program("0")) == ["HH202 1"])
  }

  @Test func thePreconditionOfAPostedInstanceIsReadWhenThePosterEnds() {
    let program = { (last: String) in """
      global g;
      async main() { g = 1; post f(); \(last) }
      async f() [g == 1] { }
      """ }
    #expect(asyncErrors(program("g = 1;")) == [])
    #expect(asyncCodes(program("g = 2;")) == ["HH202"])
    #expect(asyncErrors(program("g = 2; delete f();")) == [])
  }

  @Test func anInstanceIsNotPendingWhenItStarts() {
    // P̂: a precondition that says "no other instance of me is pending" is read without the instance itself.
    #expect(asyncErrors("""
      async main() { post f(1); }
      async f(n) [!pending_f(n)] { post f(n + 1); }
      """) == [])
  }

  // MARK: Condition 3

  @Test func aWrittenRelyMustPreserveThePrecondition() {
    let program = { (rely: String) in """
      global x;
      async f() [x >= 0] rely [\(rely)] { }
      async main() { x = 0; post f(); }
      """ }
    #expect(asyncErrors(program("old(x) <= x")) == [])
    #expect(asyncErrors(program("true")) == ["HH203 2"])
  }

  // MARK: Condition 4

  @Test func aSiblingMayNotBreakAPendingPrecondition() {
    let program = { (body: String) in """
      global owner;
      async main() { owner = 1; post w(1); post other(); }
      async w(id) [owner == id] { }
      async other() { \(body) }
      """ }
    #expect(asyncErrors(program("owner = owner;")) == [])
    #expect(asyncErrors(program("owner = 2;")) == ["HH204 4"])
  }

  @Test func aSiblingWithAWrittenGuaranteeIsJudgedByIt() {
    let program = { (guarantee: String) in """
      global owner;
      async main() { owner = 1; post w(1); post other(); }
      async w(id) [owner == id] { }
      async other() guarantee [\(guarantee)] { }
      """ }
    #expect(asyncErrors(program("owner == old(owner)")) == [])
    // The body changes nothing, but a guarantee that allows any change cannot protect w.
    #expect(asyncErrors(program("true")) == ["HH204 4"])
  }

  @Test func aSiblingIsJudgedAgainstAWrittenRely() {
    let program = { (body: String) in """
      global owner;
      async main() { owner = 1; post w(1); post other(); }
      async w(id) [owner == id] rely [owner == old(owner)] { }
      async other() { \(body) }
      """ }
    #expect(asyncErrors(program("owner = owner + 0;")) == [])
    #expect(asyncCodes(program("owner = owner + 1;")) == ["HH204"])
  }

  @Test func deletingAnotherInstanceDoesNotProtectThisOne() {
    let program = { (deleted: String) in """
      async main() { }
      async w(c) [valid(c)] { }
      async close(c) [valid(c)] { delete w(\(deleted)); dispose c; }
      """ }
    #expect(asyncErrors(program("c")) == [])
    #expect(asyncCodes(program("c + 1")) == ["HH204"])
  }

  @Test func aProcedureIsItsOwnSibling() {
    #expect(asyncCodes("""
      global x;
      async main() { x = 0; post f(0); post f(5); }
      async f(n) [x <= n] { x = x + 1; post f(n + 1); }
      """) == ["HH204"])
    // With `x == n` no second instance can be pending, so the same body is fine.
    #expect(asyncCodes("""
      global x;
      async main() { x = 0; post f(0); }
      async f(n) [x == n] { x = x + 1; post f(n + 1); }
      """) == [])
  }

  // MARK: Ill-formed specifications and undecided queries

  @Test func positivePendingInAPreconditionIsRejected() {
    #expect(asyncCodes("async f() [pending_g()] { } async g() { } async main() { }") == ["HH208"])
    #expect(asyncCodes("async f() [!pending_g()] { } async g() { } async main() { }") == [])
    #expect(asyncCodes("async f() [pending_g() ==> true] { } async g() { } async main() { }") == [])
  }

  @Test func aNumberWhereAFormulaIsNeededIsRejected() {
    #expect(asyncErrors("global x;\nasync f() [x + 1] { } async main() { }") == ["HH209 2"])
  }

  @Test func anUndecidedConditionIsNeverValid() {
    let (report, _) = checkAsync("""
      global x, y, z;
      async main() guarantee [x * x * x + y * y * y != z * z * z || x * y * z == 0 || x > 1000000] {
        x = *; y = *; z = *;
      }
      """, timeoutMilliseconds: 1)
    #expect(report.outcome != .valid)
    let codes = Set(report.diagnostics.map(\.code.rawValue))
    #expect(codes.contains("HH210") || codes.contains("HH201"))
  }

  @Test func verdictsNameEveryConditionPerProcedure() {
    let (report, _) = checkAsync("""
      async main() { post f(1); }
      async f(n) [n > 0] { }
      """)
    let f = report.procedures.first { $0.name == "f" }!
    #expect(f.outcome == .valid)
    #expect(f.conditions.map(\.condition).contains(.relyPreservesPrecondition))
    #expect(f.conditions.map(\.condition).contains(.siblingRespectsRely(sibling: "f")))
    let main = report.procedures.first { $0.name == "main" }!
    #expect(main.conditions.map(\.condition).contains(.childPrecondition(child: "f")))
  }
}
