import HopLogic
import HopProver
import HopTestSupport
import Testing

/// The prover's services to the checker: the cell at an address (with all
/// its fields), failures as values, and frames that do not bloat.
@Suite struct RearrangementTests {
  let prover = Prover()

  private func exposed(_ formula: String, at address: String) -> [String]? {
    guard case .exposed(let heaps) = prover.rearrange(heap(formula), at: .v(address)) else { return nil }
    return heaps.map { $0.spatial[0].description }
  }

  @Test func aCellIsExposedWithEveryField() {
    #expect(exposed("y |-> tl: NULL * x |-> hd: a, tl: b", at: "x") == ["x |-> hd: a, tl: b"])
  }

  @Test func aNonEmptySegmentIsUnfoldedAndAnUndecidedOneSplit() throws {
    #expect(exposed("lseg(x, y) * x != y", at: "x")?.count == 1)
    // lseg(x, y) with x, y undecided: the empty case has no cell at x.
    guard case .notAllocated = prover.rearrange(heap("lseg(x, y)"), at: .v("x")) else {
      Issue.record("an lseg that may be empty was taken as a cell")
      return
    }
    // With a cell at y, the empty case (x == y) exposes that cell: two cases, both with a cell.
    #expect(exposed("lseg(x, y) * y |-> tl: NULL", at: "x")?.count == 2)
  }

  @Test func aTreeIsUnfoldedAtANonNullRoot() {
    #expect(exposed("tree(t) * t != NULL", at: "t")?.first?.hasPrefix("t |-> l: ") == true)
    guard case .notAllocated = prover.rearrange(heap("tree(t)"), at: .v("t")) else {
      Issue.record("a tree that may be empty was taken as a cell")
      return
    }
  }

  @Test func nullIsNeverACell() {
    guard case .notAllocated = prover.rearrange(heap("x |-> tl: NULL"), at: .null) else {
      Issue.record("NULL was exposed as a cell")
      return
    }
  }

  @Test func inconsistentCasesAreDropped() {
    guard case .exposed(let heaps) = prover.rearrange(heap("x |-> * x == NULL"), at: .v("x")) else {
      Issue.record("an inconsistent state has no fault")
      return
    }
    #expect(heaps.isEmpty)
  }

  @Test func aFailureSaysWhatWasMissingOrLeftOver() throws {
    guard case .failed(let missing) = prover.entails(heap("x |-> tl: NULL"), heap("x |-> tl: NULL * y |-> tl: NULL")) else {
      Issue.record("proved without y")
      return
    }
    #expect(missing.missingAtom == .pointsTo(.v("y"), fields: ["tl": .null]))
    guard case .failed(let leak) = prover.entails(heap("x |-> tl: NULL * y |-> tl: NULL"), heap("x |-> tl: NULL")) else {
      Issue.record("a leftover cell was accepted in a precise entailment")
      return
    }
    #expect(leak.leftover.map(\.description) == ["y |-> tl: 0"])
  }

  @Test func aFrameKeepsOnlyTheFactsItsCellsDoNotImply() throws {
    let cells = (0..<20).map { "c\($0) |-> tl: NULL" }.joined(separator: " * ")
    guard case .proved(let frames) = prover.entailment(heap(cells), heap("c0 |-> tl: NULL")) else {
      Issue.record("cannot take one cell out of twenty")
      return
    }
    #expect(frames.count == 1)
    #expect(frames[0].heap.spatial.count == 19)
    // c0 is distinct from the 19 others and from NULL; those between the 19 follow from separation.
    #expect(frames[0].heap.pure.count <= 20, "\(frames[0].heap.pure.count) facts")
  }
}
