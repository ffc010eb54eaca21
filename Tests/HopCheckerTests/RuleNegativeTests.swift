@testable import HopChecker
import HopLogic
import HopProver
import HopSyntax
import HopTestSupport
import Testing

/// Rules that had no test that fails when the rule is dropped (issue 24 §3):
/// each case is next to the variant the rule lets through.
@Suite struct RuleNegativeTests {
  // MARK: A cell is no endpoint, an endpoint no cell (`SymbolicExecutor.expose`)

  @Test func aFieldOfAnEndpointIsAMemoryFault() {
    let body = "p(e) [e |-> C{transfer}] {\n  local y;\n  y = e->tl;\n} [e |-> C{transfer}]\n"
    #expect(ChannelTests.errors(body) == ["HH101 3"])
    let errors = checkSync(ChannelTests.header + body).report.diagnostics.filter { $0.severity == .error }
    #expect(errors.first?.message.contains("may not be an allocated cell") == true)
    #expect(errors.first?.notes.contains { $0.message.contains("it is an endpoint here") } == true)
    // The same read of a cell is proved.
    #expect(syncErrors(ChannelTests.header + "p(e) [e |-> tl: NULL] {\n  local y;\n  y = e->tl;\n} [e |-> tl: NULL]\n")
            == [])
  }

  @Test func aSendOnACellIsAMemoryFault() {
    let body = "p(e, x) [e |-> tl: NULL * x |-> ] {\n  send(cell, e, x);\n} [e |-> tl: NULL]\n"
    #expect(ChannelTests.errors(body) == ["HH101 2"])
    let errors = checkSync(ChannelTests.header + body).report.diagnostics.filter { $0.severity == .error }
    #expect(errors.first?.message.contains("may not be an endpoint owned here") == true)
    #expect(errors.first?.notes.contains { $0.message.contains("it is a cell here") } == true)
    // The same send on an endpoint in a state that allows it is proved.
    #expect(syncErrors(ChannelTests.header + "p(e, x) [e |-> D{s} * x |-> ] {\n  send(cell, e, x);\n} [e |-> D{t}]\n")
            == [])
  }

  // MARK: A doubly linked segment unfolded from its last cell (`Rearrangement`)

  /// Reading the last cell's back link: NULL when the list has one cell, so `x != NULL` does
  /// not follow; it does when the list has two cells or more.
  @Test func theBackLinkOfALastCellMayBeNull() {
    let header = "l, r;\n"
    #expect(syncErrors(header + "t(f, b) [dlseg(f, NULL, NULL, b) * b != NULL] {\n  local x;\n  x = b->l;\n}"
                       + " [dlseg(f, NULL, NULL, b) * x != NULL]\n") == ["HH103 5"])
    #expect(syncErrors(header + "t(f, b) [dlseg(f, NULL, NULL, b) * b != NULL * f != b] {\n  local x;\n  x = b->l;\n}"
                       + " [dlseg(f, NULL, NULL, b) * x != NULL]\n") == [])
  }

  // MARK: The caps on the cases of a condition (`TermDomain.caseLimit`, `atomLimit`)

  /// `if (condition) { if (a0 == 0) { dispose x; } } dispose x;`: the inner dispose is
  /// unreachable only when the condition's cases are kept (each says a0 is 1 or 2).
  static func guarded(_ condition: String, parameters: String) -> String {
    "tl;\nf(x, \(parameters)) [x |-> ] {\n  if (\(condition)) {\n    if (a0 == 0) { dispose x; }\n  }\n  dispose x;\n} [emp]\n"
  }

  @Test func aConditionOfMoreCasesThanTheLimitGivesNoInformation() {
    // n groups `(ai == 1 || ... || ai == k)` joined by && make k^n cases, of n to kn atoms: 64 cases is the limit.
    func groups(_ n: Int, of k: Int) -> String {
      let condition = (0..<n).map { i in "(" + (1...k).map { "a\(i) == \($0)" }.joined(separator: " || ") + ")" }
      return Self.guarded(condition.joined(separator: " && "), parameters: (0..<n).map { "a\($0)" }.joined(separator: ", "))
    }
    #expect(syncErrors(groups(6, of: 2)) == [])
    // 81 cases (648 atoms, within the atom limit): the condition says nothing, both branches of
    // the inner `if` are explored, and the second dispose may be of a disposed cell.
    #expect(syncErrors(groups(4, of: 3)) == ["HH101 6"])
  }

  @Test func aConditionOfMoreAtomsThanTheLimitGivesNoInformation() {
    // `a0 == 1 || ... || a0 == n` is true in n cases of 1, 2, ..., n atoms: n(n+1)/2 atoms, 1,000 the limit.
    func chain(_ n: Int) -> String {
      Self.guarded((1...n).map { "a0 == \($0)" }.joined(separator: " || "), parameters: "a0")
    }
    #expect(syncErrors(chain(44)) == [])
    #expect(syncErrors(chain(45)) == ["HH101 6"])
  }

  // MARK: The prover's unknown answers are never proofs

  /// A pure solver that decides nothing but the equality fragment (as if Z3 answered unknown).
  struct UndecidedArithmetic: PureSolver {
    func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
      facts.allSatisfy(\.isInEqualityFragment) ? LayeredPureSolver().satisfiability(of: facts) : .unknown
    }
  }

  @Test func anArithmeticFactThePureSolverCannotDecideIsUnknown() {
    let prover = Prover(pure: UndecidedArithmetic())
    guard case .unknown(let reason) = prover.entails(heap("x == y + 1"), heap("x != y")) else {
      Issue.record("expected unknown, got \(prover.entails(heap("x == y + 1"), heap("x != y")))")
      return
    }
    #expect(reason.contains("could not decide"))
    // With a solver that decides it, the same query is proved.
    #expect(Prover().entails(heap("x == y + 1"), heap("x != y")).isProved)
    // The checker's cut points pass the unknown on, never a proof.
    let answer = DisjunctiveEntailment(prover: prover, precise: true).prove(heap("x == y + 1"), [heap("x != y")])
    guard case .unknown = answer else {
      Issue.record("expected unknown, got \(answer)")
      return
    }
  }

  @Test func runningOutOfTheProversSplitsIsUnknown() {
    // Exposing x's cell needs a case split on x == y (the segment empty or not); with no split
    // allowed it is undecided, neither exposed nor a memory fault.
    let state = heap("lseg(x, y) * y |-> ")
    let x = Term.variable(Variable("x"))
    guard case .unknown(let reason) = Prover(splitLimit: 0).rearrange(state, at: x) else {
      Issue.record("expected unknown, got \(Prover(splitLimit: 0).rearrange(state, at: x))")
      return
    }
    #expect(reason.contains("case splits"))
    guard case .exposed(let cases) = Prover().rearrange(state, at: x) else {
      Issue.record("expected the cell exposed, got \(Prover().rearrange(state, at: x))")
      return
    }
    #expect(cases.count == 2)
  }
}

