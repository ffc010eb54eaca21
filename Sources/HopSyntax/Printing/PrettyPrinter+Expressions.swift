/// Printing of expressions and formulas with exactly the parentheses the parser needs.
extension PrettyPrinter {
  /// Binding strength of quantifiers (their body extends as far right as possible).
  private static let quantifierLevel = -1
  /// Atoms: never need parentheses.
  private static let atomLevel = 100

  /// An expression in the given precedence table.
  public static func expression(_ expression: Expression, _ table: OperatorPrecedence) -> String {
    render(expression, table).text
  }

  private static func render(_ expression: Expression, _ table: OperatorPrecedence) -> (text: String, level: Int) {
    switch expression.kind {
    case .variable(let name): return (name.name, atomLevel)
    case .integer(let digits): return (digits, atomLevel)
    case .null: return ("NULL", atomLevel)
    case .boolean(let value): return (value ? "true" : "false", atomLevel)
    case .nondeterministic: return ("*", atomLevel)
    case .unary(let op, let operand):
      let level = (table == .firstOrder && op == .not) ? 3 : 7
      let inner = render(operand, table)
      let operandText = inner.level < level || inner.level == level && op != .not ? "(\(inner.text))" : inner.text
      return (op.rawValue + operandText, level)
    case .binary(let op, let left, let right):
      let level = table.level(of: op)
      let rightAssociative = table.isRightAssociative(op)
      let l = render(left, table)
      let r = render(right, table)
      // A chain of `&&` or `||` prints flat whatever its grouping: the parser rebuilds its canonical tree.
      let rightInChain = Parser.isAssociative(op) && isChain(right, of: op)
      let leftText = l.level < level || (l.level == level && rightAssociative) ? "(\(l.text))" : l.text
      let rightText = r.level < level || (r.level == level && !rightAssociative && !rightInChain)
        ? "(\(r.text))" : r.text
      return ("\(leftText) \(op.rawValue) \(rightText)", level)
    case .fieldRead(let pointer, let field):
      let p = render(pointer, table)
      return ((p.level == atomLevel ? p.text : "(\(p.text))") + "->" + field.name, atomLevel)
    case .old(let inner):
      return ("old(\(render(inner, table).text))", atomLevel)
    case .valid(let inner):
      return ("valid(\(render(inner, table).text))", atomLevel)
    case .instance(let predicate, let procedure, let arguments):
      return ("\(predicate.rawValue)_\(procedure.name)(\(list(arguments, table)))", atomLevel)
    case .quantified(let quantifier, let variables, let body):
      let names = variables.map(\.name).joined(separator: ", ")
      return ("\(quantifier.rawValue) \(names). \(render(body, table).text)", quantifierLevel)
    }
  }

  private static func isChain(_ expression: Expression, of op: BinaryOperator) -> Bool {
    if case .binary(op, _, _) = expression.kind { true } else { false }
  }

  static func list(_ expressions: [Expression], _ table: OperatorPrecedence) -> String {
    expressions.map { expression($0, table) }.joined(separator: ", ")
  }

  /// A term inside a separation-logic formula, parenthesised unless atomic
  /// when it stands where only an atom is safe (before `|->`).
  static func atomicTerm(_ term: Expression) -> String {
    let r = render(term, .smallfoot)
    return r.level == atomLevel ? r.text : "(\(r.text))"
  }

  // MARK: Separation-logic assertions

  /// A separation-logic formula.
  public static func assertion(_ assertion: Assertion) -> String {
    renderAssertion(assertion).text
  }

  /// Levels: 0 = conditional (extends right), 1 = `*`, 2 = atom.
  private static func renderAssertion(_ assertion: Assertion) -> (text: String, level: Int) {
    switch assertion.kind {
    case .emp: return ("emp", 2)
    case .true: return ("true", 2)
    case .false: return ("false", 2)
    case .equal(let l, let r): return ("\(expression(l, .smallfoot)) == \(expression(r, .smallfoot))", 2)
    case .notEqual(let l, let r): return ("\(expression(l, .smallfoot)) != \(expression(r, .smallfoot))", 2)
    case .star(let left, let right):
      let l = renderAssertion(left)
      let r = renderAssertion(right)
      let leftText = l.level == 0 ? "(\(l.text))" : l.text
      // A chain of `*` prints flat whatever its grouping: the parser rebuilds its canonical tree.
      let rightText = r.level == 0 ? "(\(r.text))" : r.text
      return ("\(leftText) * \(rightText)", 1)
    case .pointsTo(let pointer, let fields):
      let components = fields.map { "\($0.field.name): \(expression($0.value, .smallfoot))" }.joined(separator: ", ")
      return (components.isEmpty ? "\(atomicTerm(pointer)) |->" : "\(atomicTerm(pointer)) |-> \(components)", 2)
    case .endpoint(let pointer, let spec):
      var text = "\(atomicTerm(pointer)) |-> \(spec.isDual ? "~" : "")\(spec.contract.name){"
        + spec.states.map(\.name).joined(separator: ", ") + "}"
      if let peer = spec.peer { text += ", peer: \(expression(peer, .smallfoot))" }
      return (text, 2)
    case .predicate(let predicate, let fields, let arguments):
      let prefix = fields.map { "\($0.name); " }.joined()
      return ("\(predicate.rawValue)(\(prefix)\(list(arguments, .smallfoot)))", 2)
    case .conditional(let condition, let thenBranch, let elseBranch):
      return ("if \(expression(condition, .smallfoot)) then \(renderAssertion(thenBranch).text) else "
              + renderAssertion(elseBranch).text, 0)
    }
  }
}
