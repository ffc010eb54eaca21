import HopLogic
import HopRuntime
import HopSyntax
import Testing

/// States built from preconditions satisfy them (by the model checker), and vary in size.
@Suite struct InputGeneratorTests {
  static let preconditions = [
    "list(x)", "lseg(x, y) * y |-> tl: NULL", "tree(t)", "dlseg(a, NULL, NULL, b)", "xlseg(a, NULL, NULL, b)",
    "if x == NULL then emp else x |-> tl: NULL", "x |-> hd: _v, tl: _n * list(_n)",
    "e |-> C{s}, peer: f * f |-> ~C{s}, peer: e", "e |-> C{s}",
  ]

  func program(_ precondition: String) throws -> RuntimeProgram {
    try compiled("""
      hd, tl, l, r, d;
      message m
      contract C { initial state s { !m -> s; } }
      f(x, y, t, a, b, e) [\(precondition)] {} [\(precondition)]
      """)
  }

  @Test(arguments: Self.preconditions)
  func builtStatesSatisfyThePrecondition(precondition: String) throws {
    let program = try program(precondition)
    let procedure = try #require(program.procedure(named: "f"))
    guard case .procedure(let declaration) = procedure.declaration, let pre = declaration.precondition else { return }
    let disjuncts = try AssertionTranslation.heaps(pre)
    var sizes = Set<Int>()
    for seed in 0..<40 as Range<UInt64> {
      let built = try InputGenerator(program: program, random: SeededRandom(seed: seed)).build(for: procedure).get()
      sizes.insert(built.state.heap.liveCount)
      let names = procedure.slotNames
      let checker = ModelChecker(program: program, heap: built.state.heap) { name in
        names.firstIndex(of: name).map { built.state.arguments[$0] } ?? built.state.existentials[name]
      }
      #expect(checker.check(disjuncts) == .holds, "seed \(seed)")
    }
    #expect(sizes.count > 1 || precondition.contains("|-> C"), "sizes \(sizes)")
  }

  @Test func anEndpointWithoutItsPeerGetsTheEnvironmentAsPeer() throws {
    let program = try program("e |-> C{s}")
    let procedure = try #require(program.procedure(named: "f"))
    let built = try InputGenerator(program: program, random: SeededRandom(seed: 1)).build(for: procedure).get()
    #expect(built.state.heap.liveCount == 2)
    #expect(built.state.heap.programAddresses == [built.state.arguments[5]])
    #expect(built.state.heap.environment.count == 1)
  }

  @Test func twoEndpointsInDifferentStatesAreNotBuilt() throws {
    let program = try compiled("""
      message m
      contract D { initial state s { !m -> t; } final state t {} }
      f(e, g) [e |-> D{s}, peer: g * g |-> ~D{t}, peer: e] {} [e |-> D{s} * g |-> ~D{t}]
      """)
    let procedure = try #require(program.procedure(named: "f"))
    guard case .failure(let failure) = InputGenerator(program: program, random: SeededRandom(seed: 1)).build(for: procedure)
    else {
      Issue.record("built two ends in different states with nothing in flight")
      return
    }
    #expect(failure.reason.contains("different states"))
  }

  @Test func aFalsePreconditionHasNoInput() throws {
    let program = try program("x != x")
    let procedure = try #require(program.procedure(named: "f"))
    guard case .failure = InputGenerator(program: program, random: SeededRandom(seed: 1)).build(for: procedure) else {
      Issue.record("built a state for x != x")
      return
    }
  }

  @Test func theRunOfAValidProcedureEndsInItsPostcondition() throws {
    for precondition in Self.preconditions {
      let result = RunCampaign.run(program: try program(precondition), procedure: "f", options: .init(runs: 30))
      #expect(result.completed == 30, "\(precondition): \(result.faults) \(result.noInputReason ?? "")")
    }
  }
}
