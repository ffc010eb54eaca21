/// The program and its top-level declarations.
extension Parser {
  mutating func parseProgram() -> Program {
    var fields: [Identifier]?
    var declarations: [Declaration] = []
    do throws(ParseAbort) {
      if current.kind == .identifier,
         [.punctuator(.comma), .punctuator(.semicolon)].contains(peek(1).kind) {
        fields = try parseFieldList()
      }
      while !isAtEnd {
        do throws(ParseAbort) {
          declarations.append(try parseDeclaration())
        } catch .fatal {
          throw .fatal
        } catch {
          skipToDeclarationBoundary()
        }
      }
    } catch {
      // Too many errors or too deep: what was parsed so far is returned with the diagnostics.
    }
    return Program(fields: fields, declarations: declarations)
  }

  /// `hd, tl;`
  private mutating func parseFieldList() throws(ParseAbort) -> [Identifier] {
    var fields = [try expectIdentifier("a field name")]
    while consume(.comma) { fields.append(try expectIdentifier("a field name")) }
    try expectSemicolon("after the field list")
    return fields
  }

  /// Whether the current token starts a contract state: `initial`, `final` or `state` followed by a name.
  private func atStateStart() -> Bool {
    ["initial", "final", "state"].contains { isIdentifier(current, $0) } && peek(1).kind == .identifier
  }

  /// Whether the current token can start a declaration (used to resynchronise).
  private func atDeclarationStart() -> Bool {
    if check(.resource) { return true }
    guard current.kind == .identifier else { return false }
    if peek(1).kind == .punctuator(.leftParen) { return true }
    return ["message", "contract", "async", "global"].contains(text(current)) && peek(1).kind == .identifier
  }

  /// Skips to the next token, outside any brackets, that can start a declaration.
  private mutating func skipToDeclarationBoundary() {
    var depth = 0
    var first = true
    while !isAtEnd {
      if depth == 0, !first, atDeclarationStart() { return }
      first = false
      switch current.kind {
      case .punctuator(.leftBrace), .punctuator(.leftParen), .punctuator(.leftBracket): depth += 1
      case .punctuator(.rightBrace), .punctuator(.rightParen), .punctuator(.rightBracket): depth = max(0, depth - 1)
      default: break
      }
      advance()
    }
  }

  private mutating func parseDeclaration() throws(ParseAbort) -> Declaration {
    let start = current.range.start
    if consume(.resource) {
      let name = try expectIdentifier("a resource name")
      try expect(.leftParen, "after the resource name")
      let variables = try parseIdentifierList(until: .rightParen)
      try expect(.rightParen, "to close the protected variables")
      try expect(.leftBracket, "before the resource invariant")
      let invariant = try parseAssertion()
      try expect(.rightBracket, "to close the resource invariant")
      return .resource(ResourceDecl(name: name, protectedVariables: variables, invariant: invariant,
                                    range: range(from: start)))
    }
    guard current.kind == .identifier else { throw fail(expected: "a declaration") }
    let word = text(current)
    if peek(1).kind == .identifier {
      switch word {
      case "message": return try parseMessage(start)
      case "contract": return try parseContract(start)
      case "async": return try parseAsyncProcedure(start)
      case "global":
        advance()
        let names = try parseIdentifierList(until: .semicolon)
        try expectSemicolon("after the global variables")
        return .global(GlobalDecl(names: names, range: range(from: start)))
      default:
        if let misspelled = misspelledDeclarationKeyword() { throw misspelled }
      }
    }
    return try parseProcedure(start)
  }

  /// `a, b, c` (possibly empty), stopping before `terminator`.
  private mutating func parseIdentifierList(until terminator: Punctuator) throws(ParseAbort) -> [Identifier] {
    var names: [Identifier] = []
    guard !check(terminator), current.kind == .identifier else { return names }
    repeat { names.append(try expectIdentifier("a name")) } while consume(.comma)
    return names
  }

  private mutating func parseMessage(_ start: Int) throws(ParseAbort) -> Declaration {
    advance()
    let name = try expectIdentifier("a message name")
    var invariant: Assertion?
    if consume(.leftBracket) {
      invariant = try parseAssertion()
      try expect(.rightBracket, "to close the message invariant")
    }
    return .message(MessageDecl(name: name, invariant: invariant, range: range(from: start)))
  }

