import HopLogic
import HopProver
import HopTestSupport
import Testing

/// Each rule of the prover, with a positive case and a negative case that an
/// unsound version of the rule would prove.
@Suite struct EntailmentTests {
  let prover = Prover()

  func proves(_ a: String, _ b: String) -> Bool { prover.entails(heap(a), heap(b)).isProved }
  /// Refuted: the prover's answer is a failure, not an unknown (which `!proves` would let pass).
  func refutes(_ a: String, _ b: String) -> Bool {
    if case .failed = prover.entails(heap(a), heap(b)) { true } else { false }
  }
  func frame(_ a: String, _ b: String) -> [String]? {
    guard case .proved(let frames) = prover.entailment(heap(a), heap(b)) else { return nil }
    return frames.map { $0.heap.spatial.map(\.description).sorted().joined(separator: " * ") }
  }

  // MARK: Normalisation

  @Test func twoCellsAtOneAddressAreContradictory() {
    #expect(prover.satisfiability(heap("x |-> * x |->")) == .unsatisfiable)
    #expect(prover.satisfiability(heap("x |-> * y |->")) == .satisfiable)
    #expect(proves("x |-> * y |->", "x |-> * y |-> * x != y"))
  }

  @Test func nullIsNeverAllocated() {
    #expect(prover.satisfiability(heap("NULL |->")) == .unsatisfiable)
    #expect(prover.satisfiability(heap("x |-> * x == NULL")) == .unsatisfiable)
    #expect(proves("x |-> tl: y", "x |-> tl: y * x != NULL"))
    #expect(refutes("x |-> tl: y", "x |-> tl: y * y != NULL"))
  }

  @Test func inconsistentPurePartEntailsAnything() {
    #expect(prover.satisfiability(heap("x == y * x != y")) == .unsatisfiable)
    #expect(proves("x == y * x != y * z |->", "list(w)"))
    #expect(refutes("x == y * z |->", "list(w)"))
  }

  @Test func emptySegmentsDisappear() {
    #expect(proves("lseg(x, x)", "emp"))
    #expect(proves("list(NULL)", "emp"))
    #expect(proves("x == NULL * list(x)", "emp"))
    #expect(refutes("lseg(x, y)", "emp"))
    #expect(refutes("list(x)", "emp"))
  }

  @Test func aSegmentStartingAtAnAllocatedCellIsEmpty() {
    #expect(proves("lseg(x, y) * x |->", "x |-> * x == y"))
    #expect(refutes("lseg(x, y) * z |->", "z |-> * x == y"))
  }

  @Test func segmentCyclesAreSatisfiable() {
    #expect(prover.satisfiability(heap("lseg(x, y) * lseg(y, x) * x != y")) == .satisfiable)
    #expect(prover.satisfiability(heap("lseg(x, y) * lseg(x, z) * x != y * x != z")) == .unsatisfiable)
  }

  // MARK: Matching and frames

  @Test func theFrameIsWhatIsLeftExactly() {
    #expect(frame("x |-> tl: y * y |-> tl: z", "x |-> tl: y") == ["y |-> tl: z"])
    #expect(frame("x |-> tl: y * list(z)", "list(z)") == ["x |-> tl: y"])
    #expect(frame("x |-> tl: y", "x |-> tl: z") == nil)
  }

  @Test func existentialsAreInstantiated() {
    guard case .proved(let frames) = prover.entails(heap("x |-> tl: y, hd: 3"), heap("x |-> tl: _n, hd: _v")) else {
      Issue.record("not proved")
      return
    }
    #expect(frames.count == 1)
    #expect(frames[0].instantiation[Variable("_n")] == .v("y"))
    #expect(frames[0].instantiation[Variable("_v")] == .int(3))
    #expect(refutes("x |-> tl: y * z |-> tl: w", "x |-> tl: _n * z |-> tl: _n"))
    #expect(proves("x |-> tl: y * z |-> tl: y", "x |-> tl: _n * z |-> tl: _n"))
  }

  @Test func unmentionedFieldsAreUnconstrained() {
    #expect(proves("x |-> tl: y, hd: 4", "x |-> tl: y"))
    #expect(refutes("x |-> tl: y", "x |-> tl: y, hd: 4"))
    #expect(proves("x |-> tl: y", "x |-> tl: y, hd: _d"))
  }

  // MARK: Unfolding on the left

