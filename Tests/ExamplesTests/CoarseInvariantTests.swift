import HopDriver
import HopSyntax
import Testing

/// Loops whose inferred cases differ only in shape, in our own programs of
/// the shapes of Smallfoot 0.1's dlseg.sf and xlseg.sf and of msort's split
/// (decision 81): `hophop infer` writes one coarser case in, and `check
/// --no-infer` proves what it prints. When every coarser case loses what the
/// loop needs, infer still says it could not write the invariant.
@Suite struct CoarseInvariantTests {
  /// A forward walk along a doubly linked list (dlseg.sf's dll_traverse).
  static let doublyLinkedWalk = """
    l, r;

    walk_forward(f, b) [dlseg(f, NULL, NULL, b)] {
      local x, y;
      x = f;
      y = NULL;
      while (x != NULL) {
        y = x;
        x = x->r;
      }
    } [dlseg(f, NULL, NULL, b)]

    """

  /// A walk along an xor-linked list, the dead `t` holding the cell before `y` (xlseg.sf's xll_traverse).
  static let xorLinkedWalk = """
    l;

    xor_walk(f, b) [xlseg(f, NULL, NULL, b)] {
      local x, y, t;
      x = f;
      y = NULL;
      while (x != NULL) {
        t = y;
        y = x;
        x = y->l;
        x = t ^ x;
      }
    } [xlseg(f, NULL, NULL, b)]

    """

  /// Cells dealt out to two lists in turn (msort's split): which of `a`, `b` reaches `l` alternates.
  static let deal = """
    tl;

    deal(a, b; l) [list(l)] {
      local p, t;
      a = NULL;
      b = NULL;
      p = l;
      while (p != NULL) {
        t = p;
        p = p->tl;
        t->tl = b;
        b = a;
        a = t;
      }
    } [list(a) * list(b)]

    """

  /// Two cells that swap names each time round, and a read of the link of the one that points to the other:
  /// the disjunction proves it, no comparison splits it, and the coarser cases forget which cell points where.
  static let flip = """
    tl;

    flip(x, y) [x |-> tl: y * y |-> tl: NULL] {
      local t, z, w, c;
      c = 0;
      while (c == 0) {
        t = x;
        x = y;
        y = t;
        z = x->tl;
        if (z != NULL) {
          w = z->tl;
        }
      }
    } [x |-> * y |->]

    """

  static func outcomes(_ path: String, infer: Bool = true) -> [String] {
    let report = CheckSession.check([path], options: .init(infersInvariants: infer))
    return report.files.first?.procedures.map { "\($0.name): \($0.outcome.rawValue)" } ?? []
  }

  @Test(arguments: [("walk_forward", doublyLinkedWalk, "[dlseg(r; l; f, x, 0, y) * dlseg(r; l; x, 0, y, b)]"),
                    ("xor_walk", xorLinkedWalk, "[xlseg(l; l; f, x, NULL, y) * xlseg(l; l; x, 0, y, b)]"),
                    ("deal", deal, "[list(tl; a) * list(tl; b) * list(tl; p)]")])
  func oneCoarserCaseIsWrittenInAndProvedWithoutInference(_ name: String, _ program: String, _ invariant: String) throws {
    let path = try InferenceExamplesTests.temporary("\(name).hop", Array(program.utf8))
    #expect(Self.outcomes(path) == ["\(name): valid"])
    let inferred = InferSession.infer(path)
    #expect(inferred.remarks.isEmpty, "\(inferred.remarks)")
    let text = try #require(inferred.text)
    #expect(text.contains("while (\(name == "deal" ? "p" : "x") != NULL) \(invariant) {"), "\(text)")
    let written = try InferenceExamplesTests.temporary("\(name).hop", Array(text.utf8))
    #expect(Self.outcomes(written, infer: false) == ["\(name): valid"])
  }

  @Test func noCoarserCaseTheLoopRuleRejectsIsWrittenIn() throws {
    let path = try InferenceExamplesTests.temporary("flip.hop", Array(Self.flip.utf8))
    // Checked with the disjunction inference found: valid.
    #expect(Self.outcomes(path) == ["flip: valid"])
    let inferred = InferSession.infer(path)
    #expect(inferred.remarks.count == 1)
    #expect(inferred.remarks.first?.contains("no one formula says them") == true)
    let text = try #require(inferred.text)
    #expect(text.contains("while (c == 0) {"))
    // Without inference the loop left as it was has the invariant emp, and fails.
    let written = try InferenceExamplesTests.temporary("flip.hop", Array(text.utf8))
    #expect(Self.outcomes(written, infer: false) == ["flip: invalid"])
  }
}
