import HopChecker
import HopSyntax
import Testing

/// Globals in the formulas of a sync program (decision 58): the race check counts the
/// globals a callee's specification reads, and a parameter or local named like a global
/// never stands for it in a resource invariant or a callee's specification.
@Suite struct SharedVariableTests {
  @Test func aSpecificationReadIsAUseForTheRaceCheck() {
    // No body reads h on both sides, but f's postcondition does: after the join main would
    // believe `x |->` (h is 1) and dispose x a second time.
    let program = """
      f(x) [x |-> * h == 0] { dispose x; } [if h == 0 then emp else x |-> ]
      g() [emp] { h = 1; } [h == 1]
      main(x) [x |-> * h == 0] {
        f(x) || g();
        dispose x;
      } [emp]
      """
    #expect(syncErrors(program) == ["HH107 4"])
    // Through a callee of the parallel call's callee, too.
    let nested = program.replacingOccurrences(of: "main(x)", with: "k(x) [x |-> * h == 0] { f(x); } [if h == 0 then emp else x |-> ]\nmain(x)")
      .replacingOccurrences(of: "f(x) || g();", with: "k(x) || g();")
    #expect(syncErrors(nested) == ["HH107 5"])
    // g writes another global: h stays 0, f's postcondition gives back nothing, nothing to dispose.
    let apart = """
      f(x) [x |-> * h == 0] { dispose x; } [if h == 0 then emp else x |-> ]
      g() [emp] { k = 1; } [k == 1]
      main(x) [x |-> * h == 0] {
        f(x) || g();
      } [h == 0]
      """
    #expect(syncErrors(apart) == [])
  }

  @Test func aLoopInvariantOfACalleeIsARead() {
    let program = """
      f(x) [x |-> ] {
        local i;
        i = 0;
        while (i == 0) [if h == 0 then x |-> else x |-> ] { i = 1; }
      } [x |-> ]
      g() [emp] { h = 1; } [h == 1]
      main(x) [x |-> ] {
        f(x) || g();
      } [x |-> ]
      """
    #expect(syncErrors(program) == ["HH107 8"])
    #expect(syncErrors(program.replacingOccurrences(of: "{ h = 1; } [h == 1]", with: "{ k = 1; } [k == 1]")) == [])
  }

  @Test func anEndpointsPeerInASpecificationIsARead() {
    let program = """
      contract C { initial final state s {} }
      f(e) [e |-> C{s}, peer: p] {} [e |-> C{s}, peer: p]
      g() [emp] { p = 0; } [p == 0]
      main(e) [e |-> C{s}, peer: p] {
        f(e) || g();
      } [e |-> C{s}]
      """
    #expect(syncErrors(program) == ["HH107 5"])
    #expect(syncErrors(program.replacingOccurrences(of: "{ p = 0; } [p == 0]", with: "{ q = 0; } [q == 0]")) == [])
  }

  static let buffer = """
    resource buf(c, g) [if g == 0 then emp else c |-> ]
    init() { g = 0; c = NULL; }

    """

  @Test func aLocalNamedLikeAProtectedGlobalIsNotTheInvariantsVariable() {
    // The condition and the assignment are about the local g; the invariant's g is the
    // global, which stays non-zero when the cell is taken: the invariant is not given back.
    // Proved before decision 58, which read the local as the invariant's g.
    let local = Self.buffer + """
      take() [emp] {
        local g, x;
        with buf when (g != 0) { x = c; g = 0; c = NULL; }
        dispose x;
      } [emp]
      """
    #expect(syncErrors(local) == ["HH113 5"])
    let parameter = local.replacingOccurrences(of: "take()", with: "take(g)")
      .replacingOccurrences(of: "local g, x;", with: "local x;")
    #expect(syncErrors(parameter) == ["HH113 5"])
    // Leaving the global alone, the region is fine, but the local g says nothing of c: x may be anything.
    #expect(syncErrors(local.replacingOccurrences(of: "x = c; g = 0; c = NULL;", with: "x = c;")) == ["HH101 6"])
    // With the global's own test, the same body is right.
    let correct = Self.buffer + """
      take() [emp] {
        local x;
        with buf when (g != 0) { x = c; g = 0; c = NULL; }
        dispose x;
      } [emp]
      """
    #expect(syncErrors(correct) == [])
  }

  @Test func aParameterNamedLikeAProtectedGlobalIsNotProtected() {
    // c is keep's own cell: using it outside `with buf` is no HH114, and the region does not forget it.
    let program = """
      resource buf(c) [if c == NULL then emp else c |-> ]
      init() { c = NULL; }
      keep(c) [c |-> ] {
        c->tl = NULL;
        with buf when (true) { }
        dispose c;
      } [emp]
      """
    #expect(syncErrors(program) == [])
    #expect(syncVerdicts(program) == ["init: valid", "keep: valid"])
    // Without the parameter, c is the protected global.
    let global = program.replacingOccurrences(of: "keep(c) [c |-> ]", with: "keep() [emp]")
    #expect(syncErrors(global).allSatisfy { $0.hasPrefix("HH114") } && !syncErrors(global).isEmpty)
  }

  @Test func aLocalNamedLikeAGlobalOfACalleesSpecificationKeepsItsValue() {
    let seth = "seth() [emp] { h = 1; } [h == 1]\n"
    // The local h is not set by seth: the dispose happens only if it happens to be 1 (leak otherwise).
    #expect(syncErrors(seth + "user() [emp] { local h, x; x = new(); seth(); if (h == 1) { dispose x; } } [emp]")
      == ["HH102 2"])
    // The local keeps its 0, so no cell is allocated.
    #expect(syncErrors(seth + "user() [emp] { local h, x; h = 0; seth(); if (h == 0) {} else { x = new(); } } [emp]")
      == [])
  }
}
