import HopSyntax

/// Statements to instructions: `if`, `while`, `with` and `switch receive`
/// become branches and jumps, so a thread's position is one program counter.
extension ProgramCompiler {
  /// The instructions of one procedure under construction, with its slot table.
  struct Emitter {
    var slots: [String: Int]
    var code: [Instruction] = []
    var ranges: [SourceRange] = []

    mutating func emit(_ instruction: Instruction, _ range: SourceRange) -> Int {
      code.append(instruction)
      ranges.append(range)
      return code.count - 1
    }

    mutating func patch(_ index: Int, _ instruction: Instruction) { code[index] = instruction }
  }

  mutating func compileProcedure(_ declaration: Declaration, index: Int) -> CompiledProcedure {
    let name: String, references: [Identifier], values: [Identifier], locals: [Identifier], body: [Statement]
    let isAsync: Bool
    switch declaration {
    case .procedure(let p):
      (name, references, values, locals, body, isAsync) = (p.name.name, p.referenceParameters, p.valueParameters,
                                                           p.locals, p.body, false)
    case .asyncProcedure(let p):
      (name, references, values, locals, body, isAsync) = (p.name.name, [], p.parameters, p.locals, p.body, true)
    default:
      preconditionFailure("only procedures are compiled")
    }
    var slotNames: [String] = []
    var slots: [String: Int] = [:]
    for identifier in references + values + locals where slots[identifier.name] == nil {
      slots[identifier.name] = slotNames.count
      slotNames.append(identifier.name)
    }
    var emitter = Emitter(slots: slots)
    for statement in body { compile(statement, into: &emitter) }
    let end = declaration.range.end
    // An empty range at the end of the declaration: the return is no text of its own.
    _ = emitter.emit(.return, .point(max(declaration.range.start, end - 1)))
    return CompiledProcedure(name: name, index: index, isAsync: isAsync, referenceCount: references.count,
                             valueCount: values.count, slotNames: slotNames, code: emitter.code,
                             ranges: emitter.ranges, declaration: declaration)
  }

  private mutating func compile(_ statement: Statement, into e: inout Emitter) {
    let range = statement.range
    switch statement.kind {
    case .assign(let target, let value):
      _ = e.emit(.assign(variable(target.name, e), expression(value, e)), range)
    case .lookup(let target, let pointer, let field):
      _ = e.emit(.lookup(variable(target.name, e), pointer: expression(pointer, e), field: intern(field: field.name)), range)
    case .mutate(let pointer, let field, let value):
      _ = e.emit(.mutate(pointer: expression(pointer, e), field: intern(field: field.name), value: expression(value, e)),
                 range)
    case .allocate(let target):
      _ = e.emit(.allocate(variable(target.name, e)), range)
    case .dispose(let pointer):
      _ = e.emit(.dispose(expression(pointer, e)), range)
    case .block(let statements):
      for inner in statements { compile(inner, into: &e) }
    case .ifThenElse(let condition, let then, let otherwise):
      let test = e.emit(.jump(-1), condition.range)
      compile(then, into: &e)
      if let otherwise {
        let skip = e.emit(.jump(-1), range)
        e.patch(test, .branch(expression(condition, e), elseTarget: e.code.count))
        compile(otherwise, into: &e)
        e.patch(skip, .jump(e.code.count))
      } else {
        e.patch(test, .branch(expression(condition, e), elseTarget: e.code.count))
      }
    case .whileLoop(let condition, _, let body):
      let test = e.emit(.jump(-1), condition.range)
      compile(body, into: &e)
      _ = e.emit(.jump(test), range)
      e.patch(test, .branch(expression(condition, e), elseTarget: e.code.count))
    case .withResource(let resource, let condition, let body):
      let index = resourceIndex[resource.name] ?? -1
      if index < 0 {
        diagnostics.append(Diagnostic(code: .runtimeCannotRun, message: "resource '\(resource.name)' is not declared",
                                      range: resource.range))
      }
      _ = e.emit(.acquire(resource: index, condition: expression(condition, e)), range)
      compile(body, into: &e)
      _ = e.emit(.release(resource: index), SourceRange(start: max(range.start, range.end - 1), end: range.end))
    case .call(let call):
      _ = e.emit(.call(site(call, e)), range)
    case .parallelCall(let left, let right):
      _ = e.emit(.parallel(site(left, e), site(right, e)), range)
    case .open(let first, let second, let contract):
      if contractIndex[contract.name] == nil {
        diagnostics.append(Diagnostic(code: .runtimeCannotRun, message: "contract '\(contract.name)' cannot be run",
                                      range: contract.range))
      }
      _ = e.emit(.open(variable(first.name, e), variable(second.name, e), contract: contractIndex[contract.name] ?? 0),
                 range)
    case .close(let first, let second):
      _ = e.emit(.close(expression(first, e), expression(second, e)), range)
    case .send(let message, let endpoint, let value):
      _ = e.emit(.send(message: intern(message: message.name), endpoint: expression(endpoint, e),
                       value: value.map { expression($0, e) }), range)
    case .receive(let receive):
      _ = e.emit(.receive(site(receive, e)), range)
    case .switchReceive(let cases):
      let head = e.emit(.jump(-1), range)
      var targets: [Int] = []
      var exits: [Int] = []
      for branch in cases {
        targets.append(e.code.count)
        for inner in branch.body { compile(inner, into: &e) }
        exits.append(e.emit(.jump(-1), branch.range))
      }
      for exit in exits { e.patch(exit, .jump(e.code.count)) }
      e.patch(head, .switchReceive(cases.map { site($0.receive, e) }, targets: targets))
    case .post(let procedure, let arguments):
      if procedureIndex[procedure.name] == nil {
        diagnostics.append(Diagnostic(code: .runtimeCannotRun, message: "'\(procedure.name)' cannot be posted",
                                      range: procedure.range))
      }
      _ = e.emit(.post(procedure: procedureIndex[procedure.name] ?? 0, arguments: arguments.map { expression($0, e) }),
                 range)
    case .delete(let procedure, let arguments):
      _ = e.emit(.delete(procedure: procedureIndex[procedure.name] ?? 0,
                         arguments: arguments.map { expression($0, e) }), range)
    }
  }

