/// Checks that every name a program uses is declared, used with the right
/// number of arguments, and used in the layer (sync or async) that allows it.
///
/// Runs after a successful parse and before any analysis, so later stages
/// can look names up without failing. It reports; it never rewrites the AST.
public struct NameResolver {
  let symbols: SymbolTable
  var diagnostics: [Diagnostic] = []
  /// The `global` variables, made once: every async procedure sees them (a set per
  /// procedure would cost N² for N procedures with a global each).
  let globals: Set<String>

  init(symbols: SymbolTable, diagnostics: [Diagnostic]) {
    self.symbols = symbols
    self.diagnostics = diagnostics
    globals = Set(symbols.globals.keys)
  }

  /// All resolution diagnostics of a program, sorted by position.
  public static func resolve(_ program: Program) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let symbols = SymbolTable(program: program, diagnostics: &diagnostics)
    var resolver = NameResolver(symbols: symbols, diagnostics: diagnostics)
    resolver.check(program)
    return resolver.diagnostics.sortedBySource()
  }

  /// The channel commands: a procedure with one of these names could never be called.
  static let channelCommandNames: Set<String> = ["open", "close", "send", "receive"]

  private mutating func check(_ program: Program) {
    for declaration in program.declarations {
      switch declaration {
      case .procedure(let p): check(p)
      case .asyncProcedure(let p): check(p)
      case .resource(let r):
        check(r.invariant, in: Scope(layer: .sync, variables: nil))
      case .message(let m):
        if let invariant = m.invariant { check(invariant, in: Scope(layer: .sync, variables: nil)) }
        checkInvariantVariables(of: m)
      case .contract(let c): check(c)
      case .global: break
      }
    }
    let procedures = program.declarations.compactMap { if case .procedure(let p) = $0 { p } else { nil } }
    let resources = program.declarations.compactMap { if case .resource(let r) = $0 { r } else { nil } }
    checkInvariantVariables(resources, procedures)
    checkGlobalsByReference(procedures)
  }

  // MARK: Declarations

  private mutating func check(_ procedure: ProcedureDecl) {
    if Self.channelCommandNames.contains(procedure.name.name) {
      diagnostics.append(.misused("a procedure cannot be named '\(procedure.name.name)'", range: procedure.name.range,
                                  note: "'\(procedure.name.name)(...)' is a channel command"))
    }
    checkDistinct(procedure.parameters + procedure.locals, kind: "parameter or local variable")
    let scope = Scope(layer: .sync, variables: nil, own: Set((procedure.parameters + procedure.locals).map(\.name)))
    if let pre = procedure.precondition { check(pre, in: scope) }
    if let post = procedure.postcondition { check(post, in: scope) }
    check(procedure.body, in: scope)
  }

  private mutating func check(_ procedure: AsyncProcedureDecl) {
    checkDistinct(procedure.parameters + procedure.locals, kind: "parameter or local variable")
    let parameters = Set(procedure.parameters.map(\.name))
    let specScope = Scope(layer: .async, variables: parameters, globals: globals)
    for formula in [procedure.precondition, procedure.rely, procedure.guarantee].compactMap({ $0 }) {
      check(formula, in: specScope)
    }
    check(procedure.body, in: Scope(layer: .async, variables: parameters.union(procedure.locals.map(\.name)), globals: globals))
  }

  private mutating func check(_ contract: ContractDecl) {
    guard let states = symbols.contracts[contract.name.name]?.states else { return }
    for state in contract.states {
      for transition in state.transitions {
        checkMessage(transition.message)
        if states[transition.target.name] == nil {
          diagnostics.append(.noSuchState(transition.target, inContract: contract.name.name, among: states.keys))
        }
      }
    }
  }

  private mutating func checkDistinct(_ names: [Identifier], kind: String) {
    var seen: [String: SourceRange] = [:]
    for name in names {
      if let previous = seen[name.name] {
        diagnostics.append(.duplicate(kind, name, previous: previous))
      } else {
        seen[name.name] = name.range
      }
    }
  }

  // MARK: Names shared by statements and formulas

  mutating func checkMessage(_ name: Identifier) {
    if symbols.messages[name.name] == nil {
      diagnostics.append(.undeclared("message", name, among: symbols.messages.keys))
    }
  }

  mutating func checkField(_ name: Identifier) {
    if let fields = symbols.fields, !fields.contains(name.name) {
      diagnostics.append(.undeclared("field", name, among: fields, hint: "the fields declared at the top of the file are: "
                                      + fields.sorted().joined(separator: ", ")))
    }
  }

  mutating func checkContract(_ name: Identifier, states: [Identifier]) {
    guard let contract = symbols.contracts[name.name] else {
      diagnostics.append(.undeclared("contract", name, among: symbols.contracts.keys))
      return
    }
    for state in states where contract.states[state.name] == nil {
      diagnostics.append(.noSuchState(state, inContract: name.name, among: contract.states.keys))
    }
  }

  /// Checks that `name` is a declared async procedure taking `count` arguments.
  mutating func checkAsyncInstance(_ name: Identifier, argumentCount count: Int, use: String, range: SourceRange) {
    guard let signature = symbols.procedures[name.name] else {
      diagnostics.append(.undeclared("procedure", name, among: symbols.procedures.keys))
      return
    }
    guard signature.layer == .async else {
      diagnostics.append(.notAsync(name, use: use, declaredAt: signature.name.range))
      return
    }
    if signature.valueCount != count {
      diagnostics.append(.wrongCount("argument", of: name, expected: signature.valueCount, found: count,
                                     range: range, declaredAt: signature.name.range))
    }
  }

  mutating func checkVariable(_ name: Identifier, in scope: Scope) {
    if let variables = scope.variables, !variables.contains(name.name), !scope.globals.contains(name.name) {
      diagnostics.append(.undeclared("variable", name, among: variables.union(scope.globals),
                                     hint: "variables of async procedures are its parameters, its locals and `global` variables"))
    }
  }
}

/// What is visible where a name is used.
struct Scope {
  enum Layer { case sync, async }
  var layer: Layer
  /// Variables that may be used besides `globals`; `nil` in the sync layer, where undeclared variables are globals (Smallfoot).
  var variables: Set<String>?
  /// The parameters and locals of the sync procedure the name is in; `nil` outside one.
  var own: Set<String>?
  /// The `global` variables, visible with `variables` in the async layer (kept apart so that
  /// no procedure copies them).
  var globals: Set<String> = []

  func adding(_ names: [Identifier]) -> Scope {
    guard let variables else { return self }
    return Scope(layer: layer, variables: variables.union(names.map(\.name)), own: own, globals: globals)
  }
}
