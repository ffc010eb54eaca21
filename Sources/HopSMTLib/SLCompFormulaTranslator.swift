import HopLogic
import HopSyntax

/// Translates SL-COMP formulas of the list fragment into symbolic heaps:
/// `sep`, `pto`, `emp`, list-segment calls, `=`, `distinct`, `not =`,
/// `and` of pure formulas with at most one spatial one, `exists`.
struct SLCompFormulaTranslator {
  var constructors: [String: [String]]
  var segments: [String: ListSegmentDefinition]
  var otherDefinitions: Set<String>
  var constants: Set<String>
  /// Variables bound by an enclosing `exists`, to their existential names.
  var bound: [String: Variable] = [:]

  func heap(_ formula: SExpression) throws(SLCompError) -> SymbolicHeap {
    if formula.isEmp { return .emp }
    if let symbol = formula.symbol {
      switch symbol {
      case "true": return .emp
      case "false": return SymbolicHeap(pure: [.notEqual(.null, .null)])
      default: throw SLCompReader.unsupported("'\(symbol)' is not a formula of the list fragment", formula)
      }
    }
    guard let items = formula.list, let head = items.first else {
      if formula.list?.isEmpty == true { throw SLCompReader.malformed("empty formula", formula) }
      throw SLCompReader.malformed("expected a formula", formula)
    }
    let arguments = Array(items.dropFirst())
    if head.isEmp { return .emp }
    guard let name = head.symbol else { throw SLCompReader.unsupported("unsupported formula", formula) }
    switch name {
    case "sep": return try conjunction(arguments, separating: true)
    case "and": return try conjunction(arguments, separating: false)
    case "pto": return try pointsTo(arguments, formula)
    case "=", "distinct": return try equalities(name, arguments, formula)
    case "not":
      guard arguments.count == 1, arguments[0].head == "=", let inner = arguments[0].list, inner.count == 3 else {
        throw SLCompReader.unsupported("negation is supported only of an equality (and of the whole consequent)", formula)
      }
      return SymbolicHeap(pure: [.notEqual(try term(inner[1]), try term(inner[2]))])
    case "exists": return try exists(arguments, formula)
    default:
      if let segment = segments[name] {
        guard arguments.count == 2 else { throw SLCompReader.malformed("'\(name)' takes two arguments", formula) }
        return SymbolicHeap(spatial: [.segment(field: segment.field, from: try term(arguments[0]), to: try term(arguments[1]))])
      }
      if otherDefinitions.contains(name) {
        throw SLCompReader.unsupported("'\(name)' is not recognised as a list segment", formula)
      }
      throw SLCompReader.malformed("undeclared '\(name)'", head)
    }
  }

  /// `sep` (`separating`) or `and` of `arguments`: for `sep`, no pure part; for `and`, at most one spatial part.
  private func conjunction(_ arguments: [SExpression], separating: Bool) throws(SLCompError) -> SymbolicHeap {
    var result = SymbolicHeap.emp
    for argument in arguments {
      let part = try heap(argument)
      if separating {
        guard !part.spatial.isEmpty || part.pure.isEmpty else {
          throw SLCompReader.unsupported("a pure formula inside 'sep' is not supported", argument)
        }
      } else {
        guard result.spatial.isEmpty || part.spatial.isEmpty else {
          throw SLCompReader.unsupported("a non-separating conjunction of two spatial formulas is not supported", argument)
        }
      }
      // In place: `result = result * part` would copy the atoms so far, quadratic in a long `sep`.
      result.existentials.formUnion(part.existentials)
      result.pure += part.pure
      result.spatial += part.spatial
    }
    return result
  }

  /// `(pto address (constructor field values...))`.
  private func pointsTo(_ arguments: [SExpression], _ formula: SExpression) throws(SLCompError) -> SymbolicHeap {
    guard arguments.count == 2 else { throw SLCompReader.malformed("'pto' takes an address and a cell", formula) }
    let address = try term(arguments[0])
    guard let cell = arguments[1].list, let constructor = cell.first?.symbol, let fields = constructors[constructor] else {
      throw SLCompReader.unsupported("the cell of 'pto' must be a declared constructor application", arguments[1])
    }
    guard fields.count == cell.count - 1 else {
      throw SLCompReader.malformed("'\(constructor)' takes \(fields.count) fields", arguments[1])
    }
    var values: [String: Term] = [:]
    for (field, value) in zip(fields, cell.dropFirst()) { values[field] = try term(value) }
    return SymbolicHeap(spatial: [.pointsTo(address, fields: values)])
  }

  /// `(= a b ...)`, each next to the one before, or `(distinct a b ...)`, each pair.
  private func equalities(_ name: String, _ arguments: [SExpression],
                          _ formula: SExpression) throws(SLCompError) -> SymbolicHeap {
    guard arguments.count >= 2 else { throw SLCompReader.malformed("'\(name)' takes two or more terms", formula) }
    let terms = try arguments.map { (argument) throws(SLCompError) in try term(argument) }
    var facts: [PureAtom] = []
    if name == "=" {
      for (a, b) in zip(terms, terms.dropFirst()) { facts.append(.equal(a, b)) }
    } else {
      for i in terms.indices { for j in terms.indices where i < j { facts.append(.notEqual(terms[i], terms[j])) } }
    }
    return SymbolicHeap(pure: facts)
  }

  /// `(exists ((x S) ...) formula)`: its variables become existentials `_x` of the formula's heap.
  private func exists(_ arguments: [SExpression], _ formula: SExpression) throws(SLCompError) -> SymbolicHeap {
    guard arguments.count == 2, let variables = arguments[0].list else {
      throw SLCompReader.malformed("expected (exists ((x S) ...) formula)", formula)
    }
    var inner = self
    var quantified: Set<Variable> = []
    for declaration in variables {
      guard let variableName = declaration.list?.first?.symbol else { throw SLCompReader.malformed("expected (x S)", declaration) }
      let variable = Variable("_" + variableName)
      inner.bound[variableName] = variable
      quantified.insert(variable)
    }
    var result = try inner.heap(arguments[1])
    result.existentials.formUnion(quantified)
    return result
  }

  /// `A ∧ B` where at most one side has spatial atoms (pure facts hold of any heap).
  func conjoin(_ a: SymbolicHeap, _ b: SymbolicHeap, at node: SExpression) throws(SLCompError) -> SymbolicHeap {
    guard a.spatial.isEmpty || b.spatial.isEmpty else {
      throw SLCompReader.unsupported("a non-separating conjunction of two spatial formulas is not supported", node)
    }
    return a * b
  }

  func term(_ node: SExpression) throws(SLCompError) -> Term {
    if let name = node.symbol {
      if name == "nil" || name == "sep.nil" { return .null }
      if let variable = bound[name] { return .variable(variable) }
      guard constants.contains(name) else { throw SLCompReader.malformed("undeclared constant '\(name)'", node) }
      return .variable(Variable(name))
    }
    if let items = node.list, items.count == 3, items[0].symbol == "as",
       items[1].symbol == "nil" || items[1].symbol == "sep.nil" {
      return .null
    }
    throw SLCompReader.unsupported("unsupported term", node)
  }
}
