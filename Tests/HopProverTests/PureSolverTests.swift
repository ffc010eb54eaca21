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

  /// The closure, fed facts in any order (disequalities before the equalities that merge their
  /// classes), answers "equal?" and "distinct?" exactly as Z3 does, and a pairwise disequality
  /// asserted at once is the same as asserting each pair.
  @Test func closureQueriesAgreeWithZ3InAnyOrder() {
    var random = SplitMix64(seed: 1124)
    let z3 = Z3PureSolver()
    let terms: [Term] = (0..<6).map { .v("x\($0)") } + [.null, .int(0), .int(1)]
    var answered = (equal: 0, distinct: 0, neither: 0)
    for _ in 0..<2_000 {
      let facts: [PureAtom] = (0..<Int.random(in: 1...7, using: &random)).map { _ in
        let a = terms.randomElement(using: &random)!
        let b = terms.randomElement(using: &random)!
        return Bool.random(using: &random) ? .equal(a, b) : .notEqual(a, b)
      }
      var closure = EqualityClosure()
      for fact in facts { closure.assert(fact) }
      let contradictory = z3.satisfiability(of: facts) == .unsatisfiable
      #expect(closure.isContradictory == contradictory, "\(facts)")
      if contradictory { continue }
      let a = terms.randomElement(using: &random)!
      let b = terms.randomElement(using: &random)!
      let equal = z3.verdict(facts, entail: .equal(a, b)) == .proved
      let distinct = z3.verdict(facts, entail: .notEqual(a, b)) == .proved
      #expect(closure.areEqual(a, b) == equal, "\(facts) ⊢ \(a) == \(b)")
      #expect(closure.areDistinct(a, b) == distinct, "\(facts) ⊢ \(a) != \(b)")
      if equal { answered.equal += 1 } else if distinct { answered.distinct += 1 } else { answered.neither += 1 }

      let list = (0..<3).map { _ in terms.randomElement(using: &random)! }
      var atOnce = closure
      atOnce.assertSeparate(list)
      var onePairAtATime = closure
      for (index, first) in list.enumerated() {
        for second in list[(index + 1)...] { onePairAtATime.assertDistinct(first, second) }
      }
      #expect(atOnce.isContradictory == onePairAtATime.isContradictory, "\(facts), distinct \(list)")
      if !atOnce.isContradictory {
        #expect(atOnce.facts == onePairAtATime.facts, "\(facts), distinct \(list)")
      }
    }
    // All three answers must occur, or the test would not be checking anything.
    #expect(answered.equal > 50 && answered.distinct > 50 && answered.neither > 50, "\(answered)")
  }

  @Test func pairwiseDistinctTermsThatAreEqualAreAContradiction() {
    var closure = EqualityClosure()
    closure.assertEqual(.v("x"), .v("y"))
    let learnt = closure.assertSeparate([.v("z"), .v("y")])
    #expect(learnt)
    #expect(!closure.isContradictory)
    #expect(closure.areDistinct(.v("x"), .v("z")))
    closure.assertSeparate([.v("x"), .null, .v("y")])
    #expect(closure.isContradictory)
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