  private mutating func site(_ call: Call, _ e: Emitter) -> CallSite {
    let references = call.referenceArguments.map { argument -> VariableRef in
      if case .variable(let name) = argument.kind { return variable(name.name, e) }
      return .global(-1)
    }
    if procedureIndex[call.procedure.name] == nil || references.contains(.global(-1)) {
      diagnostics.append(Diagnostic(code: .runtimeCannotRun, message: "this call cannot be run", range: call.range))
    }
    return CallSite(procedure: procedureIndex[call.procedure.name] ?? 0, referenceArguments: references,
                    valueArguments: call.valueArguments.map { expression($0, e) })
  }

  private mutating func site(_ receive: Receive, _ e: Emitter) -> ReceiveSite {
    ReceiveSite(binding: receive.binding.map { variable($0.name, e) }, message: intern(message: receive.message.name),
                endpoint: expression(receive.endpoint, e))
  }

  private func variable(_ name: String, _ e: Emitter) -> VariableRef {
    if let slot = e.slots[name] { return .local(slot) }
    return .global(globals[name] ?? -1)
  }

  private mutating func expression(_ expression: Expression, _ e: Emitter) -> CompiledExpression {
    switch expression.kind {
    case .variable(let name): return .variable(variable(name.name, e))
    case .integer(let digits):
      guard let value = Int(digits) else {
        diagnostics.append(Diagnostic(code: .runtimeCannotRun,
                                      message: "the number \(digits) does not fit in a 64-bit integer, so it cannot be run",
                                      range: expression.range))
        return .constant(0)
      }
      return .constant(value)
    case .null: return .constant(0)
    case .boolean(let value): return .constant(value ? 1 : 0)
    case .nondeterministic: return .nondeterministic
    case .unary(let op, let inner): return .unary(op, self.expression(inner, e))
    case .binary(let op, let left, let right): return .binary(op, self.expression(left, e), self.expression(right, e))
    case .fieldRead, .old, .instance, .valid, .quantified:
      diagnostics.append(Diagnostic(code: .runtimeCannotRun, message: "not a program expression",
                                    range: expression.range))
      return .constant(0)
    }
  }
}
