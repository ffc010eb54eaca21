@testable import HopAsync
import HopSMT
import HopSyntax
import Testing

/// The start conjuncts a query may go without (decision 80): only those about
/// a pending set nothing else in the query reaches, so the answer is unchanged.
@Suite struct StartAssumptionsTests {
  /// `p`'s conjunct is about `pending_p`, `q`'s about `pending_q`; `r`'s precondition reads `pending_q`.
  static let text = """
    global b;
    async main() { }
    async p(x) [x > 0] { }
    async q(y) [b == y] { }
    async r(z) [!pending_q(z)] { }
    """

  private func start() throws -> (StartAssumptions, [String: SMTTerm], SMTContext) {
    let front = Frontend.analyze(SourceFile(path: "t.hop", text: Self.text))
    let program = AsyncProgram(front.program)
    let smt = try SMTContext()
    let start = StartAssumptions(program: program, smt: smt)
    let invariant = try start.invariant(for: try #require(program.procedure(named: "p")))
    #expect(invariant.count == 3)
    return (start, Dictionary(uniqueKeysWithValues: zip(["p", "q", "r"], invariant)), smt)
  }

  @Test func aConjunctWhosePendingSetNothingElseMentionsIsLeftOut() throws {
    let (start, conjunct, smt) = try start()
    let c = smt.constant("c", .int)
    let pendingP = start.state.isPending("p", [c], in: smt)
    let facts = [conjunct["p"]!, conjunct["q"]!, conjunct["r"]!, pendingP, smt.lessEqual(c, smt.integer(0))]
    let relevant = try #require(start.relevant(facts))
    #expect(relevant == [conjunct["p"]!, pendingP, smt.lessEqual(c, smt.integer(0))])
    // The answer is the whole query's: p's conjunct is what makes it unsatisfiable,
    // and without it the rest has a model.
    guard case .unsatisfiable = smt.check(relevant), case .unsatisfiable = smt.check(facts) else {
      Issue.record("the query and its relevant part should both be unsatisfiable")
      return
    }
    guard case .satisfiable = smt.check([pendingP, smt.lessEqual(c, smt.integer(0))]) else {
      Issue.record("without p's conjunct the query has a model")
      return
    }
  }

  @Test func aConjunctIsKeptWhenAKeptConjunctReadsItsPendingSet() throws {
    let (start, conjunct, smt) = try start()
    let c = smt.constant("c", .int)
    // A global that q's precondition reads does not bring q's conjunct in (it holds when nothing is
    // pending), but r's conjunct, brought in by pending_r, reads pending_q and so brings q's in.
    let aboutB = smt.equal(start.state.globals["b"]!, c)
    #expect(start.relevant(Array(conjunct.values) + [aboutB]) == [aboutB])
    let pendingR = start.state.isPending("r", [c], in: smt)
    let facts = [conjunct["p"]!, conjunct["q"]!, conjunct["r"]!, pendingR]
    #expect(start.relevant(facts) == [conjunct["q"]!, conjunct["r"]!, pendingR])
  }

  @Test func nothingToLeaveOutIsNil() throws {
    let (start, conjunct, smt) = try start()
    let c = smt.constant("c", .int)
    #expect(start.relevant([smt.lessEqual(c, smt.integer(0))]) == nil)
    #expect(start.relevant([conjunct["p"]!, start.state.isPending("p", [c], in: smt)]) == nil)
  }
}
