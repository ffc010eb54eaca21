/// Expressions of both layers, by precedence climbing over `OperatorPrecedence`.
extension Parser {
  /// Where an expression stands, which decides the atoms it may contain.
  enum ExpressionContext {
    /// A command's expression: `->` belongs to the command (`x = e->f;`), not to the expression.
    case program
    /// A first-order specification of an async procedure: `e->f`, `old`, `valid`, `pending_f`, quantifiers.
    case specification
  }

  mutating func parseExpression(_ context: ExpressionContext = .program) throws(ParseAbort) -> Expression {
    try parseBinary(minimumLevel: 0, context)
  }

  private mutating func parseBinary(minimumLevel: Int, _ context: ExpressionContext) throws(ParseAbort) -> Expression {
    try nested { (parser: inout Parser) throws(ParseAbort) -> Expression in
      var left = try parser.parsePrefix(context)
      // The operands of the current run of one associative operator, joined when the run ends.
      var run: (op: BinaryOperator, operands: [Expression])?
      while case .punctuator(let punctuator) = parser.current.kind, let op = punctuator.binaryOperator {
        let level = parser.table.level(of: op)
        guard level >= minimumLevel else { break }
        let place = parser.advance().range
        let right = try parser.parseBinary(minimumLevel: parser.table.isRightAssociative(op) ? level : level + 1, context)
        if Self.isAssociative(op) {
          if run?.op != op {
            try parser.endRun(&run, into: &left, at: place)
            run = (op, Self.operands(of: left, chainOf: op))
          }
          run?.operands += Self.operands(of: right, chainOf: op)
        } else {
          try parser.endRun(&run, into: &left, at: place)
          left = Expression(.binary(op, left, right), range: left.range.union(right.range))
          try parser.requireDepth(left.height, at: place)
        }
      }
      try parser.endRun(&run, into: &left, at: parser.current.range)
      return left
    }
  }

  /// Joins the operands of a finished run of `&&` or `||` into `left`.
  private mutating func endRun(_ run: inout (op: BinaryOperator, operands: [Expression])?, into left: inout Expression,
                               at place: SourceRange) throws(ParseAbort) {
    guard let finished = run else { return }
    run = nil
    left = Self.balanced(finished.operands, finished.op)
    try requireDepth(left.height, at: place)
  }

  private mutating func parsePrefix(_ context: ExpressionContext) throws(ParseAbort) -> Expression {
    let start = current.range.start
    let op: UnaryOperator? = switch current.kind {
    case .punctuator(.bang): .not
    case .punctuator(.minus): .negate
    case .punctuator(.plus): .plus
    default: nil
    }
    if let op {
      advance()
      // In the first-order table `!` is looser than comparisons: `!a == b` is `!(a == b)`.
      let operand = try (table == .firstOrder && op == .not)
        ? parseBinary(minimumLevel: 4, context)
        : nested { (parser: inout Parser) throws(ParseAbort) in try parser.parsePrefix(context) }
      return Expression(.unary(op, operand), range: range(from: start))
    }
    if context == .specification, current.kind == .identifier,
       let quantifier = Quantifier(rawValue: text(current)), peek(1).kind == .identifier {
      advance()
      var variables = [try expectIdentifier("a variable after '\(quantifier.rawValue)'")]
      while consume(.comma) { variables.append(try expectIdentifier("a variable")) }
      try expect(.dot, "after the quantified variables")
      let body = try parseExpression(context)
      return Expression(.quantified(quantifier, variables: variables, body: body), range: range(from: start))
    }
    var expression = try parsePrimary(context)
    while context == .specification, check(.arrow) {
      let place = advance().range
      let field = try expectIdentifier("a field name after '->'")
      expression = Expression(.fieldRead(expression, field: field), range: range(from: start))
      try requireDepth(expression.height, at: place)
    }
    return expression
  }

  private mutating func parsePrimary(_ context: ExpressionContext) throws(ParseAbort) -> Expression {
    let token = current
    switch token.kind {
    case .identifier:
      if context == .specification, peek(1).kind == .punctuator(.leftParen),
         let atom = try parseFirstOrderAtom() {
        return atom
      }
      advance()
      return Expression(.variable(Identifier(text(token), range: token.range)), range: token.range)
    case .number:
      advance()
      return Expression(.integer(text(token)), range: token.range)
    case .keyword(.null):
      advance()
      return Expression(.null, range: token.range)
    case .keyword(.true), .keyword(.false):
      advance()
      return Expression(.boolean(token.kind == .keyword(.true)), range: token.range)
    case .punctuator(.star) where [.punctuator(.rightParen), .punctuator(.semicolon)].contains(peek(1).kind):
      advance()
      return Expression(.nondeterministic, range: token.range)
    case .punctuator(.leftParen):
      advance()
      let inner = try parseExpression(context)
      try expect(.rightParen, "to close '('")
      return Expression(inner.kind, range: range(from: token.range.start))
    default:
      throw fail(expected: "an expression")
    }
  }

  /// `old(e)`, `valid(e)`, `pending_f(args)`, `posted_f(args)`; `nil` for any other identifier.
  private mutating func parseFirstOrderAtom() throws(ParseAbort) -> Expression? {
    let token = current
    let name = text(token)
    let start = token.range.start
    if name == "old" || name == "valid" {
      advance()
      advance()
      let inner = try parseExpression(.specification)
      try expect(.rightParen, "to close '\(name)('")
      return Expression(name == "old" ? .old(inner) : .valid(inner), range: range(from: start))
    }
    for predicate in InstancePredicate.allCases {
      let prefix = predicate.rawValue + "_"
      guard name.hasPrefix(prefix), name.count > prefix.count else { continue }
      let procedure = Identifier(String(name.dropFirst(prefix.count)),
                                 range: SourceRange(start: start + prefix.utf8.count, end: token.range.end))
      advance()
      advance()
      let arguments = try parseArgumentList(.specification)
      return Expression(.instance(predicate, procedure: procedure, arguments: arguments), range: range(from: start))
    }
    return nil
  }

  /// `e1, e2, ... )` after an opening parenthesis already consumed; consumes the `)`.
  mutating func parseArgumentList(_ context: ExpressionContext = .program) throws(ParseAbort) -> [Expression] {
    var arguments: [Expression] = []
    if consume(.rightParen) { return arguments }
    repeat { arguments.append(try parseExpression(context)) } while consume(.comma)
    try expect(.rightParen, "to close the argument list")
    return arguments
  }
}
