import CZ3
import Foundation
import HopLogic

/// Pure reasoning by Z3 over the integers, through the C API: one context
/// per solver object (per run), one `push`/`pop` per query, a per-query
/// timeout. Z3's `unknown` is passed on as `.unknown`, never as an answer.
///
/// Z3 contexts are not thread-safe; a lock serialises the queries.
public final class Z3PureSolver: PureSolver, @unchecked Sendable {
  private let context: Z3_context
  private let solver: Z3_solver
  private let lock = NSLock()
  /// `^` has no arithmetic meaning here; it is an uninterpreted binary function.
  private let xorFunction: Z3_func_decl

  /// - Parameter timeoutMilliseconds: Z3 gives up (answers unknown) after this long on one query.
  public init(timeoutMilliseconds: UInt32 = 2_000) {
    let config = Z3_mk_config()!
    context = Z3_mk_context(config)
    Z3_del_config(config)
    solver = Z3_mk_solver(context)
    Z3_solver_inc_ref(context, solver)
    let parameters = Z3_mk_params(context)
    Z3_params_inc_ref(context, parameters)
    Z3_params_set_uint(context, parameters, Z3_mk_string_symbol(context, "timeout"), timeoutMilliseconds)
    Z3_solver_set_params(context, solver, parameters)
    Z3_params_dec_ref(context, parameters)
    let intSort = Z3_mk_int_sort(context)
    var domain: [Z3_sort?] = [intSort, intSort]
    xorFunction = Z3_mk_func_decl(context, Z3_mk_string_symbol(context, "^"), 2, &domain, intSort)
  }

  deinit {
    Z3_solver_dec_ref(context, solver)
    Z3_del_context(context)
  }

  public func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    lock.lock()
    defer { lock.unlock() }
    Z3_solver_push(context, solver)
    defer { Z3_solver_pop(context, solver, 1) }
    for fact in facts { Z3_solver_assert(context, solver, formula(fact)) }
    switch Z3_solver_check(context, solver) {
    case Z3_L_TRUE: return .satisfiable
    case Z3_L_FALSE: return .unsatisfiable
    default: return .unknown
    }
  }

  private func formula(_ atom: PureAtom) -> Z3_ast {
    switch atom {
    case .equal(let a, let b): Z3_mk_eq(context, term(a), term(b))
    case .notEqual(let a, let b): Z3_mk_not(context, Z3_mk_eq(context, term(a), term(b)))
    case .less(let a, let b): Z3_mk_lt(context, term(a), term(b))
    case .lessEqual(let a, let b): Z3_mk_le(context, term(a), term(b))
    }
  }

  private func term(_ term: Term) -> Z3_ast {
    let intSort = Z3_mk_int_sort(context)
    switch term {
    case .variable(let variable):
      return Z3_mk_const(context, Z3_mk_string_symbol(context, variable.name), intSort)
    case .null:
      return Z3_mk_int(context, 0, intSort)
    case .integer(let value):
      return Z3_mk_numeral(context, value.description, intSort)
    case .negate(let inner):
      return Z3_mk_unary_minus(context, self.term(inner))
    case .binary(let op, let left, let right):
      var operands: [Z3_ast?] = [self.term(left), self.term(right)]
      switch op {
      case .plus: return Z3_mk_add(context, 2, &operands)
      case .minus: return Z3_mk_sub(context, 2, &operands)
      case .times: return Z3_mk_mul(context, 2, &operands)
      case .divide: return Z3_mk_div(context, operands[0], operands[1])
      case .modulo: return Z3_mk_mod(context, operands[0], operands[1])
      case .xor: return Z3_mk_app(context, xorFunction, 2, &operands)
      }
    }
  }
}

/// The fast path where it applies, Z3 everywhere else: the solver the prover uses.
/// Z3 is started only when the first query outside the equality fragment
/// arrives, so runs that never need it (most list problems) do not pay for it.
public struct LayeredPureSolver: PureSolver {
  public let fastPath = EqualityFastPath()
  private let fallback: LazySolver

  public init(fallback: @escaping @Sendable () -> any PureSolver = { Z3PureSolver() }) {
    self.fallback = LazySolver(make: fallback)
  }

  public func satisfiability(of facts: [PureAtom]) -> Satisfiability? {
    fastPath.satisfiability(of: facts) ?? fallback.solver.satisfiability(of: facts)
  }
}

/// A solver made on first use.
private final class LazySolver: @unchecked Sendable {
  private let make: @Sendable () -> any PureSolver
  private var made: (any PureSolver)?
  private let lock = NSLock()

  init(make: @escaping @Sendable () -> any PureSolver) { self.make = make }

  var solver: any PureSolver {
    lock.lock()
    defer { lock.unlock() }
    if let made { return made }
    let solver = make()
    made = solver
    return solver
  }
}
