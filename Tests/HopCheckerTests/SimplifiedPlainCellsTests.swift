@testable import HopChecker
import HopLogic
import Testing

/// `simplified` passes over plain cells (most of a large state, decision 84) and keeps
/// what it kept when it counted them: no fact about an existential a cell mentions is lost.
@Suite struct SimplifiedPlainCellsTests {
  @Test func simplifiedKeepsFactsAboutExistentialsInCellsAndDropsTheOthers() {
    let cells: [SpatialAtom] = (0..<20).map { .pointsTo(.v("x\($0)"), fields: ["tl": .int(0)]) }
    // `_u` is in a cell: its fact stays. `_w` is in no cell: its fact goes.
    let kept = SymbolicHeap(pure: [.notEqual(.v("_u"), .null), .notEqual(.v("_w"), .v("x3"))],
                            spatial: cells + [.pointsTo(.v("a"), fields: ["tl": .v("_u")])])
    let simplified = kept.simplified
    #expect(simplified.pure == [.notEqual(.v("_u"), .null)])
    #expect(simplified.existentials == [Variable("_u")])
    #expect(simplified.spatial == kept.spatial)
    // A plain cell is one with program variables and constants only.
    #expect(SymbolicHeap.isPlainCell(cells[0]))
    #expect(SymbolicHeap.isPlainCell(.pointsTo(.v("a"), fields: ["tl": .v("b"), "hd": .null])))
    #expect(!SymbolicHeap.isPlainCell(.pointsTo(.v("a"), fields: ["tl": .v("_u")])))
    #expect(!SymbolicHeap.isPlainCell(.pointsTo(.v("_u"), fields: [:])))
    #expect(!SymbolicHeap.isPlainCell(.pointsTo(.v("a"), fields: ["tl": .binary(.xor, .v("b"), .v("b"))])))
    // A cell with `^` is not passed over: it is normalised (`b ^ b` is 0).
    let xor = SymbolicHeap(spatial: cells + [.pointsTo(.v("a"), fields: ["tl": .binary(.xor, .v("b"), .v("b"))])])
    #expect(xor.simplified.spatial.last == .pointsTo(.v("a"), fields: ["tl": .int(0)]))
  }
}
