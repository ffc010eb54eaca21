/// Commands (docs/language.md §1–§3).
extension Parser {
  /// Statements up to (not including) the closing `}`; a bad statement is
  /// reported, skipped to the next `;` or `}`, and parsing goes on. A
  /// declaration also ends the list: its block lacks a `}`.
  mutating func parseStatements() throws(ParseAbort) -> [Statement] {
    var statements: [Statement] = []
    while !check(.rightBrace) && !isAtEnd && !atUnambiguousDeclarationStart() {
      do throws(ParseAbort) {
        statements.append(try parseStatement())
      } catch .fatal {
        throw .fatal
      } catch {
        skipToStatementBoundary()
      }
    }
    return statements
  }

  /// Skips tokens to just after the next `;` (or a whole `{...}`) at this level, or to a `}` that closes it.
  /// A stray `)` or `]` at this level is skipped like any other token.
  private mutating func skipToStatementBoundary() {
    var depth = 0
    while !isAtEnd {
      switch current.kind {
      case .punctuator(.semicolon) where depth == 0:
        advance()
        return
      case .punctuator(.rightBrace) where depth == 0:
        return
      case .punctuator(.leftBrace), .punctuator(.leftParen), .punctuator(.leftBracket):
        depth += 1
      case .punctuator(.rightBrace), .punctuator(.rightParen), .punctuator(.rightBracket):
        guard depth > 0 else { break }
        depth -= 1
        if depth == 0, current.kind == .punctuator(.rightBrace) {
          advance()
          return
        }
      default:
        break
      }
      advance()
    }
  }

  mutating func parseStatement() throws(ParseAbort) -> Statement {
    try nested { (parser: inout Parser) throws(ParseAbort) -> Statement in try parser.parseStatementUnnested() }
  }

  private mutating func parseStatementUnnested() throws(ParseAbort) -> Statement {
    let start = current.range.start
    switch current.kind {
    case .punctuator(.leftBrace):
      return try parseBlock(owner: nil)
    case .keyword(.if):
      let keyword = advance()
      let condition = try parseCondition("if")
      let thenBranch = try parseBody(of: keyword)
      let elseBranch = check(.else) ? try parseBody(of: advance()) : nil
      return Statement(.ifThenElse(condition: condition, then: thenBranch, else: elseBranch), range: range(from: start))
    case .keyword(.while):
      let keyword = advance()
      let condition = try parseCondition("while")
      var invariant: Formula?
      if consume(.leftBracket) {
        invariant = try parseSpecification()
        try expect(.rightBracket, "to close the loop invariant")
      }
      let body = try parseBody(of: keyword)
      return Statement(.whileLoop(condition: condition, invariant: invariant, body: body), range: range(from: start))
    case .keyword(.with):
      let keyword = advance()
      let resource = try expectIdentifier("a resource name after 'with'")
      try expect(.when, "after the resource name")
      let condition = try parseCondition("when")
      let body = try parseBody(of: keyword)
      return Statement(.withResource(resource, condition: condition, body: body), range: range(from: start))
    case .keyword(.dispose):
      advance()
      let pointer = try parseExpression()
      return try finish(.dispose(pointer), start)
    case .keyword(.local):
      throw fail(message: "'local' declarations must come first in a procedure body", at: current.range)
    case .punctuator(.leftParen) where peek(1).kind == .identifier && peek(2).kind == .punctuator(.comma)
      && peek(3).kind == .identifier && peek(4).kind == .punctuator(.rightParen):
      return try parseOpen(start)
    case .identifier:
      return try parseStatementStartingWithIdentifier(start)
    default:
      return try parseMutation(start)
    }
  }

  /// `( e )` after `if`, `while` or `when`.
  private mutating func parseCondition(_ keyword: String) throws(ParseAbort) -> Expression {
    try expect(.leftParen, "after '\(keyword)'")
    let condition = try parseExpression()
    try expect(.rightParen, "to close the condition")
    return condition
  }

  /// A loop invariant or other specification, in the current procedure's layer.
  mutating func parseSpecification() throws(ParseAbort) -> Formula {
    table == .firstOrder ? .firstOrder(try parseExpression(.specification)) : .separation(try parseAssertion())
  }

  private mutating func finish(_ kind: Statement.Kind, _ start: Int) throws(ParseAbort) -> Statement {
    try expectSemicolon("after the statement")
    return Statement(kind, range: range(from: start))
  }

  private mutating func parseStatementStartingWithIdentifier(_ start: Int) throws(ParseAbort) -> Statement {
    let next = peek(1).kind
    let word = text(current)
    switch word {
    case "switch" where isIdentifier(peek(1), "receive") && peek(2).kind == .punctuator(.leftBrace):
      return try parseSwitchReceive(start)
    case "post" where next == .identifier, "delete" where next == .identifier:
      advance()
      let procedure = try expectIdentifier("a procedure name")
      try expect(.leftParen, "after the procedure name")
      let arguments = try parseArgumentList()
      return try finish(word == "post" ? .post(procedure: procedure, arguments: arguments)
                        : .delete(procedure: procedure, arguments: arguments), start)
    case "close" where next == .punctuator(.leftParen):
      advance()
      advance()
      let first = try parseExpression()
      try expect(.comma, "between the two endpoints of 'close'")
      let second = try parseExpression()
      try expect(.rightParen, "to close 'close('")
      return try finish(.close(first, second), start)
    case "send" where next == .punctuator(.leftParen):
      advance()
      advance()
      let message = try expectIdentifier("a message name")
      try expect(.comma, "after the message name")
      let endpoint = try parseExpression()
      let value = consume(.comma) ? try parseExpression() : nil
      try expect(.rightParen, "to close 'send('")
      return try finish(.send(message: message, endpoint: endpoint, value: value), start)
    case "receive" where next == .punctuator(.leftParen):
      let receive = try parseReceive(binding: nil, start: start)
      return try finish(.receive(receive), start)
    default:
      break
    }
    if let misspelled = misspelledStatementKeyword() { throw misspelled }
    switch next {
    case .punctuator(.equal):
      return try parseAssignment(start)
    case .punctuator(.leftParen):
      let call = try parseCall()
      if consume(.barBar) {
        let right = try parseCall()
        return try finish(.parallelCall(call, right), start)
      }
      return try finish(.call(call), start)
    default:
      return try parseMutation(start)
    }
  }

