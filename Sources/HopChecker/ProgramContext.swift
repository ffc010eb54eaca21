import HopContracts
import HopLogic
import HopProver
import HopSyntax

/// What the checker knows about a whole program before it proves any
/// procedure: each procedure's specification (as disjunctions of symbolic
/// heaps), the resources and the variables they protect, and each
/// procedure's effect on globals, transitively through its callees (the call
/// rule and the race check need both).
struct ProgramContext {
  struct Specification {
    var declaration: ProcedureDecl
    var precondition: [SymbolicHeap]
    var postcondition: [SymbolicHeap]
    /// The parameters the body may assign, computed once (a caller knows nothing of their final values).
    var assignedParameters: Set<String>
  }

  struct Resource {
    var declaration: ResourceDecl
    var invariant: [SymbolicHeap]
    var protected: Set<String> { Set(declaration.protectedVariables.map(\.name)) }
  }

  /// A contract compiled once: the automaton and, when it is not leak-free, why (for `close`).
  struct Contract {
    var automaton: ContractAutomaton
    var leakFreedomProblem: String?
  }

  var specifications: [String: Specification] = [:]
  var contracts: [String: Contract] = [:]
  /// Each message's invariant (the ownership it carries), over `val` and `src`.
  var messages: [String: [SymbolicHeap]] = [:]
  var resources: [String: Resource] = [:]
  /// The globals each procedure may read or write, itself or through the procedures it calls.
  let effects: [String: ProcedureGlobals.Effect]
  /// Each thread of a parallel check has its own (decision 77): a Z3 context is used by one thread at a time.
  var prover: Prover
  /// Whether a loop written without an invariant gets one inferred (decision 75) or `emp` (`--no-infer`).
  var infersInvariants = true
  /// Translation errors in specifications, reported once for the whole program.
  var diagnostics: [Diagnostic] = []

  init(_ program: Program, prover: Prover) {
    self.prover = prover
    var procedures: [ProcedureDecl] = []
    for case .procedure(let procedure) in program.declarations { procedures.append(procedure) }
    effects = ProcedureGlobals(procedures).effects
    for case .procedure(let procedure) in program.declarations where specifications[procedure.name.name] == nil {
      let assigned = procedure.body.reduce(into: Set<String>()) { $0.formUnion($1.assignedVariables) }
      specifications[procedure.name.name] = Specification(
        declaration: procedure, precondition: heaps(procedure.precondition), postcondition: heaps(procedure.postcondition),
        assignedParameters: assigned.intersection(procedure.parameters.map(\.name)))
    }
    for case .resource(let resource) in program.declarations where resources[resource.name.name] == nil {
      resources[resource.name.name] = Resource(declaration: resource, invariant: heaps(resource.invariant))
    }
    for case .contract(let declaration) in program.declarations where contracts[declaration.name.name] == nil {
      let compiled = ContractAutomaton.compile(declaration)
      diagnostics += compiled.diagnostics
      guard let automaton = compiled.automaton else { continue }
      let problem = automaton.leakFreedomFailure().map(automaton.describe)
      contracts[declaration.name.name] = Contract(automaton: automaton, leakFreedomProblem: problem)
    }
    for case .message(let message) in program.declarations where messages[message.name.name] == nil {
      messages[message.name.name] = heaps(message.invariant)
    }
  }

  /// The resource protecting `variable`, if any.
  func resource(protecting variable: String) -> String? {
    resources.values.first { $0.protected.contains(variable) }?.declaration.name.name
  }

  private mutating func heaps(_ assertion: Assertion?) -> [SymbolicHeap] {
    guard let assertion else { return [.emp] }
    do {
      return try AssertionTranslation.heaps(assertion)
    } catch {
      diagnostics.append(Diagnostic(code: .proofUndecided, message: "not proved: \(error.message)", range: error.range))
      return []
    }
  }
}