  @Test func aNonEmptyListUnfoldsIntoACell() {
    #expect(proves("list(x) * x != NULL", "x |-> tl: _n * list(_n)"))
    #expect(refutes("list(x)", "x |-> tl: _n * list(_n)"))
    #expect(proves("lseg(x, y) * x != y", "x |-> tl: _n * lseg(_n, y)"))
  }

  // MARK: Rolling on the right

  @Test func aCellRollsIntoASegmentOnlyWhenItsEndIsDistinct() {
    #expect(proves("x |-> tl: y * lseg(y, z) * x != z", "lseg(x, z)"))
    #expect(refutes("x |-> tl: y * lseg(y, z)", "lseg(x, z)"))
    #expect(proves("x |-> tl: y * list(y)", "list(x)"))
  }

  @Test func segmentsComposeOnlyWhenTheEndCannotBeInside() {
    #expect(proves("lseg(x, y) * lseg(y, NULL)", "list(x)"))
    #expect(refutes("lseg(x, y) * lseg(y, z)", "lseg(x, z)"))
    #expect(proves("lseg(x, y) * lseg(y, z) * z |->", "lseg(x, z) * z |->"))
    #expect(proves("lseg(x, y) * lseg(y, z) * lseg(z, w) * z != w", "lseg(x, z) * lseg(z, w)"))
  }

  @Test func caseSplitsOnSegmentEnds() {
    // If x == y the left is emp and so is the right; otherwise the cell closes the segment.
    #expect(proves("lseg(x, y) * y |-> tl: NULL", "list(x)"))
    #expect(refutes("lseg(x, y) * y |-> tl: z", "list(x)"))
  }

  @Test func longChainsNeedNoSplitExplosion() {
    let atoms = (0..<200).map { "lseg(x\($0), x\($0 + 1))" }.joined(separator: " * ")
    #expect(proves(atoms + " * lseg(x200, NULL)", "list(x0)"))
    let cells = (0..<200).map { "x\($0) |-> tl: x\($0 + 1)" }.joined(separator: " * ")
    #expect(proves(cells + " * x200 == NULL", "list(x0)"))
  }

  // MARK: Trees

  @Test func treesRollAndVanishAtNull() {
    #expect(proves("tree(NULL)", "emp"))
    #expect(proves("x |-> l: a, r: b * tree(a) * tree(b)", "tree(x)"))
    #expect(refutes("x |-> l: a, r: b * tree(a)", "tree(x)"))
    #expect(proves("tree(x) * x != NULL", "x |-> l: _a, r: _b * tree(_a) * tree(_b)"))
    #expect(refutes("tree(x)", "x |-> l: _a, r: _b * tree(_a) * tree(_b)"))
  }

  // MARK: Endpoints

  @Test func endpointsMatchContractRoleAndStates() {
    #expect(proves("e |-> C{s}, peer: f", "e |-> C{s, t}, peer: f"))
    #expect(refutes("e |-> C{s, t}", "e |-> C{s}"))
    #expect(refutes("e |-> ~C{s}", "e |-> C{s}"))
    #expect(refutes("e |-> C{s}, peer: f", "e |-> C{s}, peer: g"))
    #expect(refutes("e |-> C{s}", "e |-> C{s}, peer: g"))
    #expect(proves("e |-> C{s}, peer: f", "e |-> C{s}, peer: _p"))
  }

  @Test func peersAreMutual() {
    // f's peer is e, so e's peer is f: a channel has two ends (also once f is matched first).
    #expect(proves("f |-> ~C{s}, peer: e * e |-> C{s}", "f |-> ~C{s}, peer: e * e |-> C{s}, peer: f"))
    #expect(proves("f |-> ~C{s}, peer: e * e |-> C{s}", "e |-> C{s}, peer: f * f |-> ~C{s}, peer: e"))
    #expect(proves("f |-> ~C{s}, peer: g * e |-> C{s} * g == e", "e |-> C{s}, peer: f * f |-> ~C{s}"))
    #expect(refutes("f |-> ~C{s} * e |-> C{s}", "f |-> ~C{s} * e |-> C{s}, peer: f"))
    #expect(refutes("f |-> ~C{s}, peer: g * e |-> C{s}", "f |-> ~C{s}, peer: g * e |-> C{s}, peer: f"))
  }

  // MARK: Pure facts beyond equality (Z3)

  @Test func arithmeticGoesToTheSolver() {
    #expect(proves("y == x + 1", "y != x"))
    #expect(refutes("y == x + x", "y != x"))
    #expect(proves("y == x + x * x != 0", "y != x"))
  }
}
