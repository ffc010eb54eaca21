/// Prints a program in hophop's canonical form (`hophop fmt`).
///
/// Parsing the output gives back the same AST (up to source ranges); the
/// round-trip test holds the printer and the parser to that. Comments are
/// not part of the AST and are not printed.
public struct PrettyPrinter {
  private var output = ""
  private var indentation = 0
  /// Expressions of async procedures use the first-order precedence table.
  private var table = OperatorPrecedence.smallfoot

  /// The canonical text of a whole program.
  public static func print(_ program: Program) -> String {
    var printer = PrettyPrinter()
    printer.program(program)
    return printer.output
  }

  private mutating func line(_ text: String) {
    output += String(repeating: "  ", count: indentation) + text + "\n"
  }

  private mutating func program(_ program: Program) {
    if let fields = program.fields {
      line(fields.map(\.name).joined(separator: ", ") + ";")
    }
    for (index, declaration) in program.declarations.enumerated() {
      if index > 0 || program.fields != nil { output += "\n" }
      self.declaration(declaration)
    }
  }

  private mutating func declaration(_ declaration: Declaration) {
    switch declaration {
    case .procedure(let p):
      table = .smallfoot
      let references = p.referenceParameters.map(\.name).joined(separator: ", ")
      let values = p.valueParameters.map(\.name).joined(separator: ", ")
      let parameters = p.hasSeparator ? "\(references); \(values)".trimmingSpaceBeforeSeparator() : values
      var header = "\(p.name.name)(\(parameters))"
      if let pre = p.precondition { header += " [\(Self.assertion(pre))]" }
      body(header: header, locals: p.locals, statements: p.body,
           trailer: p.postcondition.map { " [\(Self.assertion($0))]" } ?? "")
    case .asyncProcedure(let p):
      table = .firstOrder
      var header = "async \(p.name.name)(\(p.parameters.map(\.name).joined(separator: ", ")))"
      if let pre = p.precondition { header += " [\(Self.expression(pre, .firstOrder))]" }
      if let rely = p.rely { header += " rely [\(Self.expression(rely, .firstOrder))]" }
      if let guarantee = p.guarantee { header += " guarantee [\(Self.expression(guarantee, .firstOrder))]" }
      body(header: header, locals: p.locals, statements: p.body, trailer: "")
    case .resource(let r):
      line("resource \(r.name.name)(\(r.protectedVariables.map(\.name).joined(separator: ", "))) [\(Self.assertion(r.invariant))]")
    case .message(let m):
      line("message \(m.name.name)" + (m.invariant.map { " [\(Self.assertion($0))]" } ?? ""))
    case .global(let g):
      line("global \(g.names.map(\.name).joined(separator: ", "));")
    case .contract(let c):
      line("contract \(c.name.name) {")
      indentation += 1
      for state in c.states {
        var header = state.isInitial ? "initial " : ""
        if state.isFinal { header += "final " }
        let edges = state.transitions.map { "\($0.direction.rawValue)\($0.message.name) -> \($0.target.name); " }.joined()
        line("\(header)state \(state.name.name) {" + (edges.isEmpty ? "}" : " \(edges)}"))
      }
      indentation -= 1
      line("}")
    }
  }

  private mutating func body(header: String, locals: [Identifier], statements: [Statement], trailer: String) {
    line("\(header) {")
    indentation += 1
    if !locals.isEmpty { line("local \(locals.map(\.name).joined(separator: ", "));") }
    for statement in statements { self.statement(statement) }
    indentation -= 1
    line("}" + trailer)
  }

  // MARK: Statements

  private func expr(_ expression: Expression) -> String { Self.expression(expression, table) }

