import Foundation
import HopLogic
import HopSMTLib
import HopSyntax
import HopTestSupport
import Testing

/// The SL-COMP reader: s-expressions, list-segment recognition by structure,
/// the two kinds of query, and the two kinds of error.
@Suite struct SLCompReaderTests {
  static let prelude = """
    (set-logic QF_SHLS)
    (set-info :status unsat)
    (declare-sort Ref 0)
    (declare-datatypes ((Node 0)) (((node (nxt Ref)))))
    (declare-heap (Ref Node))
    """

  static func definition(name: String = "seg", base: String = "(= a b)") -> String {
    """
    (define-fun-rec \(name) ((a Ref)(b Ref)) Bool
      (or (and \(base) (_ emp Ref Node))
          (exists ((w Ref)) (and (distinct a b) (sep (pto a (node w)) (\(name) w b))))))
    """
  }

  func read(_ text: String) -> Result<SLCompProblem, SLCompError> {
    SLCompReader.read(SourceFile(path: "t.smt2", text: text))
  }

  @Test func segmentsAreRecognisedByStructureNotName() throws {
    let text = Self.prelude + Self.definition(name: "my_list") + """
      (declare-const x Ref)
      (assert (my_list x (as nil Ref)))
      (assert (not (sep (pto x (node nil)))))
      """
    let problem = try read(text).get()
    #expect(problem.status == .unsat)
    #expect(problem.query == .entailment(antecedent: SymbolicHeap(spatial: [.segment(field: "nxt", from: .v("x"), to: .null)]),
                                         consequent: SymbolicHeap(spatial: [.pointsTo(.v("x"), fields: ["nxt": .null])])))
  }

  @Test func aDefinitionWithAnotherBaseCaseIsNotASegment() {
    let text = Self.prelude + Self.definition(base: "(distinct a b)") + """
      (declare-const x Ref)
      (assert (seg x nil))
      """
    guard case .failure(.unsupported(let diagnostic)) = read(text) else {
      Issue.record("a wrong base case must not be recognised")
      return
    }
    #expect(diagnostic.code == .smtUnsupported)
  }

  @Test func oneAssertionIsASatisfiabilityQuestion() throws {
    let text = Self.prelude + """
      (declare-const x Ref)
      (declare-const y Ref)
      (assert (and (distinct x y) (sep (pto x (node y)) (pto y (node x)))))
      """
    guard case .satisfiability(let heap) = try read(text).get().query else {
      Issue.record("expected a satisfiability problem")
      return
    }
    #expect(heap.pure == [.notEqual(.v("x"), .v("y"))])
    #expect(heap.spatial.count == 2)
  }

  @Test func malformedInputIsReportedWithAPosition() {
    guard case .failure(.malformed(let diagnostic)) = read("(assert (pto x\n") else {
      Issue.record("an unclosed '(' must be malformed")
      return
    }
    #expect(diagnostic.code == .smtMalformed)
    #expect(diagnostic.range.start == 8)
    guard case .failure(.malformed(let undeclared)) = read(Self.prelude + "(assert (pto z (node nil)))") else {
      Issue.record("an undeclared constant must be malformed")
      return
    }
    #expect(undeclared.message.contains("z"))
  }

  @Test func deepNestingIsRefusedNotOverflowed() {
    let text = String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)
    guard case .failure(.malformed(let diagnostic)) = read(text) else {
      Issue.record("expected a diagnostic")
      return
    }
    #expect(diagnostic.code == .smtTooDeep)
  }

  @Test func randomMutationsNeverCrash() {
    let base = Array((Self.prelude + Self.definition() + """
      (declare-const x Ref)
      (declare-const y Ref)
      (assert (sep (seg x y) (pto y (node nil))))
      (assert (not (seg x nil)))
      """).utf8)
    var random = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
      var bytes = base
      switch Int.random(in: 0..<3, using: &random) {
      case 0: bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
      case 1: bytes.removeLast(Int.random(in: 0..<bytes.count, using: &random))
      default: bytes.removeAll { $0 == UInt8(ascii: ")") && Bool.random(using: &random) && Bool.random(using: &random) }
      }
      _ = SLCompReader.read(SourceFile(path: "m.smt2", bytes: bytes))
    }
  }
}
