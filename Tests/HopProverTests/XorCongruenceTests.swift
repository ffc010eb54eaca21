import HopLogic
import HopProver
import HopTestSupport
import Testing

/// `XorCongruence` answers what Z3 answers on equalities and disequalities over `^` terms
/// (so that dropping Z3 for them changes no verdict), and stays out of every other fragment.
@Suite struct XorCongruenceTests {
  static func xor(_ a: Term, _ b: Term) -> Term { .binary(.xor, a, b) }

  @Test func agreesWithZ3OnRandomXorFacts() {
    var random = SplitMix64(seed: 2612)
    let solver = XorCongruence()
    let z3 = Z3PureSolver()
    let atoms: [Term] = (0..<3).map { .v("x\($0)") } + [.null, .int(1)]
    func term(_ depth: Int) -> Term {
      if depth == 0 || Int.random(in: 0..<3, using: &random) == 0 { return atoms.randomElement(using: &random)! }
      return Self.xor(term(depth - 1), term(depth - 1))
    }
    var answers = (satisfiable: 0, unsatisfiable: 0)
    for _ in 0..<3_000 {
      var facts: [PureAtom] = (0..<Int.random(in: 1...6, using: &random)).map { _ in
        let a = term(2), b = term(2)
        return Int.random(in: 0..<4, using: &random) > 0 ? .equal(a, b) : .notEqual(a, b)
      }
      facts.append(.notEqual(Self.xor(term(1), term(1)), term(1)))  // at least one `^` in every query
      let fast = solver.satisfiability(of: facts)
      let slow = z3.satisfiability(of: facts)
      #expect(fast == slow, "\(facts)")
      if fast != slow { return }
      if fast == .unsatisfiable { answers.unsatisfiable += 1 } else { answers.satisfiable += 1 }
    }
    // Both answers occur often, or the comparison would not be testing the congruence.
    #expect(answers.unsatisfiable > 100 && answers.satisfiable > 1_000, "\(answers)")
  }

  /// Equal arguments give equal applications, and only that: `^` is not commutative to Z3,
  /// nor does it cancel, so neither is used (either would prove what Z3 does not).
  @Test func congruenceAndNothingMore() {
    let (a, b, c, d) = (Term.v("a"), Term.v("b"), Term.v("c"), Term.v("d"))
    let solver = XorCongruence()
    #expect(solver.satisfiability(of: [.equal(a, c), .equal(b, d), .notEqual(Self.xor(a, b), Self.xor(c, d))]) == .unsatisfiable)
    #expect(solver.satisfiability(of: [.equal(a, c), .notEqual(Self.xor(a, b), Self.xor(c, d))]) == .satisfiable)
    #expect(solver.satisfiability(of: [.notEqual(Self.xor(a, b), Self.xor(b, a))]) == .satisfiable)
    #expect(solver.satisfiability(of: [.notEqual(Self.xor(a, a), .null)]) == .satisfiable)
    // Nested: the merge of inner applications makes the outer ones congruent.
    #expect(solver.satisfiability(of: [.equal(a, b), .notEqual(Self.xor(Self.xor(a, c), d), Self.xor(Self.xor(b, c), d))])
            == .unsatisfiable)
    // Two constants merged through congruence.
    #expect(solver.satisfiability(of: [.equal(Self.xor(a, b), .int(1)), .equal(Self.xor(c, b), .int(2)), .equal(a, c)])
            == .unsatisfiable)
  }

  @Test func leavesOtherFragmentsToOtherSolvers() {
    let (a, b) = (Term.v("a"), Term.v("b"))
    let solver = XorCongruence()
    #expect(solver.satisfiability(of: [.equal(a, b)]) == nil, "no `^`: the equality fast path's question")
    #expect(solver.satisfiability(of: [.equal(Self.xor(a, b), .binary(.plus, a, .int(1)))]) == nil)
    #expect(solver.satisfiability(of: [.equal(Self.xor(a, b), a), .less(a, b)]) == nil)
  }
}
