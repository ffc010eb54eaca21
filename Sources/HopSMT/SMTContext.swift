import CZ3

/// A Z3 context for first-order encodings with integers, arrays and
/// quantifiers (the prover's pure facts, the async rely/guarantee
/// conditions), behind a small typed Swift interface so the rest of hophop
/// never touches the C API.
///
/// One context per run: terms live as long as the context, each query runs
/// in its own `push`/`pop` scope of one solver with the configured limits,
/// and Z3's `unknown` is passed on as `.unknown`, never as an answer. Not
/// thread-safe: use one context per thread, or a lock. When libz3 cannot be
/// loaded, there is no context: `init` throws `SMTUnavailable`.
public final class SMTContext {
  let context: Z3_context
  private let solver: Z3_solver
  private let xorFunction: Z3_func_decl
  /// How many satisfiability queries this context has answered, and their total time.
  public private(set) var statistics = SMTStatistics()

  /// Loads libz3 on first use (`SMTLibrary`); when it cannot be loaded, throws
  /// why, and no Z3 function is called.
  ///
  /// - Parameters:
  ///   - timeoutMilliseconds: Z3 gives up (answers unknown) after this long on one query.
  ///   - resourceLimit: Z3's deterministic work bound per query (`rlimit`), if any;
  ///     the timeout alone does not stop every quantifier instantiation loop.
  public init(timeoutMilliseconds: UInt32 = 5_000, resourceLimit: UInt32? = 20_000_000) throws(SMTUnavailable) {
    if let failure = SMTLibrary.load() { throw failure }
    let config = Z3_mk_config()!
    Z3_set_param_value(config, "model", "true")
    context = Z3_mk_context(config)
    Z3_del_config(config)
    // Misuse is caught on the Swift side (sorts are checked before Z3 sees a
    // term); never let Z3 exit the process.
    Z3_set_error_handler(context) { _, _ in }
    solver = Z3_mk_solver(context)
    Z3_solver_inc_ref(context, solver)
    let parameters = Z3_mk_params(context)
    Z3_params_inc_ref(context, parameters)
    Z3_params_set_uint(context, parameters, Z3_mk_string_symbol(context, "timeout"), timeoutMilliseconds)
    if let resourceLimit {
      Z3_params_set_uint(context, parameters, Z3_mk_string_symbol(context, "rlimit"), resourceLimit)
    }
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

  // MARK: Sorts and constants

  func z3Sort(_ sort: SMTSort) -> Z3_sort {
    switch sort {
    case .int: return Z3_mk_int_sort(context)
    case .bool: return Z3_mk_bool_sort(context)
    case .array(let arity, let element):
      var domain: [Z3_sort?] = Array(repeating: Z3_mk_int_sort(context), count: arity)
      return Z3_mk_array_sort_n(context, UInt32(arity), &domain, z3Sort(element))
    }
  }

  /// A constant named `name`; the same name and sort give the same constant.
  public func constant(_ name: String, _ sort: SMTSort) -> SMTTerm {
    SMTTerm(Z3_mk_const(context, Z3_mk_string_symbol(context, name), z3Sort(sort)), sort)
  }

  /// Z3 reads a numeral's digits in time quadratic in their number (a 300,000-digit literal
  /// took 40 s), so a longer literal is built as `high * 10^k + low` from numerals this long.
  public static let numeralChunk = 2_000

  /// An integer literal from its decimal digits (with an optional leading `-`).
  public func integer(_ digits: String) -> SMTTerm {
    let utf8 = digits.utf8
    if utf8.first == UInt8(ascii: "-"), utf8.count - 1 > Self.numeralChunk {
      return negate(integer(String(decoding: utf8.dropFirst(), as: UTF8.self)))
    }
    guard utf8.count > Self.numeralChunk else {
      return SMTTerm(Z3_mk_numeral(context, digits, Z3_mk_int_sort(context)), .int)
    }
    let low = utf8.count / 2
    let high = String(decoding: utf8.dropLast(low), as: UTF8.self)
    return add(multiply(integer(high), powerOfTen(low)), integer(String(decoding: utf8.suffix(low), as: UTF8.self)))
  }

  /// `10^k`, from numerals of at most `numeralChunk` digits.
  private func powerOfTen(_ k: Int) -> SMTTerm {
    guard k >= Self.numeralChunk else { return integer("1" + String(repeating: "0", count: k)) }
    return multiply(powerOfTen(k / 2), powerOfTen(k - k / 2))
  }

  public func integer(_ value: Int) -> SMTTerm { integer(String(value)) }

  public func boolean(_ value: Bool) -> SMTTerm {
    SMTTerm(value ? Z3_mk_true(context) : Z3_mk_false(context), .bool)
  }

  // MARK: Connectives

  public func not(_ a: SMTTerm) -> SMTTerm {
    expect(a, .bool)
    return SMTTerm(Z3_mk_not(context, a.ast), .bool)
  }

  public func and(_ terms: [SMTTerm]) -> SMTTerm {
    if terms.isEmpty { return boolean(true) }
    if terms.count == 1 { return terms[0] }
    terms.forEach { expect($0, .bool) }
    var asts: [Z3_ast?] = terms.map(\.ast)
    return SMTTerm(Z3_mk_and(context, UInt32(asts.count), &asts), .bool)
  }

  public func or(_ terms: [SMTTerm]) -> SMTTerm {
    if terms.isEmpty { return boolean(false) }
    if terms.count == 1 { return terms[0] }
    terms.forEach { expect($0, .bool) }
    var asts: [Z3_ast?] = terms.map(\.ast)
    return SMTTerm(Z3_mk_or(context, UInt32(asts.count), &asts), .bool)
  }

  public func implies(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    expect(a, .bool)
    expect(b, .bool)
    return SMTTerm(Z3_mk_implies(context, a.ast, b.ast), .bool)
  }

  /// `a == b` for two terms of the same sort (for booleans: if and only if).
  public func equal(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    expect(b, a.sort)
    return SMTTerm(Z3_mk_eq(context, a.ast, b.ast), .bool)
  }

  public func ifThenElse(_ condition: SMTTerm, _ then: SMTTerm, _ otherwise: SMTTerm) -> SMTTerm {
    expect(condition, .bool)
    expect(otherwise, then.sort)
    return SMTTerm(Z3_mk_ite(context, condition.ast, then.ast, otherwise.ast), then.sort)
  }

  // MARK: Integer arithmetic

  public func less(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { comparison(Z3_mk_lt, a, b) }
  public func lessEqual(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { comparison(Z3_mk_le, a, b) }

  public func add(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { arithmetic(Z3_mk_add, a, b) }
  public func subtract(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { arithmetic(Z3_mk_sub, a, b) }
  public func multiply(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm { arithmetic(Z3_mk_mul, a, b) }

  /// Integer division as SMT-LIB defines it (total; the quotient by 0 is unspecified).
  public func divide(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    expect(a, .int)
    expect(b, .int)
    return SMTTerm(Z3_mk_div(context, a.ast, b.ast), .int)
  }

  public func modulo(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    expect(a, .int)
    expect(b, .int)
    return SMTTerm(Z3_mk_mod(context, a.ast, b.ast), .int)
  }

  public func negate(_ a: SMTTerm) -> SMTTerm {
    expect(a, .int)
    return SMTTerm(Z3_mk_unary_minus(context, a.ast), .int)
  }

  /// `^` has no arithmetic meaning in Hop; it is an uninterpreted binary function.
  public func xor(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    expect(a, .int)
    expect(b, .int)
    var operands: [Z3_ast?] = [a.ast, b.ast]
    return SMTTerm(Z3_mk_app(context, xorFunction, 2, &operands), .int)
  }

  // MARK: Arrays

  /// The element of `array` at `indices` (one integer per dimension).
  public func select(_ array: SMTTerm, _ indices: [SMTTerm]) -> SMTTerm {
    let element = elementSort(array, indices)
    var asts: [Z3_ast?] = indices.map(\.ast)
    return SMTTerm(Z3_mk_select_n(context, array.ast, UInt32(asts.count), &asts), element)
  }

  /// `array` with the element at `indices` replaced by `value`.
  public func store(_ array: SMTTerm, _ indices: [SMTTerm], _ value: SMTTerm) -> SMTTerm {
    expect(value, elementSort(array, indices))
    var asts: [Z3_ast?] = indices.map(\.ast)
    return SMTTerm(Z3_mk_store_n(context, array.ast, UInt32(asts.count), &asts, value.ast), array.sort)
  }

  // MARK: Quantifiers

  /// `forall bound. body`; `bound` are constants made by `constant(_:_:)`.
  public func forall(_ bound: [SMTTerm], _ body: SMTTerm) -> SMTTerm { quantifier(true, bound, body) }

  /// `exists bound. body`.
  public func exists(_ bound: [SMTTerm], _ body: SMTTerm) -> SMTTerm { quantifier(false, bound, body) }

  private func quantifier(_ isForall: Bool, _ bound: [SMTTerm], _ body: SMTTerm) -> SMTTerm {
    expect(body, .bool)
    if bound.isEmpty { return body }
    var apps: [Z3_app?] = bound.map { Z3_to_app(context, $0.ast) }
    let ast = isForall
      ? Z3_mk_forall_const(context, 0, UInt32(apps.count), &apps, 0, nil, body.ast)
      : Z3_mk_exists_const(context, 0, UInt32(apps.count), &apps, 0, nil, body.ast)
    return SMTTerm(ast!, .bool)
  }

  // MARK: Queries

  /// Whether the conjunction of `facts` has a model; when it has one, the
  /// values of the `observed` terms in it (integers and truth values as
  /// text). Each query runs in its own `push`/`pop` scope of one solver, so
  /// nothing leaks from one query to the next; the model is read before
  /// the `pop` (which frees what the scope made) and never escapes.
  ///
  /// Observe constants: evaluating a compound term in a model with array
  /// interpretations can take Z3 very long.
  public func check(_ facts: [SMTTerm], observing observed: [SMTTerm] = []) -> SMTCheckResult {
    let clock = ContinuousClock()
    let start = clock.now
    defer {
      statistics.queries += 1
      statistics.time += clock.now - start
    }
    Z3_solver_push(context, solver)
    defer { Z3_solver_pop(context, solver, 1) }
    for fact in facts {
      expect(fact, .bool)
      Z3_solver_assert(context, solver, fact.ast)
    }
    switch Z3_solver_check(context, solver) {
    case Z3_L_FALSE:
      return .unsatisfiable
    case Z3_L_TRUE:
      guard let model = Z3_solver_get_model(context, solver) else { return .satisfiable(values: observed.map { _ in nil }) }
      Z3_model_inc_ref(context, model)
      defer { Z3_model_dec_ref(context, model) }
      return .satisfiable(values: observed.map { value(of: $0, in: model) })
    default:
      return .unknown(reason: SMTCheckResult.reason(String(cString: Z3_solver_get_reason_unknown(context, solver))))
    }
  }

  /// The value of an integer or boolean term in `model` (completed where the
  /// model leaves it free), as `42`, `-1`, `true` or `false`.
  private func value(of term: SMTTerm, in model: Z3_model) -> String? {
    var result: Z3_ast?
    guard Z3_model_eval(context, model, term.ast, true, &result), let result else { return nil }
    switch term.sort {
    case .int:
      guard Z3_is_numeral_ast(context, result) else { return nil }
      return String(cString: Z3_get_numeral_string(context, result))
    case .bool:
      switch Z3_get_bool_value(context, result) {
      case Z3_L_TRUE: return "true"
      case Z3_L_FALSE: return "false"
      default: return nil
      }
    case .array:
      return nil
    }
  }

  /// The SMT-LIB 2 script that asks whether `facts` have a model, with its declarations.
  public func script(_ facts: [SMTTerm], comment: String) -> String {
    var asts: [Z3_ast?] = facts.map(\.ast)
    let conjunction = Z3_mk_and(context, UInt32(asts.count), &asts)!
    return String(cString: Z3_benchmark_to_smtlib_string(context, comment, "ALL", "unknown", "", 0, nil, conjunction))
  }

  /// Runs an SMT-LIB 2 script's assertions (as written by `script`) in this context.
  /// `nil` when the text does not parse.
  public func checkScript(_ text: String) -> SMTCheckResult? {
    guard let vector = Z3_parse_smtlib2_string(context, text, 0, nil, nil, 0, nil, nil),
          Z3_get_error_code(context) == Z3_OK else { return nil }
    Z3_ast_vector_inc_ref(context, vector)
    defer { Z3_ast_vector_dec_ref(context, vector) }
    let facts = (0..<Z3_ast_vector_size(context, vector)).map { SMTTerm(Z3_ast_vector_get(context, vector, $0), .bool) }
    return check(facts)
  }

  // MARK: Sort checks

  private func expect(_ term: SMTTerm, _ sort: SMTSort) {
    precondition(term.sort == sort, "SMT term of sort \(term.sort) where \(sort) is needed")
  }

  private func elementSort(_ array: SMTTerm, _ indices: [SMTTerm]) -> SMTSort {
    guard case .array(let arity, let element) = array.sort, arity == indices.count else {
      preconditionFailure("select/store on \(array.sort) with \(indices.count) indices")
    }
    indices.forEach { expect($0, .int) }
    return element
  }

  private func comparison(_ make: (Z3_context?, Z3_ast?, Z3_ast?) -> Z3_ast?, _ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    expect(a, .int)
    expect(b, .int)
    return SMTTerm(make(context, a.ast, b.ast)!, .bool)
  }

  private func arithmetic(_ make: (Z3_context?, UInt32, UnsafePointer<Z3_ast?>?) -> Z3_ast?, _ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    expect(a, .int)
    expect(b, .int)
    let operands: [Z3_ast?] = [a.ast, b.ast]
    return SMTTerm(operands.withUnsafeBufferPointer { make(context, 2, $0.baseAddress) }!, .int)
  }
}

/// The answer to one satisfiability query.
public enum SMTCheckResult {
  /// A model exists; `values` are the observed terms' values in it, in order (`nil`: no value).
  case satisfiable(values: [String?])
  case unsatisfiable
  /// Z3 gave up: timeout, or a quantifier it could not decide.
  case unknown(reason: String)

  /// Z3's reason for `unknown` as bare words: Z3 writes some in parentheses
  /// (`(incomplete quantifiers)`) and others not (`timeout`), and every
  /// message that quotes one puts it in its own parentheses (HH210 printed
  /// `((incomplete quantifiers))`).
  public static func reason(_ z3Reason: String) -> String {
    var reason = Substring(z3Reason).trimmingPrefix(while: \.isWhitespace)
    while reason.hasPrefix("("), reason.hasSuffix(")") { reason = reason.dropFirst().dropLast() }
    return String(reason)
  }
}

/// How much solving a context has done (for `hophop-bench async`).
public struct SMTStatistics: Sendable {
  public var queries = 0
  public var time: Duration = .zero
}
