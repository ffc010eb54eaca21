/// Prints any AST value as an indented tree (`hophop parse`), e.g.
///
///     Statement.lookup @5:5-5:15
///       0: t @5:5-5:6
///       pointer: Expression.variable @5:9-5:10
///         x @5:9-5:10
///
/// A node is its type and case (`Statement.lookup`) and range, then its
/// associated values (labelled by name, or by position when unnamed), then
/// its other fields by name; lists are `- ` items, absent values `nil`.
/// With `ranges: false` the output is the AST's structure alone, which the
/// round-trip test compares.
///
/// The walk is an explicit switch over the AST types (decision 49): the
/// reflective walk it replaces (`ReflectiveASTDumper`, still used for values
/// of other types) took 12.5 s on 100,000 procedures. `ASTDumperTests`
/// checks that both print the same, byte for byte, on every example, so an
/// AST change that this file misses fails a test.
public struct ASTDumper {
  private let file: SourceFile?
  private let includeRanges: Bool
  private var output = ""

  /// Dumps `value`; ranges are shown as `line:col` when `file` is given, as byte offsets otherwise.
  public static func dump(_ value: Any, file: SourceFile? = nil, ranges: Bool = true) -> String {
    var dumper = ASTDumper(file: file, includeRanges: ranges)
    switch value {
    case let program as Program: dumper.program(program, nil, 0)
    case let declaration as Declaration: dumper.declaration(declaration, nil, 0)
    case let statement as Statement: dumper.statement(statement, nil, 0)
    case let expression as Expression: dumper.expression(expression, nil, 0)
    case let assertion as Assertion: dumper.assertion(assertion, nil, 0)
    case let formula as Formula: dumper.formula(formula, nil, 0)
    case let identifier as Identifier: dumper.identifier(identifier, nil, 0)
    case let statements as [Statement]: dumper.list(statements, nil, 0) { $0.statement($1, $2, $3) }
    case let declarations as [Declaration]: dumper.list(declarations, nil, 0) { $0.declaration($1, $2, $3) }
    default: return ReflectiveASTDumper.dump(value, file: file, ranges: ranges)
    }
    return dumper.output
  }

  private init(file: SourceFile?, includeRanges: Bool) {
    self.file = file
    self.includeRanges = includeRanges
    output.reserveCapacity(4096)
  }

  // MARK: Lines

  private func rangeText(_ range: SourceRange) -> String {
    guard includeRanges else { return "" }
    guard let file else { return " @\(range.start)..<\(range.end)" }
    return " @\(file.location(of: range.start))-\(file.location(of: range.end))"
  }

  private mutating func emit(_ depth: Int, _ label: String?, _ text: String) {
    for _ in 0..<depth { output += "  " }
    if let label {
      if label == "-" {
        output += "- "
      } else {
        output += label
        output += text.isEmpty ? ":" : ": "
      }
    }
    output += text
    output += "\n"
  }

  /// `Type.case @range`: the head line of a node with a kind.
  private mutating func head(_ depth: Int, _ label: String?, _ type: String, _ kase: String, _ range: SourceRange) {
    emit(depth, label, type + "." + kase + rangeText(range))
  }

  // MARK: Leaves and containers

  private mutating func identifier(_ identifier: Identifier, _ label: String?, _ depth: Int) {
    emit(depth, label, identifier.name + rangeText(identifier.range))
  }

  private mutating func string(_ text: String, _ label: String?, _ depth: Int) { emit(depth, label, "\"\(text)\"") }
  private mutating func bool(_ value: Bool, _ label: String?, _ depth: Int) { emit(depth, label, value ? "true" : "false") }
  /// A case without associated values, as `.name`.
  private mutating func simple(_ name: String, _ label: String?, _ depth: Int) { emit(depth, label, "." + name) }

  private mutating func list<T>(_ items: [T], _ label: String?, _ depth: Int,
                                _ item: (inout ASTDumper, T, String?, Int) -> Void) {
    if items.isEmpty {
      emit(depth, label, "[]")
      return
    }
    emit(depth, label, "")
    for element in items { item(&self, element, "-", depth + 1) }
  }

  private mutating func optional<T>(_ value: T?, _ label: String?, _ depth: Int,
                                    _ item: (inout ASTDumper, T, String?, Int) -> Void) {
    if let value { item(&self, value, label, depth) } else { emit(depth, label, "nil") }
  }

