import HopLogic
import HopSyntax

/// Globals that the procedure being proved shadows. A parameter or local named
/// like a global hides that global in the body, but not in the formulas that
/// speak of globals: a resource invariant at `with`, a callee's specification
/// at a call, the globals a callee writes. There the name denotes the global,
/// so it is renamed apart (`g` becomes `g#global`), and the procedure's own
/// `g` keeps its value (decision 58).
extension SymbolicExecutor {
  /// The name the state gives the global `name` in a procedure that has a variable `name` of its own.
  static func globalAlias(_ name: String) -> String { name + "#global" }

  /// The global an alias stands for (any other name is itself).
  static func globalName(_ name: String) -> String {
    name.hasSuffix("#global") ? String(name.dropLast("#global".count)) : name
  }

  /// The name of the global `name` in a procedure whose parameters and locals are `own`.
  static func global(_ name: String, shadowedBy own: Set<String>) -> String {
    own.contains(name) ? globalAlias(name) : name
  }

  /// The name of the global `name` in the state of this procedure.
  func global(_ name: String) -> String { Self.global(name, shadowedBy: ownVariables) }

  /// A formula about globals (a resource invariant; a callee's specification, whose own
  /// parameters `formals` are left for the call to replace), with the shadowed globals renamed apart.
  func globals(_ heap: SymbolicHeap, except formals: Set<String> = []) -> SymbolicHeap {
    guard !ownVariables.isSubset(of: formals) else { return heap }
    // Only the names the formula mentions (a procedure may have many variables, a specification few).
    var renaming: [Variable: Term] = [:]
    for variable in heap.variables where ownVariables.contains(variable.name) && !formals.contains(variable.name) {
      renaming[variable] = .v(Self.globalAlias(variable.name))
    }
    return renaming.isEmpty ? heap.closed : heap.substitutingAll(renaming)
  }
}
