import HopContracts
import HopLogic
import HopSyntax

extension RuntimeProgram {
  /// Compiles a resolved program. Fails only for what name resolution does
  /// not reject and a run cannot do without: a contract that does not compile
  /// (its HH30x diagnostics) or a literal too large for a machine integer.
  public static func compile(_ program: Program) throws(RuntimeCompileError) -> RuntimeProgram {
    var compiler = ProgramCompiler(program: program)
    return try compiler.compile()
  }
}

/// The one pass from AST to instructions; holds the interning tables while it runs.
struct ProgramCompiler {
  let program: Program
  var diagnostics: [Diagnostic] = []
  var fields: [String] = []
  var fieldIndex: [String: Int] = [:]
  var messages: [String] = []
  var messageIndex: [String: Int] = [:]
  var globals: [String: Int] = [:]
  var procedureIndex: [String: Int] = [:]
  var resourceIndex: [String: Int] = [:]
  var contractIndex: [String: Int] = [:]

  init(program: Program) { self.program = program }

  mutating func compile() throws(RuntimeCompileError) -> RuntimeProgram {
    for field in program.fields ?? [] { _ = intern(field: field.name) }
    var procedureDecls: [(Declaration, name: String, locals: Set<String>)] = []
    var resources: [ResourceDecl] = []
    var contracts: [ContractAutomaton] = []
    var globalNames = Set<String>()
    for declaration in program.declarations {
      switch declaration {
      case .procedure(let p):
        if procedureIndex[p.name.name] == nil { procedureIndex[p.name.name] = procedureDecls.count }
        let locals = Set(p.parameters.map(\.name) + p.locals.map(\.name))
        procedureDecls.append((declaration, name: p.name.name, locals: locals))
        globalNames.formUnion(ProcedureGlobals.direct(p).all)
        p.body.flatMap(\.allStatements).forEach { scanFields($0) }
        for assertion in [p.precondition, p.postcondition].compactMap({ $0 }) + Self.invariants(p.body) {
          _ = scan(assertion)
        }
      case .asyncProcedure(let p):
        if procedureIndex[p.name.name] == nil { procedureIndex[p.name.name] = procedureDecls.count }
        procedureDecls.append((declaration, name: p.name.name, locals: Set(p.parameters.map(\.name) + p.locals.map(\.name))))
        p.body.flatMap(\.allStatements).forEach { scanFields($0) }
      case .resource(let r):
        resourceIndex[r.name.name] = resources.count
        resources.append(r)
        globalNames.formUnion(r.protectedVariables.map(\.name))
        globalNames.formUnion(scan(r.invariant))
      case .message(let m):
        _ = intern(message: m.name.name)
        if let invariant = m.invariant { _ = scan(invariant) }
      case .contract(let c):
        let compiled = ContractAutomaton.compile(c)
        diagnostics += compiled.diagnostics
        if let automaton = compiled.automaton {
          contractIndex[c.name.name] = contracts.count
          contracts.append(automaton)
          automaton.messageNames.forEach { _ = intern(message: $0) }
        }
      case .global(let g):
        globalNames.formUnion(g.names.map(\.name))
      }
    }
    let usedFields = fields.count
    for predicate in SpatialPredicate.allCases { predicate.defaultFields.forEach { _ = intern(field: $0) } }
    globalNames.remove("val")
    globalNames.remove("src")
    let sortedGlobals = globalNames.sorted()
    for (index, name) in sortedGlobals.enumerated() { globals[name] = index }
    var procedures: [CompiledProcedure] = []
    for (index, entry) in procedureDecls.enumerated() {
      procedures.append(compileProcedure(entry.0, index: index))
    }
    guard diagnostics.isEmpty else { throw RuntimeCompileError(diagnostics: diagnostics.sortedBySource()) }
    var messageInvariants = Array(repeating: [SymbolicHeap.emp], count: messages.count)
    for case .message(let m) in program.declarations {
      if let invariant = m.invariant, let index = messageIndex[m.name.name] {
        messageInvariants[index] = (try? AssertionTranslation.heaps(invariant)) ?? []
      }
    }
    let contractMessage = contracts.map { automaton in messages.map { automaton.message(named: $0) ?? -1 } }
    return RuntimeProgram(
      source: program, procedures: procedures, procedureIndex: procedureIndex, fields: fields, usedFields: usedFields,
      fieldIndex: fieldIndex,
      globals: sortedGlobals, globalIndex: globals, messages: messages, messageIndex: messageIndex, messageInvariants: messageInvariants, resources: resources,
      resourceIndex: resourceIndex, contracts: contracts, dualContracts: contracts.map { $0.dual() },
      contractIndex: contractIndex, contractMessage: contractMessage)
  }

  private static func invariants(_ body: [Statement]) -> [Assertion] {
    body.flatMap(\.allStatements).compactMap { statement in
      if case .whileLoop(_, .separation(let invariant)?, _) = statement.kind { return invariant }
      return nil
    }
  }

  mutating func intern(field: String) -> Int {
    if let known = fieldIndex[field] { return known }
    fieldIndex[field] = fields.count
    fields.append(field)
    return fields.count - 1
  }

  mutating func intern(message: String) -> Int {
    if let known = messageIndex[message] { return known }
    messageIndex[message] = messages.count
    messages.append(message)
    return messages.count - 1
  }

  private mutating func scanFields(_ statement: Statement) {
    switch statement.kind {
    case .lookup(_, _, let field), .mutate(_, let field, _): _ = intern(field: field.name)
    case .send(let message, _, _): _ = intern(message: message.name)
    case .receive(let receive): _ = intern(message: receive.message.name)
    case .switchReceive(let cases): cases.forEach { _ = intern(message: $0.receive.message.name) }
    default: break
    }
  }

  /// The free program variables of an assertion, interning its fields on the way.
  private mutating func scan(_ assertion: Assertion) -> Set<String> {
    guard let heaps = try? AssertionTranslation.heaps(assertion) else { return [] }
    var names = Set<String>()
    for heap in heaps {
      names.formUnion(heap.freeVariables.map(\.name))
      for atom in heap.spatial {
        switch atom {
        case .pointsTo(_, let values): values.keys.sorted().forEach { _ = intern(field: $0) }
        case .segment(let field, _, _): _ = intern(field: field)
        case .predicate(_, let predicateFields, _): predicateFields.forEach { _ = intern(field: $0) }
        case .endpoint: break
        }
      }
    }
    return names
  }
}
