import HopAsync
import Testing

/// The heap model of async procedures and loops with invariants: each rule
/// with a program that must be accepted and one an unsound rule would accept.
@Suite struct MemoryAndLoopTests {
  @Test func freshCellsAreValidAndDistinctFromAllocatedOnes() {
    #expect(asyncErrors("""
      async main() { local c, d; c = new(); d = new(); dispose c; d->f = 1; dispose d; }
      """) == [])
  }

  @Test func accessAfterDisposeIsAnError() {
    #expect(asyncErrors("""
      async main() { local c; c = new(); dispose c;
        c->f = 1; }
      """) == ["HH205 2"])
  }

  @Test func doubleDisposeIsAnError() {
    #expect(asyncErrors("""
      async main() { local c; c = new(); dispose c;
        dispose c; }
      """) == ["HH205 2"])
  }

  @Test func nullIsNeverValid() {
    #expect(asyncErrors("async main() { local c; c = 0; dispose c; }") == ["HH205 1"])
    #expect(asyncErrors("async f(c) [valid(c)] { c->f = 1; } async main() { }") == [])
    #expect(asyncErrors("async f(c) [c != 0] { c->f = 1; } async main() { }") == ["HH205 1"])
  }

  @Test func aDivisorThatMayBeZeroIsAnError() {
    #expect(asyncErrors("""
      global g;
      async f(x) {
        g = 10 / x; }
      async main() { }
      """) == ["HH211 3"])
    #expect(asyncErrors("global g; async f(x) { g = 10 % (x - x); } async main() { }") == ["HH211 1"])
    #expect(asyncErrors("global g; async f(x) [x > 0] { g = 10 / x + 7 % x; } async main() { }") == [])
    #expect(asyncErrors("global g; async f(x) { if (x != 0) { g = 10 / x; } } async main() { }") == [])
  }

  @Test func divisionsFollowCShortCircuits() {
    #expect(asyncErrors("global g; async f(x) { if (x != 0 && 10 / x > 1) { g = 1; } } async main() { }") == [])
    #expect(asyncErrors("global g; async f(x) { if (x == 0 || 10 / x > 1) { g = 1; } } async main() { }") == [])
    // The other way round the division is evaluated first, whatever x is.
    #expect(asyncErrors("global g; async f(x) { if (10 / x > 1 && x != 0) { g = 1; } } async main() { }") == ["HH211 1"])
    #expect(asyncErrors("global g; async f(x) { if (x != 0 || 10 / x > 1) { g = 1; } } async main() { }") == ["HH211 1"])
  }

  @Test func divisionsInLoopConditionsAndPostsAreChecked() {
    #expect(asyncErrors("""
      async f(x) { local i; i = 0;
        while (i < 10 / x) [i >= 0] { i = i + 1; } }
      async main() { }
      """) == ["HH211 2"])
    #expect(asyncErrors("""
      async g(y) { }
      async f(x) [x >= 0] {
        post g(1 / (x + 1)); }
      async main() { }
      """) == [])
    #expect(asyncErrors("""
      async g(y) { }
      async f(x) [x >= 0] {
        post g(1 / (x - 1)); }
      async main() { }
      """) == ["HH211 3"])
  }

  @Test func fieldsOfAFreshCellAreUnconstrained() {
    #expect(asyncErrors("""
      global g;
      async main() guarantee [g == 0] { local c, v; c = new(); v = c->f;
        g = v; }
      """) == ["HH201 3"])
  }

  @Test func loopInvariantMustHoldOnEntry() {
    #expect(asyncErrors("""
      async main() { local i; i = 0;
        while (i < 10) [i >= 1] { i = i + 1; } }
      """) == ["HH206 2"])
  }

  @Test func loopInvariantMustBePreserved() {
    #expect(asyncErrors("""
      async main() { local i; i = 0;
        while (*) [i >= 0] { i = i - 1; } }
      """) == ["HH207 2"])
    #expect(asyncErrors("""
      async main() { local i; i = 0;
        while (*) [i >= 0] { i = i + 1; } }
      """) == [])
  }

  @Test func afterTheLoopTheInvariantAndTheNegatedConditionHold() {
    let program = { (guarantee: String) in """
      global g;
      async main() guarantee [\(guarantee)] { local i; i = 0;
        while (i < 10) [i <= 10] { i = i + 1; }
        g = i; }
      """ }
    #expect(asyncErrors(program("g == 10")) == [])
    #expect(asyncCodes(program("g == 11")) == ["HH201"])
  }

  @Test func aLoopForgetsWhatItChangesButNotTheRest() {
    let program = { (guarantee: String) in """
      global a, b;
      async main() guarantee [\(guarantee)] { a = 1; b = 1;
        while (*) [true] { a = a + 1; } }
      """ }
    #expect(asyncErrors(program("b == 1")) == [])
    #expect(asyncCodes(program("a == 1")) == ["HH201"])
  }

  @Test func aLoopThatFreesForgetsAllocation() {
    #expect(asyncCodes("""
      async f(c) [valid(c)] { local d;
        while (*) [true] { d = new(); dispose d; }
        c->f = 1; }
      async main() { }
      """).contains("HH205"))
  }

  @Test func oldInALoopInvariantIsTheStateAtTheStart() {
    let program = { (invariant: String) in """
      global x;
      async main() { local i; i = 0;
        while (*) [\(invariant)] { x = x + 1; } }
      """ }
    #expect(asyncErrors(program("x >= old(x)")) == [])
    #expect(asyncCodes(program("x == old(x)")) == ["HH207"])
  }
}
