import HopInference
import HopLogic
import HopProver
import HopTestSupport
import Testing

/// Xor-linked folding (`XorLinkedFolding`, through `ShapeFolding`): the
/// chains of an xor-linked walk become one `xlseg`, every fold is a weakening
/// the prover confirms, and a chain whose links are not `next ^ previous` is
/// not folded as one.
@Suite struct XorLinkedFoldingTests {
  let checks = FoldingChecks()
  func folded(_ formula: String) -> String { checks.folded(formula) }
  func isWeakening(_ formula: String) -> Bool { checks.isWeakening(formula) }

  /// f's link is `_m ^ NULL`, _m's is `y ^ f`, y's `NULL ^ _m`: the whole list, from f to y (the last
  /// fold reads the segment from f backwards, and writes the result the way that segment was written).
  @Test func threeXorCellsBecomeTheWholeList() {
    let walk = "f |-> l: _m * _m |-> l: y ^ f * y |-> l: _m"
    #expect(folded(walk) == "xlseg(l; l; f, NULL, NULL, y)")
    #expect(isWeakening(walk))
  }

  /// The walk of xlseg.sf: the segment so far, then the cell the last step left.
  @Test func aCellJoinsTheSegmentBeforeIt() {
    let walk = "xlseg(f, _m, NULL, _d) * _m |-> l: y ^ _d * y |-> l: _m"
    #expect(folded(walk) == "xlseg(l; l; f, NULL, NULL, y)")
    // With the rest of the list after y, y's cell stays the last of the segment from f.
    let middle = "xlseg(f, _m, NULL, _d) * _m |-> l: y ^ _d * y |-> l: x ^ _m * xlseg(x, NULL, y, b)"
    #expect(folded(middle) == "xlseg(l; l; f, x, NULL, y) * xlseg(l; l; x, NULL, y, b)")
    #expect(isWeakening(middle))
    #expect(isWeakening(walk))
  }

  /// Segments join over an inner address; the second one is written backwards.
  @Test func segmentsJoinEitherWayRound() {
    let chain = "y |-> l: _m * _m |-> l: y ^ _d * xlseg(b, _m, NULL, _d)"
    #expect(folded(chain) == "xlseg(l; l; y, NULL, NULL, b)")
    #expect(isWeakening(chain))
  }

  /// `_m`'s link does not hold its previous cell `f`: a singly linked chain, not an xor list.
  @Test func aChainWhoseLinksAreNotNextXorPreviousIsNotFolded() {
    #expect(folded("f |-> l: _m * _m |-> l: y ^ z * y |-> l: _m") == "_m |-> l: y ^ z * f |-> l: _m * y |-> l: _m")
    let singly = folded("f |-> l: _m * _m |-> l: y * y |-> l: NULL")
    #expect(!singly.contains("xlseg"))
  }

  /// The end `z` might be a cell of the chain itself.
  @Test func anEndThatMightBeInsideIsNotFolded() {
    #expect(folded("f |-> l: _m * _m |-> l: z ^ f") == "_m |-> l: z ^ f * f |-> l: _m")
  }

  /// `_m` is also held by another cell: folding it away would lose it.
  @Test func anInnerCellMentionedElsewhereStays() {
    #expect(folded("xlseg(f, _m, NULL, _d) * _m |-> l: y ^ _d * y |-> l: _m * w |-> l: _d").contains("_d"))
  }
}
