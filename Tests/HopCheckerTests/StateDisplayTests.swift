import HopChecker
import HopLogic
import Testing

/// What `explain` and the notes show of a state (issue 25): one name per value for a whole proof,
/// no facts that say nothing, and only weakenings of the state (never a fact it does not imply).
@Suite struct StateDisplayTests {
  @Test func aFreshNameKeepsItsLetterForTheWholeProofAndANewOneGetsANewLetter() {
    let old = Variable("_x#s3"), peer = Variable("_peer#s9")
    let first = SymbolicHeap(spatial: [.pointsTo(.v("y"), fields: ["tl": .variable(old)])])
    let second = SymbolicHeap(spatial: [.pointsTo(.v("y"), fields: ["tl": .variable(peer)]),
                                        .pointsTo(.v("z"), fields: ["tl": .variable(old)])])
    var names = StateNames(for: [first, second])
    #expect(StateDisplay.text(first, names: &names) == "y |-> tl: _a")
    #expect(StateDisplay.text(second, names: &names) == "y |-> tl: _b * z |-> tl: _a")
    // Each state lettered on its own (a diagnostic's note) starts again at _a.
    #expect(StateDisplay.text(second) == "y |-> tl: _a * z |-> tl: _b")
  }

  @Test func aProofsConstantReadsAsTheWrittenExistentialAndNoLetterTakesItsName() {
    let heap = SymbolicHeap(pure: [.equal(.v("y"), .v("a'")), .notEqual(.v("y"), .v("_b#s4"))],
                            spatial: [.pointsTo(.v("y"), fields: ["tl": .v("_u#s2")])])
    var names = StateNames(for: [heap])
    let text = StateDisplay.text(heap, names: &names)
    // `y != _c` for a value nothing else mentions says nothing: left out.
    #expect(text == "y |-> tl: _b * y == _a", "\(text)")
    #expect(!text.contains("'"))
  }

  @Test func noEmpBeforeFactsNoTautologiesNoRepeatsAndEmpWhenNothingIsLeft() {
    let facts = SymbolicHeap(pure: [.equal(.int(0), .null), .equal(.v("k"), .binary(.plus, .v("j"), .int(1))),
                                    .equal(.binary(.plus, .v("j"), .int(1)), .v("k"))])
    #expect(StateDisplay.text(facts) == "k == j + 1")
    #expect(StateDisplay.text(SymbolicHeap(pure: [.equal(.int(0), .null)])) == "emp")
    // A false fact between constants is kept: the state is inconsistent, and that is worth seeing.
    #expect(StateDisplay.text(SymbolicHeap(pure: [.notEqual(.int(0), .null)])) == "0 != NULL")
  }

  @Test func anAddressComparesWithNullInEveryStateOfTheProofAndANumberWithZero() {
    let cell = SymbolicHeap(spatial: [.pointsTo(.v("x"), fields: [:])])
    let later = SymbolicHeap(pure: [.equal(.v("x"), .int(0)), .equal(.v("k"), .int(0))])
    var names = StateNames(for: [cell, later])
    #expect(StateDisplay.text(later, names: &names) == "x == NULL * k == 0")
    // Without the proof's other states nothing says that x is an address.
    #expect(StateDisplay.text(later) == "x == 0 * k == 0")
  }

  @Test func factsAboutDeadVariablesAreLeftOutAfterTheyAreUsedOnTheLiveOnes() {
    let heap = SymbolicHeap(pure: [.equal(.v("x"), .v("t")), .notEqual(.v("x"), .int(0)), .equal(.v("k"), .int(1))],
                            spatial: [.segment(field: "tl", from: .v("t"), to: .null)])
    var names = StateNames(for: [heap])
    #expect(StateDisplay.text(heap, names: &names, focus: StateFocus(dead: [Variable("x")])) == "list(tl; t) * t != NULL * k == 1")
    // Live, x is shown.
    #expect(StateDisplay.text(heap, names: &names) == "list(tl; t) * x == t * x != NULL * k == 1")
  }

  @Test func disequalitiesAboutAValueNoCellMentionsSayNothing() {
    let loose = Variable("_b#s5")
    let heap = SymbolicHeap(pure: [.notEqual(.variable(loose), .int(0)), .notEqual(.variable(loose), .v("e")),
                                   .equal(.v("k"), .binary(.minus, .v("_c#s6"), .int(1))), .notEqual(.v("_c#s6"), .int(0))],
                            spatial: [.pointsTo(.v("e"), fields: [:])])
    // _c is said to be k + 1 and not 0: that says k != -1, so it stays.
    #expect(StateDisplay.text(heap) == "e |-> * k == _a - 1 * _a != 0")
  }

  @Test func briefShowsTheCellsAndTheFactsAboutLiveProgramVariablesOnly() {
    let heap = SymbolicHeap(pure: [.equal(.v("l"), .v("c")), .notEqual(.v("_b#s1"), .int(0)),
                                   .equal(.v("k"), .binary(.minus, .v("_b#s1"), .int(1)))],
                            spatial: [.pointsTo(.v("c"), fields: ["hd": .v("_b#s1")])])
    var names = StateNames(for: [heap])
    #expect(StateDisplay.text(heap, names: &names, focus: StateFocus(brief: true)) == "c |-> hd: _a * l == c")
    #expect(StateDisplay.text(heap, names: &names) == "c |-> hd: _a * l == c * _a != 0 * k == _a - 1")
  }
}
