import CZ3

/// An uninterpreted symbol of a context (a constant or the `^` function):
/// two terms that share none are about different things.
public struct SMTSymbol: Hashable, @unchecked Sendable {
  let declaration: Z3_func_decl
}

extension SMTTerm: Hashable {
  public func hash(into hasher: inout Hasher) { hasher.combine(UnsafeRawPointer(ast)) }
}

extension SMTContext {
  /// The symbol of a constant made by `constant(_:_:)`.
  public func symbol(of constant: SMTTerm) -> SMTSymbol {
    SMTSymbol(declaration: Z3_get_app_decl(context, Z3_to_app(context, constant.ast))!)
  }

  /// The uninterpreted symbols that occur in `term` (under quantifiers too;
  /// bound variables are not symbols). Each shared subterm is visited once.
  public func symbols(in term: SMTTerm) -> Set<SMTSymbol> {
    var symbols = Set<SMTSymbol>()
    var visited = Set<UnsafeRawPointer>()
    var stack: [Z3_ast] = [term.ast]
    while let ast = stack.popLast() {
      guard visited.insert(UnsafeRawPointer(ast)).inserted else { continue }
      switch Z3_get_ast_kind(context, ast) {
      case Z3_APP_AST:
        let app = Z3_to_app(context, ast)!
        let declaration = Z3_get_app_decl(context, app)!
        if Z3_get_decl_kind(context, declaration) == Z3_OP_UNINTERPRETED {
          symbols.insert(SMTSymbol(declaration: declaration))
        }
        for index in 0..<Z3_get_app_num_args(context, app) {
          stack.append(Z3_get_app_arg(context, app, index)!)
        }
      case Z3_QUANTIFIER_AST:
        stack.append(Z3_get_quantifier_body(context, ast)!)
      default:
        break
      }
    }
    return symbols
  }
}
