@testable import HopChecker
import HopLogic
import HopProver
import HopSyntax
import Testing

/// Field accesses and calls proved on the part of the state they reach (decision 84):
/// the cut itself (`StateSlice`), and the states of whole programs run with the cut and
/// without it, which must be the same after every command, with the cut taken where it can be.
@Suite struct CallSliceTests {
  private let a = Term.v("a"), b = Term.v("b"), c = Term.v("c"), x = Term.v("x"), y = Term.v("y")

  private func cell(_ address: Term, _ next: Term = .null) -> SpatialAtom { .pointsTo(address, fields: ["tl": next]) }

  @Test func theCellsNoVariableReachesAreLeftOutInTheirOrder() throws {
    let state = SymbolicHeap(spatial: [cell(a), cell(b), cell(c)])
    let slice = try #require(StateSlice(state, around: [Variable("b")]))
    #expect(slice.touched.spatial == [cell(b)])
    // As the prover writes them: NULL is 0.
    #expect(slice.untouched == [cell(a, .int(0)), cell(c, .int(0))])
    #expect(slice.whole(SymbolicHeap(spatial: [cell(b)]), after: 1).spatial == [cell(b), cell(a, .int(0)), cell(c, .int(0))])
  }

  @Test func aCellReachedThroughAnEqualityIsInThePart() throws {
    // `x == b`: a call on x needs b's cell.
    let state = SymbolicHeap(pure: [.equal(x, b)], spatial: [cell(a), cell(b), cell(c)])
    let slice = try #require(StateSlice(state, around: [Variable("x")]))
    #expect(slice.touched.spatial == [cell(b)])
    #expect(slice.touched.pure == [.equal(x, b)])
  }

  @Test func cellsLinkedToThePartJoinItWhicheverTheirOrder() throws {
    // c points to b, b to a: around a, b and c join one walk after the other.
    let state = SymbolicHeap(spatial: [cell(c, b), cell(y), cell(b, a), cell(a)])
    let slice = try #require(StateSlice(state, around: [Variable("a")]))
    #expect(slice.touched.spatial == [cell(c, b), cell(b, a), cell(a)])
    #expect(slice.untouched == [cell(y, .int(0))])
  }

  @Test func noCutWhereTheRestIsNotPlainDistinctCells() {
    // A segment, an existential, two cells at one address (the state is then contradictory): all stay with the whole state.
    let segment = SymbolicHeap(spatial: [cell(a), .segment(field: "tl", from: y, to: .null)])
    #expect(StateSlice(segment, around: [Variable("a")]) == nil)
    let existential = SymbolicHeap(spatial: [cell(a), cell(.v("_u"))])
    #expect(StateSlice(existential, around: [Variable("a")]) == nil)
    let twice = SymbolicHeap(spatial: [cell(a), cell(b), cell(b)])
    #expect(StateSlice(twice, around: [Variable("a")]) == nil)
  }

  private func run(_ text: String, slicing: Bool) throws -> (states: [[SymbolicHeap]], sliced: Int, fromBlock: Int) {
    try mainStates(text, slicing: slicing)
  }

  private let use = """
    tl;
    use(x) [x |-> tl: NULL] { x->tl = NULL; } [x |-> tl: NULL]
    free(x) [x |-> tl: NULL] { dispose x; } [emp]

    """

  @Test func callsAndFieldAccessesOnAPartGiveTheWholeStatesResults() throws {
    let text = use + """
      main() {
        local a, b, c, y;
        a = new(); a->tl = NULL; b = new(); b->tl = NULL; c = new(); c->tl = NULL;
        use(a); use(c); y = b; use(y); y->tl = NULL;
        dispose a; dispose b; dispose c;
      }
      """
    let whole = try run(text, slicing: false)
    let cut = try run(text, slicing: true)
    #expect(whole.sliced == 0)
    #expect(cut.states == whole.states)
    // b->tl, c->tl, use(a), use(c) and `dispose b` are cut. use(y) finds b's cell through `y == b` but is
    // proved on the whole state: the frame names the cell b, the postcondition gives it back at y, so
    // `a != b` and `b != c` stay in the state (and then reach a and c, so the later steps are not cut).
    #expect(cut.sliced == 5)
    #expect(cut.states[9] == whole.states[9] && cut.states[9].first?.pure.contains(.notEqual(a, b)) == true)
  }

  @Test func aCallThatKeepsTheCellIsProvedOnTheWholeStateAndKeepsItsFacts() throws {
    // free(b) does not give b's cell back: that b differs from a and c is still known after it,
    // which the part alone does not say, so the whole state is asked.
    let text = use + """
      main() {
        local a, b, c;
        a = new(); a->tl = NULL; b = new(); b->tl = NULL; c = new(); c->tl = NULL;
        free(b);
        dispose a; dispose c;
      }
      """
    let whole = try run(text, slicing: false)
    let cut = try run(text, slicing: true)
    #expect(cut.states == whole.states)
    let afterFree = try #require(cut.states.dropLast(2).last?.first)
    #expect(afterFree.pure.contains(.notEqual(a, b)) && afterFree.pure.contains(.notEqual(b, c)))
  }

  @Test func aCallOnACellThatIsGoneIsStillRejected() {
    // y names b's cell only through `y == b`, and b is disposed: the part has no cell for use(y).
    let text = use + """
      main() {
        local a, b, y;
        a = new(); a->tl = NULL; b = new(); b->tl = NULL;
        y = b; dispose b;
        use(y);
        dispose a;
      }
      """
    #expect(syncErrors(text) == ["HH106 8"])
  }

  @Test func aCallOnAListNamedThroughAnEqualityIsProved() throws {
    let text = """
      tl;
      keep(x) [list(x)] { } [list(x)]
      main(p) [list(p)] {
        local a, q;
        a = new(); a->tl = NULL;
        q = p; keep(q);
        dispose a;
      } [list(p)]
      """
    #expect(syncVerdicts(text) == ["keep: valid", "main: valid"])
  }
}
