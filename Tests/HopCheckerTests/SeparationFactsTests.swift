@testable import HopChecker
import HopLogic
import HopSyntax
import Testing

/// After a call, the state leaves out the disequalities its cells imply (decision 79): frame
/// inference keeps `x != y` for the cell it matched and every cell of the frame, and once the
/// postcondition gives the cell back those n facts say nothing the cells do not.
@Suite struct SeparationFactsTests {
  private let x = Term.v("x"), y = Term.v("y"), z = Term.v("z")

  @Test func disequalitiesBetweenCellsAndWithNullAreLeftOut() {
    let heap = SymbolicHeap(pure: [.notEqual(x, y), .notEqual(.null, y), .notEqual(x, .int(0)), .equal(z, x)],
                            spatial: [.pointsTo(x, fields: [:]), .endpoint(y, EndpointCell(contract: "C", isDual: false,
                                                                                             states: ["s"], peer: nil))])
    #expect(heap.withoutSeparationFacts.pure == [.equal(z, x)])
    #expect(heap.withoutSeparationFacts.spatial == heap.spatial)
  }

  @Test func whatTheCellsDoNotImplyIsKept() {
    // z is no cell's address, 1 is not NULL, and `x != x` is a contradiction, not a consequence.
    let facts: [PureAtom] = [.notEqual(x, z), .notEqual(x, .int(1)), .notEqual(x, x), .notEqual(z, .null)]
    let heap = SymbolicHeap(pure: facts, spatial: [.pointsTo(x, fields: [:]), .segment(field: "tl", from: z, to: .null)])
    #expect(heap.withoutSeparationFacts.pure == facts)
  }

  @Test func aCallLeavesNoDisequalityBetweenItsCellsInTheState() throws {
    let text = """
      tl;
      use(x) [x |-> tl: NULL] { x->tl = NULL; } [x |-> tl: NULL]
      main() {
        local a, b, c;
        a = new(); a->tl = NULL; b = new(); b->tl = NULL; c = new(); c->tl = NULL;
        use(b);
        dispose a; dispose b; dispose c;
      }
      """
    let front = Frontend.analyze(SourceFile(path: "t.hop", text: text))
    let report = SyncChecker.check(front.program, recordingTraces: true)
    #expect(report.procedures.map(\.outcome) == [.valid, .valid])
    let main = try #require(report.traces.first { $0.procedure.name.name == "main" })
    let call = try #require(main.steps.first { text[text.index(text.startIndex, offsetBy: $0.range.start)...].hasPrefix("use(b)") })
    // The frame kept `b != a`, `b != c`, `b != NULL`; with b's cell back they are left out.
    #expect(call.states.map(\.pure) == [[]])
    #expect(call.states.map { $0.spatial.count } == [3])
  }
}
