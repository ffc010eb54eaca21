/// Name resolution of expressions and formulas of both layers.
extension NameResolver {
  /// Checks an expression; `formula` is true inside specifications, where
  /// first-order-only forms (`old`, `pending_f`, `valid`, `->`, quantifiers) are allowed.
  mutating func check(_ expression: Expression, in scope: Scope, formula: Bool) {
    switch expression.kind {
    case .variable(let name):
      checkVariable(name, in: scope)
    case .integer, .null, .boolean, .nondeterministic:
      break
    case .unary(_, let operand):
      check(operand, in: scope, formula: formula)
    case .binary(_, let left, let right):
      check(left, in: scope, formula: formula)
      check(right, in: scope, formula: formula)
    case .fieldRead(let pointer, let field):
      requireFormula("a field read 'e->f' inside an expression", expression.range, formula, scope)
      check(pointer, in: scope, formula: formula)
      checkField(field)
    case .old(let inner):
      requireFormula("'old(...)'", expression.range, formula, scope)
      check(inner, in: scope, formula: formula)
    case .valid(let inner):
      requireFormula("'valid(...)'", expression.range, formula, scope)
      check(inner, in: scope, formula: formula)
    case .instance(let predicate, let procedure, let arguments):
      requireFormula("'\(predicate.rawValue)_\(procedure.name)(...)'", expression.range, formula, scope)
      checkAsyncInstance(procedure, argumentCount: arguments.count, use: "\(predicate.rawValue)_\(procedure.name)",
                         range: expression.range)
      for argument in arguments { check(argument, in: scope, formula: formula) }
    case .quantified(_, let variables, let body):
      requireFormula("a quantifier", expression.range, formula, scope)
      check(body, in: scope.adding(variables), formula: formula)
    }
  }

  /// A first-order specification formula (async layer).
  mutating func check(_ formula: Expression, in scope: Scope) {
    check(formula, in: scope, formula: true)
  }

  /// A separation-logic assertion (sync layer).
  mutating func check(_ assertion: Assertion, in scope: Scope) {
    switch assertion.kind {
    case .emp, .true, .false:
      break
    case .equal(let left, let right), .notEqual(let left, let right):
      check(left, in: scope, formula: false)
      check(right, in: scope, formula: false)
    case .star(let left, let right):
      check(left, in: scope)
      check(right, in: scope)
    case .pointsTo(let pointer, let fields):
      check(pointer, in: scope, formula: false)
      var seen: [String: SourceRange] = [:]
      for component in fields {
        checkField(component.field)
        if let previous = seen[component.field.name] {
          diagnostics.append(.duplicate("field", component.field, in: "this cell", previous: previous))
        }
        seen[component.field.name] = component.field.range
        check(component.value, in: scope, formula: false)
      }
    case .endpoint(let pointer, let spec):
      check(pointer, in: scope, formula: false)
      checkContract(spec.contract, states: spec.states)
      if let peer = spec.peer { check(peer, in: scope, formula: false) }
    case .predicate(let predicate, let fields, let arguments):
      for field in fields { checkField(field) }
      let name = Identifier(predicate.rawValue, range: assertion.range)
      if !fields.isEmpty, fields.count != predicate.fieldCount {
        diagnostics.append(.wrongCount("field parameter", of: name, expected: predicate.fieldCount,
                                       found: fields.count, range: assertion.range))
      }
      if arguments.count != predicate.arity {
        diagnostics.append(.wrongCount("argument", of: name, expected: predicate.arity, found: arguments.count,
                                       range: assertion.range))
      }
      for argument in arguments { check(argument, in: scope, formula: false) }
    case .conditional(let condition, let thenBranch, let elseBranch):
      check(condition, in: scope, formula: false)
      check(thenBranch, in: scope)
      check(elseBranch, in: scope)
    }
  }

  private mutating func requireFormula(_ construct: String, _ range: SourceRange, _ formula: Bool, _ scope: Scope) {
    if !formula || scope.layer != .async {
      diagnostics.append(.wrongLayer(construct, range: range,
                                     allowedIn: "the first-order specifications of async procedures"))
    }
  }
}
