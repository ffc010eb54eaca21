import HopInference
import HopLogic
import HopProver
import HopTestSupport
import Testing

/// The coarser join (decision 81): one case covering the cases of an inferred
/// invariant that differ only in shape. A candidate is only proposed: whether
/// it holds on entry and the loop needs no more is the loop rule's to say
/// (the end-to-end tests in CoarseInvariantTests).
@Suite struct CoarseJoinTests {
  let prover = Prover()

  func texts(_ heaps: [SymbolicHeap]) -> [String] { heaps.map(InvariantFormula.text) }

  /// Whether `general` describes every heap `special` does (the prover says so).
  func covers(_ general: SymbolicHeap, _ special: String) -> Bool {
    prover.entails(heap(special).closed, general.closed).isProved
  }

  /// msort's split: which of `a`, `b` reaches `l`; the cell `l` and the segment to it become a list.
  @Test func aSegmentAndTheCellItReachesBecomeAList() throws {
    let cases = ["l |-> tl: NULL * list(a) * list(p) * lseg(b, l)", "l |-> tl: NULL * list(b) * list(p) * lseg(a, l)",
                 "list(l) * a == NULL * b == NULL * l == p"]
    let candidates = CoarseJoin(kept: [Variable("p")]).candidates(cases.map(heap))
    let first = try #require(candidates.first)
    #expect(InvariantFormula.text(first) == "list(tl; a) * list(tl; b) * list(tl; p)")
    #expect(cases.allSatisfy { covers(first, $0) })
  }

  /// A doubly linked walk: the previous cell is `y` in one case and the cell `f` in the other (where the
  /// dead `y`'s alias was forgotten); the lone cell is read as a one-cell dlseg, and `y` stays.
  @Test func aCellBecomesASegmentAndAForgottenAliasIsTheVariable() throws {
    let cases = ["dlseg(x, NULL, f, gb) * f |-> l: NULL, r: x * gb != NULL",
                 "dlseg(f, y, NULL, _a) * dlseg(x, NULL, y, gb) * y |-> l: _a, r: x * f != gb * gb != NULL"]
    let candidates = CoarseJoin(kept: [Variable("x")]).candidates(cases.map(heap))
    // First with the facts both cases state, then without.
    #expect(texts(candidates) == ["dlseg(r; l; f, x, NULL, y) * dlseg(r; l; x, NULL, y, gb) * gb != NULL",
                                  "dlseg(r; l; f, x, NULL, _a) * dlseg(r; l; x, NULL, _a, gb) * gb != NULL",
                                  "dlseg(r; l; f, x, NULL, y) * dlseg(r; l; x, NULL, y, gb)",
                                  "dlseg(r; l; f, x, NULL, _a) * dlseg(r; l; x, NULL, _a, gb)"])
    // Keeping `y` is no weakening of the first case, which says nothing of y: only the loop rule, from the states
    // on entry, can show it; that case's instance (y the cell f) is covered.
    let kept = try #require(candidates.first)
    #expect(!covers(kept, cases[0]))
    #expect(covers(kept.substituting([Variable("y"): .v("f")]), cases[0]))
    #expect(covers(kept, cases[1]))
  }

  /// xlseg.sf: `t`, dead, names the cell before `y` in one case; `f == y` in another says `y` there.
  @Test func aDeadAliasIsFoldedAwayAndAStatedEqualityKeepsTheVariable() throws {
    let cases = ["f |-> l: x * xlseg(x, NULL, f, b) * b != NULL * f == y",
                 "f |-> l: y * xlseg(x, NULL, y, b) * y |-> l: f ^ x * b != NULL * b != f",
                 "xlseg(f, y, NULL, t) * xlseg(x, NULL, y, b) * y |-> l: t ^ x * b != NULL * b != f * b != t"]
    let candidates = CoarseJoin(kept: [Variable("x")]).candidates(cases.map(heap))
    let joined = try #require(candidates.first { !InvariantFormula.text($0).contains("!=") })
    #expect(InvariantFormula.text(joined) == "xlseg(l; l; f, x, NULL, y) * xlseg(l; l; x, NULL, y, b)")
    #expect(cases.allSatisfy { covers(joined, $0) })
  }

  /// Generalizing loses which cell points to which: the candidates entail neither case, and the one that
  /// covers both forgets the links, so a loop that reads the link of one of them cannot be proved with any
  /// (CoarseInvariantTests' flip).
  @Test func generalizingCanLoseWhatTheLoopNeeds() {
    let cases = ["x |-> tl: y * y |-> tl: NULL * c == 0", "x |-> tl: NULL * y |-> tl: x * c == 0"]
    let candidates = CoarseJoin(kept: [Variable("c")]).candidates(cases.map(heap))
    #expect(texts(candidates).contains("x |-> tl: _a * y |-> tl: _b * c == 0"))
    #expect(candidates.contains { candidate in cases.allSatisfy { covers(candidate, $0) } })
    for candidate in candidates {
      #expect(!cases.contains { prover.entails(candidate.closed, heap($0).closed).isProved })
    }
  }

  /// The variables the loop's condition reads are never folded away.
  @Test func theConditionsVariablesStay() {
    let join = CoarseJoin(kept: [Variable("x")])
    #expect(InvariantFormula.text(join.coarsened(heap("lseg(y, x) * x |-> tl: NULL"))) == "lseg(tl; y, x) * x |-> tl: NULL")
    #expect(InvariantFormula.text(CoarseJoin(kept: []).coarsened(heap("lseg(y, x) * x |-> tl: NULL"))) == "list(tl; y)")
  }

  /// Cases whose atoms do not pair up give no candidate.
  @Test func casesThatDoNotPairGiveNothing() {
    let join = CoarseJoin(kept: [Variable("x")])
    #expect(join.candidates([heap("x |-> tl: NULL"), heap("x |-> tl: y * y |-> tl: NULL * z |-> hd: 1")]).isEmpty)
  }
}
