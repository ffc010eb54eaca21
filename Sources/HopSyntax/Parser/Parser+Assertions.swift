/// Separation-logic formulas (docs/language.md §1.3 and §2.4).
extension Parser {
  /// `A * B * ...`, built balanced (`Parser.balanced`); an `if` formula's `else` takes everything after it.
  mutating func parseAssertion() throws(ParseAbort) -> Assertion {
    try nested { (parser: inout Parser) throws(ParseAbort) -> Assertion in
      let first = try parser.parseAssertionAtom()
      guard parser.check(.star) || parser.check(.ampAmp) else { return first }
      var operands = Self.operands(ofStar: first)
      while try parser.consumeSeparatingConjunction() {
        operands += Self.operands(ofStar: try parser.parseAssertionAtom())
      }
      let chain = Self.balancedStar(operands)
      try parser.requireDepth(chain.height, at: parser.current.range)
      return chain
    }
  }

  /// Consumes `*`, or `&&` written for it (reported, then read as `*` so the rest of the formula is still checked).
  private mutating func consumeSeparatingConjunction() throws(ParseAbort) -> Bool {
    if consume(.star) { return true }
    guard check(.ampAmp) else { return false }
    let abort = fail(message: "use '*' to join formulas in separation logic, not '&&'", at: current.range,
                     notes: [.init("'A * B' holds when A and B hold of disjoint parts of the heap")])
    guard abort == .syntax else { throw abort }
    advance()
    return true
  }

  private mutating func parseAssertionAtom() throws(ParseAbort) -> Assertion {
    let start = current.range.start
    switch current.kind {
    case .keyword(.emp):
      advance()
      return Assertion(.emp, range: range(from: start))
    case .keyword(.true):
      advance()
      return Assertion(.true, range: range(from: start))
    case .keyword(.false):
      advance()
      return Assertion(.false, range: range(from: start))
    case .keyword(.if):
      advance()
      let condition = try parseTermComparison()
      try expect(.then, "after the condition of an 'if' formula")
      let thenBranch = try parseAssertion()
      try expect(.else, "in an 'if' formula")
      let elseBranch = try parseAssertion()
      return Assertion(.conditional(condition: condition, then: thenBranch, else: elseBranch), range: range(from: start))
    case .keyword(let keyword):
      if let predicate = SpatialPredicate(rawValue: keyword.rawValue) { return try parsePredicate(predicate) }
    case .punctuator(.leftParen):
      // `(x) |-> ...` and `(x) == y` start with a term; `(A * B)` with a formula.
      if let atom = speculate({ (parser: inout Parser) throws(ParseAbort) in try parser.parseTermAtom() }) {
        return atom
      }
      advance()
      let inner = try parseAssertion()
      try expect(.rightParen, "to close '('")
      return Assertion(inner.kind, range: range(from: start))
    default:
      break
    }
    return try parseTermAtom()
  }

  /// An atom that starts with a term: `e |-> ...`, `e == f`, `e != f`.
  private mutating func parseTermAtom() throws(ParseAbort) -> Assertion {
    let start = current.range.start
    let term = try parseTerm()
    switch current.kind {
    case .punctuator(.pointsTo):
      advance()
      return try parsePointsTo(term, start: start)
    case .punctuator(.arrow):
      // `x -> v` for `x |-> v`: reported, then read as meant, so the rest of the formula is still checked.
      let abort = fail(message: "use '|->' in a formula, not '->'", at: current.range,
                       notes: [.init("'x |-> v' says that x points to a cell; '->' reads a field in a command")])
      guard abort == .syntax else { throw abort }
      advance()
      return try parsePointsTo(term, start: start)
    case .punctuator(.leftParen):
      if case .variable(let name) = term.kind,
         let suggestion = Suggestion.closest(to: name.name, among: SpatialPredicate.allCases.map(\.rawValue)) {
        throw fail(message: "unknown predicate '\(name.name)'", at: name.range, notes: [.didYouMean(suggestion)])
      }
      throw fail(expected: "'|->', '==' or '!=' after a term in a formula")
    case .punctuator(.equalEqual):
      advance()
      let right = try parseTerm()
      return Assertion(.equal(term, right), range: range(from: start))
    case .punctuator(.bangEqual):
      advance()
      let right = try parseTerm()
      return Assertion(.notEqual(term, right), range: range(from: start))
    default:
      throw fail(expected: "'|->', '==' or '!=' after a term in a formula")
    }
  }

  /// `t == u` or `t != u` (the condition of an `if` formula), as an expression.
  private mutating func parseTermComparison() throws(ParseAbort) -> Expression {
    // Smallfoot allows the condition in parentheses: `if (n != x) then ...`.
    if check(.leftParen), let inner = speculate({ (parser: inout Parser) throws(ParseAbort) -> Expression in
      try parser.nested { (parser: inout Parser) throws(ParseAbort) -> Expression in
        parser.advance()
        let comparison = try parser.parseTermComparison()
        try parser.expect(.rightParen, "to close '('")
        return comparison
      }
    }) {
      return inner
    }
    let left = try parseTerm()
    let op: BinaryOperator
    if consume(.equalEqual) {
      op = .equal
    } else if consume(.bangEqual) {
      op = .notEqual
    } else {
      throw fail(expected: "'==' or '!=' in the condition of an 'if' formula")
    }
    let right = try parseTerm()
    return Expression(.binary(op, left, right), range: left.range.union(right.range))
  }

