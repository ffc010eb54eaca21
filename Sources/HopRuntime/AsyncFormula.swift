import HopSyntax

/// Evaluates the first-order formulas of async procedures (preconditions)
/// in a concrete state: globals, heap (`valid`, `e->f`) and the pending set
/// (`pending_f`). Quantifiers range over a finite set of relevant values —
/// NULL, 1, -1, the globals, the arguments, the pending instances'
/// arguments and the allocated addresses — which is exact for the
/// formulas that guard their bodies with `pending_f` or `valid`, and an
/// under-approximation otherwise.
struct AsyncFormula {
  let program: RuntimeProgram
  let heap: ConcreteHeap
  let globals: [Int]
  let pending: Set<[Int]>

  /// True when the procedure has no precondition, or it holds with these arguments.
  func precondition(of procedure: CompiledProcedure, arguments: [Int]) -> Bool {
    guard case .asyncProcedure(let declaration) = procedure.declaration, let formula = declaration.precondition else {
      return true
    }
    var bound: [String: Int] = [:]
    for (name, value) in zip(procedure.slotNames, arguments) { bound[name] = value }
    let domain = Self.mentions(formula, heap: false) ? self.domain(arguments, heap: Self.mentions(formula, heap: true)) : []
    return evaluate(formula, bound, domain) != 0
  }

  /// The values a quantifier ranges over.
  /// The values a quantifier ranges over (allocated addresses only when the formula reads the heap).
  private func domain(_ arguments: [Int], heap readsHeap: Bool) -> [Int] {
    var values = Set([0, 1, -1]).union(globals).union(arguments).union(pending.flatMap { $0.dropFirst() })
    if readsHeap { values.formUnion(heap.liveAddresses.prefix(48)) }
    return values.sorted()
  }

  /// Whether the formula has a quantifier (`heap` false) or reads the heap (`heap` true).
  private static func mentions(_ expression: Expression, heap: Bool) -> Bool {
    switch expression.kind {
    case .quantified(_, _, let body): !heap || mentions(body, heap: heap)
    case .valid(let inner), .fieldRead(let inner, _): heap || mentions(inner, heap: heap)
    case .unary(_, let inner), .old(let inner): mentions(inner, heap: heap)
    case .binary(_, let left, let right): mentions(left, heap: heap) || mentions(right, heap: heap)
    case .instance(_, _, let arguments): arguments.contains { mentions($0, heap: heap) }
    case .variable, .integer, .null, .boolean, .nondeterministic: false
    }
  }

  func evaluate(_ expression: Expression, _ bound: [String: Int], _ domain: [Int]) -> Int {
    switch expression.kind {
    case .variable(let name):
      if let value = bound[name.name] { return value }
      if let index = program.globalIndex[name.name] { return globals[index] }
      return 0
    case .integer(let digits): return Int(digits) ?? 0
    case .null: return 0
    case .boolean(let value): return value ? 1 : 0
    case .nondeterministic: return 0
    case .unary(let op, let inner):
      let value = evaluate(inner, bound, domain)
      switch op {
      case .not: return value == 0 ? 1 : 0
      case .negate: return (try? ConcreteArithmetic.negate(value)) ?? 0
      case .plus: return value
      }
    case .binary(let op, let left, let right):
      let a = evaluate(left, bound, domain)
      switch op {
      case .and: return a == 0 ? 0 : (evaluate(right, bound, domain) != 0 ? 1 : 0)
      case .or: return a != 0 ? 1 : (evaluate(right, bound, domain) != 0 ? 1 : 0)
      case .implies: return a == 0 ? 1 : (evaluate(right, bound, domain) != 0 ? 1 : 0)
      default: break
      }
      // A formula's division by 0 has no value; 0 stands for it, as before (`ConcreteDomain`).
      // A value beyond 64 bits has none either: 0 stands for it too (async globals start small).
      return (try? ConcreteDomain.apply(op, a, evaluate(right, bound, domain))) ?? 0
    case .fieldRead(let pointer, let field):
      let address = evaluate(pointer, bound, domain)
      guard heap.status(of: address) == .cell, let index = program.fieldIndex[field.name] else { return 0 }
      return heap.field(address, index)
    case .old(let inner):
      return evaluate(inner, bound, domain)
    case .instance(let predicate, let procedure, let arguments):
      guard predicate == .pending, let index = program.procedureIndex[procedure.name] else { return 0 }
      let instance = [index] + arguments.map { evaluate($0, bound, domain) }
      return pending.contains(instance) ? 1 : 0
    case .valid(let pointer):
      return heap.status(of: evaluate(pointer, bound, domain)) == .cell ? 1 : 0
    case .quantified(let quantifier, let variables, let body):
      if let guarded = overPending(quantifier, variables.map(\.name), body, bound, domain) { return guarded ? 1 : 0 }
      return quantify(quantifier, variables.map(\.name)[...], body, bound, domain) ? 1 : 0
    }
  }

  /// `forall xs. pending_f(xs..) ==> B` and `exists xs. pending_f(xs..) && B`, where every
  /// argument of `pending_f` is a distinct quantified name or a bound one: exactly the pending
  /// instances of f can make a difference, so only they are tried (nil for other shapes).
  private func overPending(_ quantifier: Quantifier, _ names: [String], _ body: Expression, _ bound: [String: Int],
                           _ domain: [Int]) -> Bool? {
    let connective: BinaryOperator = quantifier == .forall ? .implies : .and
    guard case .binary(connective, let guardExpression, let rest) = body.kind,
          case .instance(.pending, let procedure, let arguments) = guardExpression.kind,
          let index = program.procedureIndex[procedure.name] else { return nil }
    let argumentNames = arguments.map { argument -> String? in
      if case .variable(let name) = argument.kind, names.contains(name.name) { return name.name }
      return nil
    }
    guard Set(argumentNames.compactMap { $0 }) == Set(names), argumentNames.compactMap({ $0 }).count == names.count else {
      return nil
    }
    for instance in pending where instance[0] == index && instance.count == arguments.count + 1 {
      var inner = bound
      var matches = true
      for (position, argument) in arguments.enumerated() {
        let value = instance[position + 1]
        if let name = argumentNames[position] {
          inner[name] = value
        } else if evaluate(argument, bound, domain) != value {
          matches = false
        }
      }
      guard matches else { continue }
      let holds = evaluate(rest, inner, domain) != 0
      if quantifier == .forall, !holds { return false }
      if quantifier == .exists, holds { return true }
    }
    return quantifier == .forall
  }

  private func quantify(_ quantifier: Quantifier, _ names: ArraySlice<String>, _ body: Expression,
                        _ bound: [String: Int], _ domain: [Int]) -> Bool {
    guard let name = names.first else { return evaluate(body, bound, domain) != 0 }
    for value in domain {
      var inner = bound
      inner[name] = value
      let holds = quantify(quantifier, names.dropFirst(), body, inner, domain)
      if quantifier == .forall, !holds { return false }
      if quantifier == .exists, holds { return true }
    }
    return quantifier == .forall
  }
}