  private mutating func identifiers(_ items: [Identifier], _ label: String?, _ depth: Int) {
    list(items, label, depth) { $0.identifier($1, $2, $3) }
  }

  private mutating func expressions(_ items: [Expression], _ label: String?, _ depth: Int) {
    list(items, label, depth) { $0.expression($1, $2, $3) }
  }

  private mutating func statements(_ items: [Statement], _ label: String?, _ depth: Int) {
    list(items, label, depth) { $0.statement($1, $2, $3) }
  }

  private mutating func optionalExpression(_ value: Expression?, _ label: String?, _ depth: Int) {
    optional(value, label, depth) { $0.expression($1, $2, $3) }
  }

  private mutating func optionalAssertion(_ value: Assertion?, _ label: String?, _ depth: Int) {
    optional(value, label, depth) { $0.assertion($1, $2, $3) }
  }

  // MARK: Declarations

  private mutating func program(_ program: Program, _ label: String?, _ depth: Int) {
    emit(depth, label, "Program")
    optional(program.fields, "fields", depth + 1) { $0.identifiers($1, $2, $3) }
    list(program.declarations, "declarations", depth + 1) { $0.declaration($1, $2, $3) }
  }

  private mutating func declaration(_ declaration: Declaration, _ label: String?, _ depth: Int) {
    let d = depth + 1
    switch declaration {
    case .procedure(let p):
      emit(depth, label, ".procedure")
      emit(d, nil, "ProcedureDecl" + rangeText(p.range))
      identifier(p.name, "name", d + 1)
      identifiers(p.referenceParameters, "referenceParameters", d + 1)
      identifiers(p.valueParameters, "valueParameters", d + 1)
      bool(p.hasSeparator, "hasSeparator", d + 1)
      optionalAssertion(p.precondition, "precondition", d + 1)
      identifiers(p.locals, "locals", d + 1)
      statements(p.body, "body", d + 1)
      optionalAssertion(p.postcondition, "postcondition", d + 1)
    case .resource(let r):
      emit(depth, label, ".resource")
      emit(d, nil, "ResourceDecl" + rangeText(r.range))
      identifier(r.name, "name", d + 1)
      identifiers(r.protectedVariables, "protectedVariables", d + 1)
      assertion(r.invariant, "invariant", d + 1)
    case .message(let m):
      emit(depth, label, ".message")
      emit(d, nil, "MessageDecl" + rangeText(m.range))
      identifier(m.name, "name", d + 1)
      optionalAssertion(m.invariant, "invariant", d + 1)
    case .contract(let c):
      emit(depth, label, ".contract")
      emit(d, nil, "ContractDecl" + rangeText(c.range))
      identifier(c.name, "name", d + 1)
      list(c.states, "states", d + 1) { $0.contractState($1, $2, $3) }
    case .asyncProcedure(let a):
      emit(depth, label, ".asyncProcedure")
      emit(d, nil, "AsyncProcedureDecl" + rangeText(a.range))
      identifier(a.name, "name", d + 1)
      identifiers(a.parameters, "parameters", d + 1)
      optionalExpression(a.precondition, "precondition", d + 1)
      optionalExpression(a.rely, "rely", d + 1)
      optionalExpression(a.guarantee, "guarantee", d + 1)
      identifiers(a.locals, "locals", d + 1)
      statements(a.body, "body", d + 1)
    case .global(let g):
      emit(depth, label, ".global")
      emit(d, nil, "GlobalDecl" + rangeText(g.range))
      identifiers(g.names, "names", d + 1)
    }
  }

  private mutating func contractState(_ state: ContractStateDecl, _ label: String?, _ depth: Int) {
    emit(depth, label, "ContractStateDecl" + rangeText(state.range))
    identifier(state.name, "name", depth + 1)
    bool(state.isInitial, "isInitial", depth + 1)
    bool(state.isFinal, "isFinal", depth + 1)
    list(state.transitions, "transitions", depth + 1) { $0.transition($1, $2, $3) }
  }

  private mutating func transition(_ transition: TransitionDecl, _ label: String?, _ depth: Int) {
    emit(depth, label, "TransitionDecl" + rangeText(transition.range))
    simple(Self.name(transition.direction), "direction", depth + 1)
    identifier(transition.message, "message", depth + 1)
    identifier(transition.target, "target", depth + 1)
  }

  // MARK: Statements

