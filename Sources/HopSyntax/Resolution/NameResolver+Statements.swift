/// Name resolution of commands.
extension NameResolver {
  mutating func check(_ statements: [Statement], in scope: Scope) {
    for statement in statements { check(statement, in: scope) }
  }

  mutating func check(_ statement: Statement, in scope: Scope) {
    switch statement.kind {
    case .assign(let target, let value):
      checkVariable(target, in: scope)
      check(value, in: scope, formula: false)
    case .lookup(let target, let pointer, let field):
      checkVariable(target, in: scope)
      check(pointer, in: scope, formula: false)
      checkField(field)
    case .mutate(let pointer, let field, let value):
      check(pointer, in: scope, formula: false)
      checkField(field)
      check(value, in: scope, formula: false)
    case .allocate(let target):
      checkVariable(target, in: scope)
    case .dispose(let pointer):
      check(pointer, in: scope, formula: false)
    case .block(let body):
      check(body, in: scope)
    case .ifThenElse(let condition, let thenBranch, let elseBranch):
      check(condition, in: scope, formula: false)
      check(thenBranch, in: scope)
      if let elseBranch { check(elseBranch, in: scope) }
    case .whileLoop(let condition, let invariant, let body):
      check(condition, in: scope, formula: false)
      switch invariant {
      case .separation(let assertion)?: check(assertion, in: scope)
      case .firstOrder(let formula)?: check(formula, in: scope)
      case nil: break
      }
      check(body, in: scope)
    case .withResource(let resource, let condition, let body):
      requireLayer(.sync, "'with'", statement.range, scope)
      if symbols.resources[resource.name] == nil {
        diagnostics.append(.undeclared("resource", resource, among: symbols.resources.keys))
      }
      check(condition, in: scope, formula: false)
      check(body, in: scope)
    case .call(let call):
      // Calling an async procedure is one mistake, whatever the caller's layer: `check(call)` reports it.
      if symbols.procedures[call.procedure.name]?.layer != .async {
        requireLayer(.sync, "a procedure call", statement.range, scope)
      }
      check(call, in: scope)
    case .parallelCall(let left, let right):
      requireLayer(.sync, "a parallel call", statement.range, scope)
      check(left, in: scope)
      check(right, in: scope)
    case .open(let first, let second, let contract):
      requireLayer(.sync, "'open'", statement.range, scope)
      checkVariable(first, in: scope)
      checkVariable(second, in: scope)
      if first.name == second.name {
        diagnostics.append(.misused("both endpoints of a channel are assigned to '\(first.name)'", range: second.range))
      }
      checkContract(contract, states: [])
    case .close(let first, let second):
      requireLayer(.sync, "'close'", statement.range, scope)
      check(first, in: scope, formula: false)
      check(second, in: scope, formula: false)
    case .send(let message, let endpoint, let value):
      requireLayer(.sync, "'send'", statement.range, scope)
      checkMessage(message)
      check(endpoint, in: scope, formula: false)
      if let value { check(value, in: scope, formula: false) }
    case .receive(let receive):
      requireLayer(.sync, "'receive'", statement.range, scope)
      check(receive, in: scope)
    case .switchReceive(let cases):
      requireLayer(.sync, "'switch receive'", statement.range, scope)
      for branch in cases {
        check(branch.receive, in: scope)
        check(branch.body, in: scope)
      }
    case .post(let procedure, let arguments), .delete(let procedure, let arguments):
      let keyword = if case .post = statement.kind { "post" } else { "delete" }
      requireLayer(.async, "'\(keyword)'", statement.range, scope)
      checkAsyncInstance(procedure, argumentCount: arguments.count, use: keyword, range: statement.range)
      for argument in arguments { check(argument, in: scope, formula: false) }
    }
  }

  private mutating func check(_ receive: Receive, in scope: Scope) {
    if let binding = receive.binding { checkVariable(binding, in: scope) }
    checkMessage(receive.message)
    check(receive.endpoint, in: scope, formula: false)
  }

  private mutating func check(_ call: Call, in scope: Scope) {
    for argument in call.referenceArguments + call.valueArguments { check(argument, in: scope, formula: false) }
    var referenced: Set<String> = []
    for argument in call.referenceArguments {
      guard case .variable(let name) = argument.kind else {
        diagnostics.append(.referenceArgumentNotVariable(argument.range))
        continue
      }
      if !referenced.insert(name.name).inserted { diagnostics.append(.repeatedReferenceArgument(name)) }
    }
    guard let signature = symbols.procedures[call.procedure.name] else {
      // `dispse(x);` and `clse(e, f);` parse as calls: the commands written like calls are candidates too.
      let candidates = Array(symbols.procedures.keys) + ["dispose"] + Self.channelCommandNames
      diagnostics.append(.undeclared("procedure", call.procedure, among: candidates))
      return
    }
    guard signature.layer == .sync else {
      diagnostics.append(.misused("'\(call.procedure.name)' is async: it can be posted, not called",
                                  range: call.procedure.range, note: "write 'post \(call.procedure.name)(...);'"))
      return
    }
    checkNotInit(call)
    if signature.referenceCount != call.referenceArguments.count {
      diagnostics.append(.wrongCount("reference argument", of: call.procedure, expected: signature.referenceCount,
                                     found: call.referenceArguments.count, range: call.range,
                                     declaredAt: signature.name.range))
    }
    if signature.valueCount != call.valueArguments.count {
      diagnostics.append(.wrongCount("value argument", of: call.procedure, expected: signature.valueCount,
                                     found: call.valueArguments.count, range: call.range,
                                     declaredAt: signature.name.range))
    }
  }

  private mutating func requireLayer(_ layer: Scope.Layer, _ construct: String, _ range: SourceRange, _ scope: Scope) {
    guard scope.layer != layer else { return }
    diagnostics.append(.wrongLayer(construct, range: range,
                                   allowedIn: layer == .sync ? "ordinary (non-async) procedures" : "async procedures"))
  }
}