/// An integer literal that is no number (the lexer makes none; an AST built by a tool might):
/// the proof stops, undecided with the reason, instead of taking it for an unknown value.
@Suite struct InvalidLiteralTests {
  /// `f(x) [emp] { x = 5; } [x == 5]` with the literal 5 of the command replaced by `digits`.
  static func verdict(assigning digits: String) -> (outcome: ProofOutcome?, messages: [String]) {
    let file = SourceFile(path: "t.hop", text: "tl;\nf(x) [emp] { x = 5; } [x == 5]\n")
    var program = Frontend.analyze(file).program
    guard case .procedure(var procedure) = program.declarations[0],
          case .assign(let name, let value) = procedure.body[0].kind else {
      Issue.record("unexpected program \(program)")
      return (nil, [])
    }
    procedure.body[0].kind = .assign(name, Expression(.integer(digits), range: value.range))
    program.declarations[0] = .procedure(procedure)
    let report = SyncChecker.check(program)
    return (report.procedures.first?.outcome, report.diagnostics.map(\.message))
  }

  @Test func anInvalidLiteralIsUndecidedWithItsReason() {
    #expect(Self.verdict(assigning: "5").outcome == .valid)
    let invalid = Self.verdict(assigning: "5x")
    #expect(invalid.outcome == .unknown)
    #expect(invalid.messages == ["not proved: '5x' is not an integer literal"])
  }
}
