import HopInference
import HopLogic
import HopProver
import HopTestSupport
import Testing

/// Canonical names, the pure part of the abstraction, the join of a loop's
/// states, and the writing of a disjunction as one Hop formula.
@Suite struct JoinTests {
  let prover = Prover()
  let loopVariables: Set<Variable> = [Variable("t"), Variable("k"), Variable("done")]

  func text(_ heaps: [SymbolicHeap]) -> [String] { heaps.map(InvariantFormula.text) }

  @Test func heapsThatDifferOnlyInNamesAreEqual() {
    let a = CanonicalNames.canonical(heap("x |-> tl: _p * lseg(_p, _q) * _q |-> tl: NULL"))
    let b = CanonicalNames.canonical(heap("_r |-> tl: NULL * lseg(_s, _r) * x |-> tl: _s"))
    #expect(a == b)
    #expect(a != CanonicalNames.canonical(heap("x |-> tl: _p * lseg(_p, _q) * _q |-> tl: y")))
  }

  @Test func arithmeticOnALoopVariableIsForgottenAndFlagsKept() {
    let abstraction = LoopAbstraction(assigned: loopVariables)
    let state = heap("k == _o - 1 * _o != 0 * done == 1 * t != NULL * n == m + 1 * list(t)")
    #expect(InvariantFormula.text(abstraction.abstract(state)) == "list(tl; t) * done == 1 * n == m + 1 * t != NULL")
  }

  /// Forgetting `t == x` would leave `t` unconstrained: that is no widening.
  @Test func aLoopVariableIsNeverLeftUnconstrained() {
    let join = DisjunctiveJoin(prover: prover, assigned: loopVariables)
    let joined = join.join([heap("list(x) * t == x"), heap("x |-> tl: t * list(t)")])
    #expect(joined.count == 2)
  }

  @Test func anEntailedCaseIsDropped() {
    let join = DisjunctiveJoin(prover: prover, assigned: loopVariables)
    #expect(text(join.join([heap("x |-> tl: t * list(t)"), heap("lseg(x, t) * list(t)")])) == ["list(tl; t) * lseg(tl; x, t)"])
  }

  /// The first iteration's `t == x` is widened away once the segment covers it.
  @Test func theEntryCaseIsWidenedIntoTheSegment() {
    let join = DisjunctiveJoin(prover: prover, assigned: loopVariables)
    let joined = join.join([heap("list(x) * t == x"), heap("lseg(x, t) * list(t) * t != x")])
    #expect(text(joined) == ["list(tl; t) * lseg(tl; x, t)"])
  }

  @Test func aFlagKeepsItsCasesApart() {
    let join = DisjunctiveJoin(prover: prover, assigned: loopVariables)
    let joined = join.join([heap("done == 0 * f |-> ~C{go}"), heap("done == 1 * f |-> ~C{end}, peer: e * e |-> C{end}")])
    #expect(joined.count == 2)
    #expect(InvariantFormula(prover: prover).text(joined)
      == "if done == 1 then e |-> C{end} * f |-> ~C{end}, peer: e else f |-> ~C{go} * done == 0")
  }

  @Test func endpointStatesJoinByUnion() {
    let join = DisjunctiveJoin(prover: prover, assigned: loopVariables)
    #expect(text(join.join([heap("e |-> C{a} * x |->"), heap("e |-> C{b} * x |->")])) == ["e |-> C{a, b} * x |->"])
  }

  /// The first iteration's `n != 0` (from the guard) is what tells the cases apart; the entry case is covered without it.
  @Test func aFactTheEntryLacksIsWidenedAway() {
    let join = DisjunctiveJoin(prover: prover, assigned: [Variable("k"), Variable("l"), Variable("c")])
    #expect(text(join.join([heap("k == n * l == NULL"), heap("list(l) * n != 0")])) == ["list(tl; l)"])
  }

  /// A value pre- and postcondition share (`n'`) is written as an existential a user can paste.
  @Test func aSharedValueIsWrittenAsAnExistential() {
    let heaps = [SymbolicHeap(spatial: [.pointsTo(.v("x"), fields: ["tl": .v("n'")]), .segment(field: "tl", from: .v("n'"), to: .v("x"))])]
    #expect(InvariantFormula(prover: prover).text(heaps) == "x |-> tl: _n * lseg(tl; _n, x)")
  }

  @Test func casesNoFactSeparatesCannotBeWritten() {
    #expect(InvariantFormula(prover: prover).text([heap("x |->"), heap("y |->")]) == nil)
  }

  @Test func coverageIsEntailment() {
    let join = DisjunctiveJoin(prover: prover, assigned: loopVariables)
    #expect(join.isCovered([heap("x |-> tl: NULL")], by: [heap("list(x)")]))
    #expect(!join.isCovered([heap("list(x)")], by: [heap("x |-> tl: NULL")]))
  }
}
