import HopLogic
import HopProver
import Testing

/// The difference-logic fast path answers only what it decides exactly:
/// checked against Z3 on random conjunctions of loop-counter facts.
@Suite struct DifferenceLogicTests {
  let solver = DifferenceLogic()

  @Test func decidesCountersAndBounds() {
    let k = Term.v("k"), n = Term.v("n")
    #expect(solver.satisfiability(of: [.equal(k, .int(0)), .notEqual(k, .int(0))]) == .unsatisfiable)
    #expect(solver.satisfiability(of: [.less(k, n), .less(n, .binary(.plus, k, .int(1)))]) == .unsatisfiable)
    #expect(solver.satisfiability(of: [.lessEqual(.int(0), k), .notEqual(k, .int(0)), .less(k, .int(2))]) == .satisfiable)
    #expect(solver.satisfiability(of: [.equal(k, .binary(.minus, n, .int(1))), .equal(n, .int(0)), .less(.int(-1), k)])
            == .unsatisfiable)
    // Outside the fragment (a product, a sum of two variables): no answer, the next solver decides.
    #expect(solver.satisfiability(of: [.equal(k, .binary(.times, n, n))]) == nil)
    #expect(solver.satisfiability(of: [.equal(k, .binary(.plus, n, n))]) == nil)
  }

  @Test func agreesWithZ3OnRandomConjunctions() {
    var random = SystemRandomNumberGenerator()
    let z3 = Z3PureSolver()
    let variables = ["a", "b", "c", "d"].map(Term.v)
    func term() -> Term {
      let variable = variables.randomElement(using: &random)!
      switch Int.random(in: 0..<4, using: &random) {
      case 0: return .int(Int.random(in: -3...3, using: &random))
      case 1: return .binary(.plus, variable, .int(Int.random(in: -2...2, using: &random)))
      case 2: return .binary(.minus, variable, .int(Int.random(in: 0...2, using: &random)))
      default: return variable
      }
    }
    var decided = 0
    for _ in 0..<400 {
      let facts = (0..<Int.random(in: 1...6, using: &random)).map { _ -> PureAtom in
        let (x, y) = (term(), term())
        return [PureAtom.equal(x, y), .notEqual(x, y), .less(x, y), .lessEqual(x, y)].randomElement(using: &random)!
      }
      guard let answer = solver.satisfiability(of: facts) else { continue }
      decided += 1
      #expect(answer == z3.satisfiability(of: facts), "\(facts)")
    }
    #expect(decided > 300, "only \(decided) of 400 decided without Z3")
  }
}