  private mutating func statement(_ statement: Statement) {
    switch statement.kind {
    case .assign(let target, let value): line("\(target.name) = \(expr(value));")
    case .lookup(let target, let pointer, let field): line("\(target.name) = \(pointerText(pointer))->\(field.name);")
    case .mutate(let pointer, let field, let value): line("\(pointerText(pointer))->\(field.name) = \(expr(value));")
    case .allocate(let target): line("\(target.name) = new();")
    case .dispose(let pointer): line("dispose \(expr(pointer));")
    case .block(let statements):
      line("{")
      nested(statements)
      line("}")
    case .ifThenElse:
      conditional(statement, prefix: "")
    case .whileLoop(let condition, let invariant, let body):
      var header = "while (\(expr(condition)))"
      switch invariant {
      case .separation(let assertion)?: header += " [\(Self.assertion(assertion))]"
      case .firstOrder(let formula)?: header += " [\(Self.expression(formula, .firstOrder))]"
      case nil: break
      }
      branch(header, body)
    case .withResource(let resource, let condition, let body):
      branch("with \(resource.name) when (\(expr(condition)))", body)
    case .call(let call): line(callText(call) + ";")
    case .parallelCall(let left, let right): line("\(callText(left)) || \(callText(right));")
    case .open(let first, let second, let contract): line("(\(first.name), \(second.name)) = open(\(contract.name));")
    case .close(let first, let second): line("close(\(expr(first)), \(expr(second)));")
    case .send(let message, let endpoint, let value):
      line("send(\(message.name), \(expr(endpoint))" + (value.map { ", \(expr($0))" } ?? "") + ");")
    case .receive(let receive): line(receiveText(receive) + ";")
    case .switchReceive(let cases):
      line("switch receive {")
      indentation += 1
      for branch in cases {
        line("\(receiveText(branch.receive)): {")
        nested(branch.body)
        line("}")
      }
      indentation -= 1
      line("}")
    case .post(let procedure, let arguments): line("post \(procedure.name)(\(Self.list(arguments, table)));")
    case .delete(let procedure, let arguments): line("delete \(procedure.name)(\(Self.list(arguments, table)));")
    }
  }

  /// `if (c) { ... } else if (d) { ... } else { ... }`, with `}` and `else` on one line after a block.
  private mutating func conditional(_ statement: Statement, prefix: String) {
    guard case .ifThenElse(let condition, let thenBranch, let elseBranch) = statement.kind else { return }
    branch("\(prefix)if (\(expr(condition)))", thenBranch)
    guard let elseBranch else { return }
    let closing = String(repeating: "  ", count: indentation) + "}\n"
    let joined = output.hasSuffix(closing)
    if joined { output.removeLast(closing.count) }
    let elseWord = joined ? "} else" : "else"
    if case .ifThenElse = elseBranch.kind {
      conditional(elseBranch, prefix: elseWord + " ")
    } else {
      branch(elseWord, elseBranch)
    }
  }

  /// `header S`: a block opens on the header's line; anything else is indented below it.
  private mutating func branch(_ header: String, _ body: Statement) {
    if case .block(let statements) = body.kind {
      line("\(header) {")
      nested(statements)
      line("}")
    } else {
      line(header)
      indentation += 1
      statement(body)
      indentation -= 1
    }
  }

  private mutating func nested(_ statements: [Statement]) {
    indentation += 1
    for statement in statements { self.statement(statement) }
    indentation -= 1
  }

  private func pointerText(_ pointer: Expression) -> String {
    if case .variable = pointer.kind { return expr(pointer) }
    return "(\(expr(pointer)))"
  }

  private func callText(_ call: Call) -> String {
    let values = Self.list(call.valueArguments, table)
    guard call.hasSeparator else { return "\(call.procedure.name)(\(values))" }
    let references = Self.list(call.referenceArguments, table)
    return "\(call.procedure.name)(\(references); \(values))".trimmingSpaceBeforeSeparator()
  }

  private func receiveText(_ receive: Receive) -> String {
    let call = "receive(\(receive.message.name), \(expr(receive.endpoint)))"
    return receive.binding.map { "\($0.name) = \(call)" } ?? call
  }
}

extension String {
  /// `f(x; )` → `f(x;)`, `f( ; y)` stays `f(; y)`: the canonical spelling of an empty side.
  fileprivate func trimmingSpaceBeforeSeparator() -> String {
    hasSuffix("; )") ? String(dropLast(3)) + ";)" : self
  }
}
