import HopLogic
import HopProver
import HopTestSupport
import Testing

@Suite struct PureSolverTests {
  @Test func fastPathAndZ3AgreeOnRandomEqualityQueries() {
    var random = SplitMix64(seed: 2026)
    let fastPath = EqualityFastPath()
    let z3 = Z3PureSolver()
    let terms: [Term] = (0..<6).map { .v("x\($0)") } + [.null, .int(0), .int(1), .int(2)]
    var unsatisfiable = 0
    for _ in 0..<10_000 {
      let count = Int.random(in: 1...8, using: &random)
      let facts: [PureAtom] = (0..<count).map { _ in
        let a = terms.randomElement(using: &random)!
        let b = terms.randomElement(using: &random)!
        return Bool.random(using: &random) ? .equal(a, b) : .notEqual(a, b)
      }
      let fast = fastPath.satisfiability(of: facts)
      let slow = z3.satisfiability(of: facts)
      #expect(fast == slow, "\(facts)")
      if fast == .unsatisfiable { unsatisfiable += 1 }
      if fast != slow { return }
    }
    // Both answers must occur, or the test would not be checking anything.
    #expect(unsatisfiable > 1_000 && unsatisfiable < 9_000)
  }

  @Test func fastPathDeclinesArithmetic() {
    #expect(EqualityFastPath().satisfiability(of: [.less(.v("x"), .v("y"))]) == nil)
    #expect(EqualityFastPath().satisfiability(of: [.equal(.v("x"), .binary(.plus, .v("y"), .int(1)))]) == nil)
  }

  @Test func nullIsZero() {
    #expect(EqualityFastPath().satisfiability(of: [.notEqual(.null, .int(0))]) == .unsatisfiable)
    #expect(Z3PureSolver().satisfiability(of: [.notEqual(.null, .int(0))]) == .unsatisfiable)
  }

  @Test func z3DecidesArithmetic() {
    let z3 = Z3PureSolver()
    #expect(z3.verdict([.less(.v("x"), .v("y")), .less(.v("y"), .v("z"))], entail: .less(.v("x"), .v("z"))) == .proved)
    #expect(z3.verdict([.less(.v("x"), .v("y"))], entail: .less(.v("y"), .v("x"))) == .notProved)
    let huge = Term.integer(BigInteger("100000000000000000000000000000")!)
    #expect(z3.satisfiability(of: [.equal(.v("x"), huge), .less(.v("x"), .int(5))]) == .unsatisfiable)
  }
}
