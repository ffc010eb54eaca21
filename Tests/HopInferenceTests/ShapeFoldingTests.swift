import HopInference
import HopLogic
import HopProver
import HopTestSupport
import Testing

/// Each folding rule: what it folds, what it must leave alone (a fold there
/// would be wrong or would lose a program variable), and that every fold is
/// a weakening the prover confirms.
@Suite struct ShapeFoldingTests {
  let checks = FoldingChecks()
  func folded(_ formula: String) -> String { checks.folded(formula) }
  func isWeakening(_ formula: String) -> Bool { checks.isWeakening(formula) }

  @Test func cellsBehindAProgramVariableBecomeASegment() {
    #expect(folded("x |-> tl: _a * _a |-> tl: t * list(t)") == "list(tl; t) * lseg(tl; x, t)")
    #expect(isWeakening("x |-> tl: _a * _a |-> tl: t * list(t)"))
  }

  @Test func aChainEndingAtNullBecomesAList() {
    #expect(folded("x |-> tl: _a, hd: _d * _a |-> tl: _b * _b |-> tl: NULL") == "list(tl; x)")
    #expect(isWeakening("x |-> tl: _a, hd: _d * _a |-> tl: _b * _b |-> tl: NULL"))
  }

  @Test func segmentsJoinOverAnInnerAddress() {
    #expect(folded("lseg(x, _a) * lseg(_a, t) * t |-> tl: NULL") == "lseg(tl; x, t) * t |-> tl: NULL")
    #expect(isWeakening("lseg(x, _a) * lseg(_a, t) * t |-> tl: NULL"))
  }

  @Test func aCellHeldByAProgramVariableStays() {
    #expect(folded("x |-> tl: y * y |-> tl: NULL") == "x |-> tl: y * y |-> tl: NULL")
  }

  @Test func anInnerAddressMentionedElsewhereStays() {
    #expect(folded("x |-> tl: _a * _a |-> tl: NULL * z |-> tl: _a") == "_a |-> tl: NULL * x |-> tl: _a * z |-> tl: _a")
  }

  /// `x -> _a -> x` is a cycle: `lseg(x, x)` would say it is empty.
  @Test func aCycleIsNotFolded() {
    #expect(folded("x |-> tl: _a * _a |-> tl: x") == "_a |-> tl: x * x |-> tl: _a")
  }

  /// The end `z` might be `x` itself (nothing says it is outside the chain).
  @Test func anEndThatMightBeInsideIsNotFolded() {
    #expect(folded("x |-> tl: _a * _a |-> tl: z") == "_a |-> tl: z * x |-> tl: _a")
  }

  @Test func subtreesFoldIntoTheirParent() {
    #expect(folded("t |-> l: _a, r: _b * tree(_a) * tree(_b)") == "tree(l; r; t)")
    #expect(folded("t |-> l: _a, r: NULL * tree(_a)") == "tree(l; r; t)")
    #expect(isWeakening("t |-> l: _a, r: _b * tree(_a) * tree(_b)"))
  }

  @Test func aNodeAtAProgramVariableWithoutSubtreesStays() {
    #expect(folded("t |-> l: NULL, r: NULL") == "t |-> l: NULL, r: NULL")
  }

  @Test func aDoublyLinkedCellJoinsTheSegmentBeforeIt() {
    let walk = "dlseg(f, _m, NULL, _d) * _m |-> r: y, l: _d * y |-> r: NULL, l: _m"
    #expect(folded(walk) == "dlseg(r; l; f, y, NULL, _m) * y |-> l: _m, r: NULL")
    #expect(isWeakening(walk))
    // Two cells behind a program variable become a segment of two.
    #expect(folded("f |-> r: _m, l: NULL * _m |-> r: y, l: f * y |-> r: NULL, l: _m")
            == "dlseg(r; l; f, y, NULL, _m) * y |-> l: _m, r: NULL")
  }

  /// The back link of the second cell is not the first cell: no doubly linked segment.
  @Test func aBrokenBackLinkIsNotFolded() {
    #expect(folded("f |-> r: _m, l: NULL * _m |-> r: y, l: z * y |-> r: NULL, l: _m")
            == "_m |-> l: z, r: y * f |-> l: NULL, r: _m * y |-> l: _m, r: NULL")
  }

  @Test func factsAboutFoldedAddressesGo() {
    #expect(folded("x |-> tl: _a * _a |-> tl: NULL * _a != NULL * x != y") == "list(tl; x) * x != y")
  }
}