  private mutating func parsePointsTo(_ pointer: Expression, start: Int) throws(ParseAbort) -> Assertion {
    // Endpoint cell: `~C{...}` or `C{...}`.
    if check(.tilde) || (current.kind == .identifier && peek(1).kind == .punctuator(.leftBrace)) {
      return try parseEndpoint(pointer, start: start)
    }
    // Named fields: `f: v, g: w`.
    if current.kind == .identifier, peek(1).kind == .punctuator(.colon) {
      var fields: [FieldValue] = []
      while true {
        let field = try expectIdentifier("a field name")
        try expect(.colon, "after a field name")
        fields.append(FieldValue(field: field, value: try parseTerm()))
        guard check(.comma), peek(1).kind == .identifier, peek(2).kind == .punctuator(.colon) else { break }
        advance()
      }
      return Assertion(.pointsTo(pointer, fields: fields), range: range(from: start))
    }
    // Shorthands `e |-> v` (field tl) and `e |-> v, w` (fields l, r); nothing at all means "allocated".
    guard canStartTerm(current) else { return Assertion(.pointsTo(pointer, fields: []), range: range(from: start)) }
    let first = try parseTerm()
    if check(.comma), canStartTerm(peek(1)) {
      advance()
      let second = try parseTerm()
      return Assertion(.pointsTo(pointer, fields: [
        FieldValue(field: Identifier("l", range: first.range), value: first),
        FieldValue(field: Identifier("r", range: second.range), value: second),
      ]), range: range(from: start))
    }
    return Assertion(.pointsTo(pointer, fields: [FieldValue(field: Identifier("tl", range: first.range), value: first)]),
                     range: range(from: start))
  }

  private mutating func parseEndpoint(_ pointer: Expression, start: Int) throws(ParseAbort) -> Assertion {
    let isDual = consume(.tilde)
    let contract = try expectIdentifier("a contract name")
    try expect(.leftBrace, "before the contract states")
    var states = [try expectIdentifier("a contract state")]
    while consume(.comma) { states.append(try expectIdentifier("a contract state")) }
    try expect(.rightBrace, "after the contract states")
    var peer: Expression?
    if check(.comma), isIdentifier(peek(1), "peer") || isIdentifier(peek(1), "pr"), peek(2).kind == .punctuator(.colon) {
      advance()
      advance()
      advance()
      peer = try parseTerm()
    }
    let spec = EndpointSpec(contract: contract, isDual: isDual, states: states, peer: peer)
    return Assertion(.endpoint(pointer, spec), range: range(from: start))
  }

  /// `list([f;] e)`, `lseg([f;] e, e)`, ...: field parameters as written, then arguments.
  private mutating func parsePredicate(_ predicate: SpatialPredicate) throws(ParseAbort) -> Assertion {
    let start = current.range.start
    advance()
    try expect(.leftParen, "after '\(predicate.rawValue)'")
    var fields: [Identifier] = []
    while current.kind == .identifier, peek(1).kind == .punctuator(.semicolon) {
      fields.append(try expectIdentifier("a field name"))
      advance()
    }
    var arguments = [try parseTerm()]
    while consume(.comma) { arguments.append(try parseTerm()) }
    try expect(.rightParen, "to close '\(predicate.rawValue)('")
    return Assertion(.predicate(predicate, fields: fields, arguments: arguments), range: range(from: start))
  }

  // MARK: Terms (expressions inside formulas: no `*`, which is the separating conjunction there)

  func canStartTerm(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier, .number, .keyword(.null), .punctuator(.leftParen), .punctuator(.minus): true
    default: false
    }
  }

  /// A term: Smallfoot's `+ - ^ / %` over variables, numbers, NULL and parentheses.
  mutating func parseTerm(minimumLevel: Int = 0) throws(ParseAbort) -> Expression {
    try nested { (parser: inout Parser) throws(ParseAbort) -> Expression in
      var left = try parser.parseTermPrimary()
      while case .punctuator(let punctuator) = parser.current.kind,
            let op = punctuator.binaryOperator, [.plus, .minus, .xor, .divide, .modulo].contains(op) {
        let level = OperatorPrecedence.smallfoot.level(of: op)
        guard level >= minimumLevel else { break }
        let place = parser.advance().range
        let right = try parser.parseTerm(minimumLevel: level + 1)
        left = Expression(.binary(op, left, right), range: left.range.union(right.range))
        try parser.requireDepth(left.height, at: place)
      }
      return left
    }
  }

  private mutating func parseTermPrimary() throws(ParseAbort) -> Expression {
    let token = current
    switch token.kind {
    case .identifier:
      advance()
      return Expression(.variable(Identifier(text(token), range: token.range)), range: token.range)
    case .number:
      advance()
      return Expression(.integer(text(token)), range: token.range)
    case .keyword(.null):
      advance()
      return Expression(.null, range: token.range)
    case .punctuator(.minus):
      advance()
      let operand = try nested { (parser: inout Parser) throws(ParseAbort) in try parser.parseTermPrimary() }
      return Expression(.unary(.negate, operand), range: range(from: token.range.start))
    case .punctuator(.leftParen):
      advance()
      let inner = try parseTerm()
      try expect(.rightParen, "to close '('")
      return Expression(inner.kind, range: range(from: token.range.start))
    default:
      throw fail(expected: "a term (a variable, a number or NULL)")
    }
  }
}