  private mutating func parseContract(_ start: Int) throws(ParseAbort) -> Declaration {
    advance()
    let name = try expectIdentifier("a contract name")
    let contractBrace = try expect(.leftBrace, "to open the contract").range
    var states: [ContractStateDecl] = []
    while !check(.rightBrace) && !isAtEnd && !atUnambiguousDeclarationStart() {
      let stateStart = current.range.start
      var isInitial = false
      var isFinal = false
      if isIdentifier(current, "initial"), !isIdentifier(peek(1), "{") {
        isInitial = true
        advance()
      }
      if isIdentifier(current, "final") {
        isFinal = true
        advance()
      }
      try expectWord("state", "(a contract holds '[initial] [final] state NAME { ... }' declarations)")
      let stateName = try expectIdentifier("a state name")
      let stateBrace = try expect(.leftBrace, "to open the state's transitions").range
      var transitions: [TransitionDecl] = []
      while !check(.rightBrace) && !isAtEnd && !atUnambiguousDeclarationStart() && !atStateStart() {
        let transitionStart = current.range.start
        let direction: Direction
        if consume(.bang) {
          direction = .send
        } else if consume(.question) {
          direction = .receive
        } else {
          throw fail(expected: "'!' or '?' to start a transition")
        }
        let message = try expectIdentifier("a message name")
        try expect(.arrow, "after the message of a transition")
        let target = try expectIdentifier("a target state")
        try expectSemicolon("after a transition")
        transitions.append(TransitionDecl(direction: direction, message: message, target: target,
                                          range: range(from: transitionStart)))
      }
      try expectClosingBrace("to close the state", opening: stateBrace, missingBefore: atStateStart())
      states.append(ContractStateDecl(name: stateName, isInitial: isInitial, isFinal: isFinal,
                                      transitions: transitions, range: range(from: stateStart)))
    }
    try expectClosingBrace("to close the contract", opening: contractBrace)
    return .contract(ContractDecl(name: name, states: states, range: range(from: start)))
  }

  /// `f(refs; values) [pre] { local ...; statements } [post]`
  private mutating func parseProcedure(_ start: Int) throws(ParseAbort) -> Declaration {
    table = .smallfoot
    let name = try expectIdentifier("a procedure name")
    try expect(.leftParen, "after the procedure name")
    let first = try parseIdentifierList(until: .semicolon)
    var second: [Identifier] = []
    let hasSeparator = consume(.semicolon)
    if hasSeparator { second = try parseIdentifierList(until: .rightParen) }
    try expect(.rightParen, "to close the parameter list")
    let precondition = try parseOptionalBracketedAssertion("precondition")
    let (locals, body) = try parseBody()
    let postcondition = try parseOptionalBracketedAssertion("postcondition")
    return .procedure(ProcedureDecl(
      name: name, referenceParameters: hasSeparator ? first : [], valueParameters: hasSeparator ? second : first,
      hasSeparator: hasSeparator, precondition: precondition, locals: locals, body: body,
      postcondition: postcondition, range: range(from: start)))
  }

  /// `async f(x, y) [pre] rely [R] guarantee [G] { ... }`
  private mutating func parseAsyncProcedure(_ start: Int) throws(ParseAbort) -> Declaration {
    advance()
    table = .firstOrder
    defer { table = .smallfoot }
    let name = try expectIdentifier("a procedure name")
    try expect(.leftParen, "after the procedure name")
    let parameters = try parseIdentifierList(until: .rightParen)
    try expect(.rightParen, "to close the parameter list")
    var precondition: Expression?
    var rely: Expression?
    var guarantee: Expression?
    if consume(.leftBracket) {
      precondition = try parseExpression(.specification)
      try expect(.rightBracket, "to close the precondition")
    }
    if isIdentifier(current, "rely") {
      advance()
      try expect(.leftBracket, "after 'rely'")
      rely = try parseExpression(.specification)
      try expect(.rightBracket, "to close the rely condition")
    }
    if isIdentifier(current, "guarantee") {
      advance()
      try expect(.leftBracket, "after 'guarantee'")
      guarantee = try parseExpression(.specification)
      try expect(.rightBracket, "to close the guarantee condition")
    }
    let (locals, body) = try parseBody()
    return .asyncProcedure(AsyncProcedureDecl(
      name: name, parameters: parameters, precondition: precondition, rely: rely, guarantee: guarantee,
      locals: locals, body: body, range: range(from: start)))
  }

  private mutating func parseOptionalBracketedAssertion(_ what: String) throws(ParseAbort) -> Assertion? {
    guard consume(.leftBracket) else { return nil }
    let assertion = try parseAssertion()
    try expect(.rightBracket, "to close the \(what)")
    return assertion
  }

  /// `{ local a, b; local c; statements }`, parsed again where a `}` is likely missing
  /// (`parseRecoveringUnclosedBlock`).
  private mutating func parseBody() throws(ParseAbort) -> ([Identifier], [Statement]) {
    try parseRecoveringUnclosedBlock { (parser: inout Parser) throws(ParseAbort) in try parser.parseBodyOnce() }
  }

  private mutating func parseBodyOnce() throws(ParseAbort) -> ([Identifier], [Statement]) {
    let opening = try expect(.leftBrace, "to open the procedure body").range
    var locals: [Identifier] = []
    while consume(.local) {
      repeat { locals.append(try expectIdentifier("a local variable name")) } while consume(.comma)
      try expectSemicolon("after the local variables")
    }
    let body = try parseStatements()
    try expectClosingBrace("to close the procedure body", opening: opening)
    return (locals, body)
  }
}
