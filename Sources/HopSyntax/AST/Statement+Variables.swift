/// The one traversal of statements that every analysis shares: the direct
/// sub-statements of a command, and the program variables a statement may
/// assign or read. The loop rule (variables renamed fresh after a loop), the
/// race check and the call rule all ask these questions; they are answered
/// here once, for every kind of statement, including reference arguments of
/// calls, both ends of `open` and the bindings of receives.
extension Statement {
  /// The statements directly inside this one (bodies of blocks, branches, loops, regions, receive cases).
  public var children: [Statement] {
    switch kind {
    case .block(let statements): statements
    case .ifThenElse(_, let then, let otherwise): [then] + (otherwise.map { [$0] } ?? [])
    case .whileLoop(_, _, let body): [body]
    case .withResource(_, _, let body): [body]
    case .switchReceive(let cases): cases.flatMap(\.body)
    case .assign, .lookup, .mutate, .allocate, .dispose, .call, .parallelCall, .open, .close, .send, .receive,
      .post, .delete:
      []
    }
  }

  /// This statement and every statement nested in it, outermost first (an explicit stack, so no recursion).
  public var allStatements: [Statement] {
    var result: [Statement] = []
    var stack: [Statement] = [self]
    while let next = stack.popLast() {
      result.append(next)
      stack.append(contentsOf: next.children.reversed())
    }
    return result
  }

  /// The variables this command itself assigns (not counting nested statements or callees' globals):
  /// assignment targets, reference arguments of calls, both ends of `open`, receive bindings.
  public var directlyAssignedVariables: [String] {
    switch kind {
    case .assign(let name, _), .lookup(let name, _, _), .allocate(let name): [name.name]
    case .call(let call): call.assignedVariables
    case .parallelCall(let left, let right): left.assignedVariables + right.assignedVariables
    case .open(let first, let second, _): [first.name, second.name]
    case .receive(let receive): receive.binding.map { [$0.name] } ?? []
    case .switchReceive(let cases): cases.compactMap { $0.receive.binding?.name }
    case .mutate, .dispose, .block, .ifThenElse, .whileLoop, .withResource, .close, .send, .post, .delete: []
    }
  }

  /// The expressions this command itself evaluates (not those of nested statements).
  public var directlyEvaluatedExpressions: [Expression] {
    switch kind {
    case .assign(_, let value): [value]
    case .lookup(_, let pointer, _): [pointer]
    case .mutate(let pointer, _, let value): [pointer, value]
    case .allocate: []
    case .dispose(let pointer): [pointer]
    case .block: []
    case .ifThenElse(let condition, _, _), .whileLoop(let condition, _, _), .withResource(_, let condition, _):
      [condition]
    case .call(let call): call.referenceArguments + call.valueArguments
    case .parallelCall(let left, let right):
      left.referenceArguments + left.valueArguments + right.referenceArguments + right.valueArguments
    case .open: []
    case .close(let first, let second): [first, second]
    case .send(_, let endpoint, let value): [endpoint] + (value.map { [$0] } ?? [])
    case .receive(let receive): [receive.endpoint]
    case .switchReceive(let cases): cases.map(\.receive.endpoint)
    case .post(_, let arguments), .delete(_, let arguments): arguments
    }
  }

  /// Every variable this statement or a nested one may assign (callees' effects on globals not included).
  public var assignedVariables: Set<String> {
    Set(allStatements.flatMap(\.directlyAssignedVariables))
  }

  /// Every variable this statement or a nested one reads in an expression (callees not included).
  public var readVariables: Set<String> {
    Set(allStatements.flatMap { $0.directlyEvaluatedExpressions.flatMap(\.variableNames) })
  }
}

extension Call {
  /// The variables a call may assign: its reference arguments.
  public var assignedVariables: [String] {
    referenceArguments.compactMap { argument in
      if case .variable(let name) = argument.kind { name.name } else { nil }
    }
  }
}

extension Expression {
  /// The variables the expression mentions (bound variables of quantifiers excluded), without recursion.
  public var variableNames: Set<String> {
    var names = Set<String>()
    var stack: [(Expression, Set<String>)] = [(self, [])]
    while let (expression, bound) = stack.popLast() {
      switch expression.kind {
      case .variable(let name): if !bound.contains(name.name) { names.insert(name.name) }
      case .integer, .null, .boolean, .nondeterministic: break
      case .unary(_, let inner), .old(let inner), .valid(let inner): stack.append((inner, bound))
      case .fieldRead(let inner, _): stack.append((inner, bound))
      case .binary(_, let left, let right): stack += [(left, bound), (right, bound)]
      case .instance(_, _, let arguments): stack += arguments.map { ($0, bound) }
      case .quantified(_, let variables, let body): stack.append((body, bound.union(variables.map(\.name))))
      }
    }
    return names
  }
}