  /// `x = new();`, `x = receive(m, e);`, `x = e->f;`, `x = e;`
  private mutating func parseAssignment(_ start: Int) throws(ParseAbort) -> Statement {
    let target = try expectIdentifier("a variable")
    advance()  // '='
    if consume(.new) {
      try expect(.leftParen, "after 'new'")
      try expect(.rightParen, "after 'new('")
      return try finish(.allocate(target), start)
    }
    if isIdentifier(current, "receive"), peek(1).kind == .punctuator(.leftParen) {
      let receive = try parseReceive(binding: target, start: start)
      return try finish(.receive(receive), start)
    }
    let value = try parseExpression()
    if check(.leftParen), case .variable(let name) = value.kind,
       let suggestion = Suggestion.closest(to: name.name, among: ["new", "receive"]) {
      // `x = nwe();`: an expression is never followed by `(`.
      throw fail(message: "unknown command '\(name.name)'", at: name.range, notes: [.didYouMean(suggestion)])
    }
    if consume(.arrow) {
      let field = try expectIdentifier("a field name after '->'")
      return try finish(.lookup(target, pointer: value, field: field), start)
    }
    return try finish(.assign(target, value), start)
  }

  /// `e->f = v;`
  private mutating func parseMutation(_ start: Int) throws(ParseAbort) -> Statement {
    guard canStartTerm(current) || check(.leftParen) else { throw fail(expected: "a statement") }
    let pointer = try parseExpression()
    try expect(.arrow, "(a statement must be an assignment, 'e->f = v;', a call, or a command)")
    let field = try expectIdentifier("a field name after '->'")
    try expect(.equal, "after 'e->\(field.name)'")
    let value = try parseExpression()
    return try finish(.mutate(pointer: pointer, field: field, value: value), start)
  }

  /// `(e, f) = open(C);`
  private mutating func parseOpen(_ start: Int) throws(ParseAbort) -> Statement {
    advance()
    let first = try expectIdentifier("an endpoint variable")
    advance()
    let second = try expectIdentifier("an endpoint variable")
    advance()
    try expect(.equal, "after '(\(first.name), \(second.name))'")
    try expectWord("open", "after '(e, f) ='")
    try expect(.leftParen, "after 'open'")
    let contract = try expectIdentifier("a contract name")
    try expect(.rightParen, "to close 'open('")
    return try finish(.open(first, second, contract: contract), start)
  }

  /// `f(refs; values)` — `;` splits reference from value arguments.
  private mutating func parseCall() throws(ParseAbort) -> Call {
    let start = current.range.start
    let procedure = try expectIdentifier("a procedure name")
    try expect(.leftParen, "after the procedure name")
    var first: [Expression] = []
    var second: [Expression] = []
    var hasSeparator = false
    while !check(.rightParen) && !check(.semicolon) {
      first.append(try parseExpression())
      if !consume(.comma) { break }
    }
    if consume(.semicolon) {
      hasSeparator = true
      while !check(.rightParen) {
        second.append(try parseExpression())
        if !consume(.comma) { break }
      }
    }
    try expect(.rightParen, "to close the argument list")
    return Call(procedure: procedure, referenceArguments: hasSeparator ? first : [],
                valueArguments: hasSeparator ? second : first, hasSeparator: hasSeparator, range: range(from: start))
  }

  /// `receive(m, e)` (the `x =` part, if any, already consumed).
  private mutating func parseReceive(binding: Identifier?, start: Int) throws(ParseAbort) -> Receive {
    try expectWord("receive", "")
    try expect(.leftParen, "after 'receive'")
    let message = try expectIdentifier("a message name")
    try expect(.comma, "after the message name")
    let endpoint = try parseExpression()
    try expect(.rightParen, "to close 'receive('")
    return Receive(binding: binding, message: message, endpoint: endpoint, range: range(from: start))
  }

  /// `switch receive { [x =] receive(m, e): S ... }`
  private mutating func parseSwitchReceive(_ start: Int) throws(ParseAbort) -> Statement {
    advance()
    advance()
    let opening = advance().range
    var cases: [ReceiveCase] = []
    while !check(.rightBrace) && !isAtEnd && !atUnambiguousDeclarationStart() {
      let caseStart = current.range.start
      var binding: Identifier?
      if current.kind == .identifier, peek(1).kind == .punctuator(.equal) {
        binding = try expectIdentifier("a variable")
        advance()
      }
      let receive = try parseReceive(binding: binding, start: caseStart)
      try expect(.colon, "after a reception in 'switch receive'")
      let body = try parseStatement()
      let statements: [Statement] = if case .block(let inner) = body.kind { inner } else { [body] }
      cases.append(ReceiveCase(receive: receive, body: statements, range: range(from: caseStart)))
    }
    try expectClosingBrace("to close 'switch receive'", opening: opening)
    if cases.isEmpty { throw fail(message: "'switch receive' needs at least one case", at: range(from: start)) }
    return Statement(.switchReceive(cases), range: range(from: start))
  }
}