  private mutating func statement(_ statement: Statement, _ label: String?, _ depth: Int) {
    let d = depth + 1
    let range = statement.range
    func named(_ kase: String) { head(depth, label, "Statement", kase, range) }
    switch statement.kind {
    case .assign(let target, let value):
      named("assign")
      identifier(target, "0", d)
      expression(value, "1", d)
    case .lookup(let target, let pointer, let field):
      named("lookup")
      identifier(target, "0", d)
      expression(pointer, "pointer", d)
      identifier(field, "field", d)
    case .mutate(let pointer, let field, let value):
      named("mutate")
      expression(pointer, "pointer", d)
      identifier(field, "field", d)
      expression(value, "value", d)
    case .allocate(let target):
      named("allocate")
      identifier(target, nil, d)
    case .dispose(let pointer):
      named("dispose")
      expression(pointer, nil, d)
    case .block(let body):
      named("block")
      statements(body, nil, d)
    case .ifThenElse(let condition, let then, let otherwise):
      named("ifThenElse")
      expression(condition, "condition", d)
      self.statement(then, "then", d)
      optional(otherwise, "else", d) { $0.statement($1, $2, $3) }
    case .whileLoop(let condition, let invariant, let body):
      named("whileLoop")
      expression(condition, "condition", d)
      optional(invariant, "invariant", d) { $0.formula($1, $2, $3) }
      self.statement(body, "body", d)
    case .withResource(let resource, let condition, let body):
      named("withResource")
      identifier(resource, "0", d)
      expression(condition, "condition", d)
      self.statement(body, "body", d)
    case .call(let call):
      named("call")
      self.call(call, nil, d)
    case .parallelCall(let first, let second):
      named("parallelCall")
      call(first, "0", d)
      call(second, "1", d)
    case .open(let first, let second, let contract):
      named("open")
      identifier(first, "0", d)
      identifier(second, "1", d)
      identifier(contract, "contract", d)
    case .close(let first, let second):
      named("close")
      expression(first, "0", d)
      expression(second, "1", d)
    case .send(let message, let endpoint, let value):
      named("send")
      identifier(message, "message", d)
      expression(endpoint, "endpoint", d)
      optionalExpression(value, "value", d)
    case .receive(let receive):
      named("receive")
      self.receive(receive, nil, d)
    case .switchReceive(let cases):
      named("switchReceive")
      list(cases, nil, d) { $0.receiveCase($1, $2, $3) }
    case .post(let procedure, let arguments):
      named("post")
      identifier(procedure, "procedure", d)
      expressions(arguments, "arguments", d)
    case .delete(let procedure, let arguments):
      named("delete")
      identifier(procedure, "procedure", d)
      expressions(arguments, "arguments", d)
    }
  }

  private mutating func call(_ call: Call, _ label: String?, _ depth: Int) {
    emit(depth, label, "Call" + rangeText(call.range))
    identifier(call.procedure, "procedure", depth + 1)
    expressions(call.referenceArguments, "referenceArguments", depth + 1)
    expressions(call.valueArguments, "valueArguments", depth + 1)
    bool(call.hasSeparator, "hasSeparator", depth + 1)
  }

  private mutating func receive(_ receive: Receive, _ label: String?, _ depth: Int) {
    emit(depth, label, "Receive" + rangeText(receive.range))
    optional(receive.binding, "binding", depth + 1) { $0.identifier($1, $2, $3) }
    identifier(receive.message, "message", depth + 1)
    expression(receive.endpoint, "endpoint", depth + 1)
  }

  private mutating func receiveCase(_ receiveCase: ReceiveCase, _ label: String?, _ depth: Int) {
    emit(depth, label, "ReceiveCase" + rangeText(receiveCase.range))
    receive(receiveCase.receive, "receive", depth + 1)
    statements(receiveCase.body, "body", depth + 1)
  }

  private mutating func formula(_ formula: Formula, _ label: String?, _ depth: Int) {
    switch formula {
    case .separation(let assertion):
      emit(depth, label, ".separation")
      self.assertion(assertion, nil, depth + 1)
    case .firstOrder(let expression):
      emit(depth, label, ".firstOrder")
      self.expression(expression, nil, depth + 1)
    }
  }

  // MARK: Expressions and assertions

