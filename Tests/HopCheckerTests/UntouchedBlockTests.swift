@testable import HopChecker
import HopLogic
import HopProver
import HopSyntax
import Testing

/// Cuts made from the block of cells the last cut left out (decision 88): the same cuts as the walk
/// makes, the block used only for the very atoms it was made for, and whole programs giving the
/// same states after every command with the block, with the walk, and with no cut at all.
@Suite struct UntouchedBlockTests {
  private let a = Term.v("a"), b = Term.v("b"), c = Term.v("c"), d = Term.v("d"), x = Term.v("x")

  private func cell(_ address: Term, _ next: Term = .int(0)) -> SpatialAtom { .pointsTo(address, fields: ["tl": next]) }

  /// The cut from a block equals the walk's, for each set of variables asked about.
  private func expectSameCut(_ state: SymbolicHeap, block range: Range<Int>, around names: [[String]]) {
    for reached in names {
      let variables = Set(reached.map(Variable.init))
      guard var block = UntouchedBlock(state, range: range) else { Issue.record("no block"); return }
      let fast = StateSlice(state, around: variables, block: block, index: block.takeIndex())
      let walked = StateSlice(state, around: variables, passes: state.spatial.count + 1)
      #expect((fast == nil) == (walked == nil), "around \(reached)")
      if let fast, let walked {
        #expect(fast.touched == walked.touched, "around \(reached)")
        #expect(fast.untouched == walked.untouched, "around \(reached)")
        #expect(fast.untouchedIndex == UntouchedBlock.Index(fast.untouched), "around \(reached)")
      }
    }
  }

  @Test func aCutFromTheBlockIsTheWalks() {
    // A list segment and a cell outside the block; the block's cells b, c, d, with c pointing to x.
    let state = SymbolicHeap(pure: [.equal(x, a)],
                             spatial: [cell(a), cell(b), cell(c, x), cell(d), .segment(field: "tl", from: .v("y"), to: .null)])
    expectSameCut(state, block: 1..<4, around: [["b"], ["d"], ["a"], ["x"], ["y"], ["b", "d"], ["z"]])
  }

  @Test func noCutFromTheBlockWhereTheWalkMakesNone() {
    // An outside cell at an address of the block: the state is contradictory, and neither cuts.
    let twice = SymbolicHeap(spatial: [cell(a), cell(b), cell(c), cell(b, .v("w"))])
    expectSameCut(twice, block: 1..<3, around: [["a"]])
    // Every cell reached: nothing left out.
    let all = SymbolicHeap(spatial: [cell(a, b), cell(b, c), cell(c)])
    expectSameCut(all, block: 1..<3, around: [["a"]])
  }

  @Test func aBlockDescribesOnlyTheAtomsItWasMadeFor() throws {
    let state = SymbolicHeap(spatial: [cell(a), cell(b), cell(c)])
    let block = try #require(UntouchedBlock(state, range: 1..<3))
    #expect(block.describes(state))
    var changed = state
    changed.spatial[0] = cell(a, b)
    #expect(!block.describes(changed))
    let rebuilt = SymbolicHeap(spatial: state.spatial.map { $0 })
    #expect(!block.describes(rebuilt), "the same cells in other storage")
  }

  @Test func noBlockWhereItsRangeOrEndsDoNotFit() {
    let state = SymbolicHeap(spatial: [cell(a), cell(b), cell(c)])
    #expect(UntouchedBlock(state, range: 1..<4) == nil)
    // An index of other cells than the range's first and last.
    #expect(UntouchedBlock(state, range: 0..<2, index: UntouchedBlock.Index([cell(b), cell(c)])) == nil)
    #expect(UntouchedBlock(state, range: 1..<3, index: UntouchedBlock.Index([cell(b), cell(c)])) != nil)
  }

  /// The states after each command of `main` with cuts from the block, by the walk, and with no cut.
  private func compare(_ text: String) throws -> Int {
    let fromBlock = try mainStates(text, slicing: true, reusingCuts: true)
    let walked = try mainStates(text, slicing: true, reusingCuts: false)
    let whole = try mainStates(text, slicing: false, reusingCuts: false)
    #expect(walked.fromBlock == 0)
    #expect(fromBlock.states == walked.states)
    #expect(fromBlock.states == whole.states)
    return fromBlock.fromBlock
  }

  private let procedures = """
    tl;
    use(x) [x |-> tl: NULL] { x->tl = NULL; } [x |-> tl: NULL]
    link(x, y) [x |-> tl: NULL] { x->tl = y; } [x |-> tl: y]

    """

  @Test func programsGiveTheSameStatesWithCutsFromTheBlock() throws {
    // Allocations, field writes, calls, reads, assignments and disposals in a row; c's cell comes to
    // hold b, so the assignment to b changes a cell of the block, which is then not carried.
    let text = procedures + """
      main() {
        local a, b, c, d, t;
        a = new(); a->tl = NULL; b = new(); b->tl = NULL; c = new(); c->tl = NULL; d = new(); d->tl = NULL;
        use(a); use(b); link(c, b); use(d); t = a->tl; use(a);
        b->tl = NULL; t = NULL; b = b; use(d);
        dispose a; dispose d; c->tl = NULL; dispose c; dispose b;
      }
      """
    #expect(try compare(text) > 5)
  }

  @Test func aFailingCommandAfterCutsFromTheBlockFailsAsBefore() throws {
    // The second dispose of a faults (HH101 on its line, with the state of that case), as without cuts from a block.
    let text = procedures + """
      main() {
        local a, b, c;
        a = new(); a->tl = NULL; b = new(); b->tl = NULL; c = new(); c->tl = NULL;
        use(b); dispose a; use(c);
        dispose a;
      }
      """
    #expect(syncErrors(text) == ["HH101 8"])
  }
}
