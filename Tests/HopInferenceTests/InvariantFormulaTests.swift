import HopInference
import HopLogic
import HopProver
import HopTestSupport
import Testing

/// The writing of a disjunction as one Hop formula (`InvariantFormula`):
/// nested splits on comparisons, a case that decides nothing going to both
/// branches, and a case covered within a branch dropped; the formula read
/// back means the disjunction; cases that differ only in shape are not written.
@Suite struct InvariantFormulaTests {
  let prover = Prover()

  /// Whether the formula's cases (read back) and `heaps` describe the same states: every case of
  /// each entails the disjunction of the other, checked case by case under the formula's conditions.
  func meansTheSame(_ formula: String, _ cases: [SymbolicHeap]) -> Bool {
    let written = heaps(formula).map(\.closed)
    let closed = cases.map(\.closed)
    // The formula implies the disjunction: each of its cases entails one of the cases.
    let weaker = written.allSatisfy { piece in closed.contains { prover.entails(piece, $0, details: false).isProved } }
    // The disjunction implies the formula: each case, under each branch's conditions it is consistent
    // with, entails that branch.
    let stronger = closed.allSatisfy { original in
      written.allSatisfy { piece in
        var under = original
        under.pure += piece.pure
        under = under.closed
        return prover.satisfiability(under) == .unsatisfiable || written.contains { prover.entails(under, $0, details: false).isProved }
      }
    }
    return weaker && stronger
  }

  /// pool.hop's second loop: the entry case decides `n == 0` neither way, so it goes to both branches;
  /// under `n != 0` the cases are told apart by `l == NULL` and `k == n` in turn.
  @Test func aCaseThatDecidesNothingGoesToBothBranches() throws {
    let cases = [heap("k == n * l == NULL"), heap("list(c) * c == l * n != 0")]
    let formula = try #require(InvariantFormula(prover: prover).text(cases))
    #expect(formula.hasPrefix("if "))
    #expect(meansTheSame(formula, cases), "\(formula)")
  }

  /// Two cases one of which, under a branch's condition, is covered by the other.
  @Test func aCoveredCaseIsDroppedInItsBranch() throws {
    let cases = [heap("list(x) * y == NULL"), heap("x |-> tl: y * list(y)")]
    let formula = try #require(InvariantFormula(prover: prover).text(cases))
    #expect(meansTheSame(formula, cases), "\(formula)")
  }

  /// msort's split: which of a and b reaches l is a matter of shape; with both non-NULL, both are possible.
  @Test func casesThatDifferOnlyInShapeAreNotWritten() {
    let cases = [heap("l |-> tl: NULL * list(a) * list(p) * lseg(b, l)"),
                 heap("l |-> tl: NULL * list(b) * list(p) * lseg(a, l)"),
                 heap("list(l) * a == NULL * b == NULL * l == p")]
    #expect(InvariantFormula(prover: prover).text(cases) == nil)
  }
}