  private mutating func expression(_ expression: Expression, _ label: String?, _ depth: Int) {
    let d = depth + 1
    let range = expression.range
    func named(_ kase: String) { head(depth, label, "Expression", kase, range) }
    switch expression.kind {
    case .variable(let name):
      named("variable")
      identifier(name, nil, d)
    case .integer(let digits):
      named("integer")
      string(digits, nil, d)
    case .null: named("null")
    case .boolean(let value):
      named("boolean")
      bool(value, nil, d)
    case .nondeterministic: named("nondeterministic")
    case .unary(let op, let operand):
      named("unary")
      simple(Self.name(op), "0", d)
      self.expression(operand, "1", d)
    case .binary(let op, let left, let right):
      named("binary")
      simple(Self.name(op), "0", d)
      self.expression(left, "1", d)
      self.expression(right, "2", d)
    case .fieldRead(let pointer, let field):
      named("fieldRead")
      self.expression(pointer, "0", d)
      identifier(field, "field", d)
    case .old(let inner):
      named("old")
      self.expression(inner, nil, d)
    case .instance(let predicate, let procedure, let arguments):
      named("instance")
      simple(predicate.rawValue, "0", d)
      identifier(procedure, "procedure", d)
      expressions(arguments, "arguments", d)
    case .valid(let inner):
      named("valid")
      self.expression(inner, nil, d)
    case .quantified(let quantifier, let variables, let body):
      named("quantified")
      simple(quantifier.rawValue, "0", d)
      identifiers(variables, "variables", d)
      self.expression(body, "body", d)
    }
  }

  private mutating func assertion(_ assertion: Assertion, _ label: String?, _ depth: Int) {
    let d = depth + 1
    let range = assertion.range
    func named(_ kase: String) { head(depth, label, "Assertion", kase, range) }
    switch assertion.kind {
    case .emp: named("emp")
    case .true: named("true")
    case .false: named("false")
    case .equal(let left, let right):
      named("equal")
      expression(left, "0", d)
      expression(right, "1", d)
    case .notEqual(let left, let right):
      named("notEqual")
      expression(left, "0", d)
      expression(right, "1", d)
    case .star(let left, let right):
      named("star")
      self.assertion(left, "0", d)
      self.assertion(right, "1", d)
    case .pointsTo(let address, let fields):
      named("pointsTo")
      expression(address, "0", d)
      list(fields, "fields", d) { $0.fieldValue($1, $2, $3) }
    case .endpoint(let address, let spec):
      named("endpoint")
      expression(address, "0", d)
      endpointSpec(spec, "1", d)
    case .predicate(let predicate, let fields, let arguments):
      named("predicate")
      simple(predicate.rawValue, "0", d)
      identifiers(fields, "fields", d)
      expressions(arguments, "arguments", d)
    case .conditional(let condition, let then, let otherwise):
      named("conditional")
      expression(condition, "condition", d)
      self.assertion(then, "then", d)
      self.assertion(otherwise, "else", d)
    }
  }

  private mutating func fieldValue(_ value: FieldValue, _ label: String?, _ depth: Int) {
    emit(depth, label, "FieldValue")
    identifier(value.field, "field", depth + 1)
    expression(value.value, "value", depth + 1)
  }

  private mutating func endpointSpec(_ spec: EndpointSpec, _ label: String?, _ depth: Int) {
    emit(depth, label, "EndpointSpec")
    identifier(spec.contract, "contract", depth + 1)
    bool(spec.isDual, "isDual", depth + 1)
    identifiers(spec.states, "states", depth + 1)
    optionalExpression(spec.peer, "peer", depth + 1)
  }

  // MARK: Case names

  // The Swift case names (what reflection printed), not the operators' spellings.
  private static func name(_ direction: Direction) -> String {
    switch direction {
    case .send: "send"
    case .receive: "receive"
    }
  }

  private static func name(_ op: UnaryOperator) -> String {
    switch op {
    case .not: "not"
    case .negate: "negate"
    case .plus: "plus"
    }
  }

  private static func name(_ op: BinaryOperator) -> String {
    switch op {
    case .implies: "implies"
    case .or: "or"
    case .and: "and"
    case .equal: "equal"
    case .notEqual: "notEqual"
    case .less: "less"
    case .lessEqual: "lessEqual"
    case .greater: "greater"
    case .greaterEqual: "greaterEqual"
    case .plus: "plus"
    case .minus: "minus"
    case .times: "times"
    case .divide: "divide"
    case .modulo: "modulo"
    case .xor: "xor"
    }
  }
}
