import HopSyntax

/// Why a piece of syntax has no meaning in the logic (e.g. a comparison used as a term).
public struct TranslationError: Error, Hashable, Sendable {
  public var message: String
  public var range: SourceRange
}

/// Turns the AST's expressions and assertions into the logic's vocabulary:
/// terms, and disjunctions of symbolic heaps (an `if` formula splits in two).
/// Names starting with `_` become existentials of the heap they occur in.
public enum AssertionTranslation {
  /// The term an expression denotes (`ExpressionSemantics` over a strict `TermDomain`);
  /// comparisons and first-order forms are not terms.
  public static func term(_ expression: Expression) throws(TranslationError) -> Term {
    var domain = TermDomain(strict: true)
    do {
      guard let term = try ExpressionSemantics.number(expression, in: &domain) else {
        throw TranslationError(message: "this expression is not a term of the logic", range: expression.range)
      }
      return term
    } catch let error as TranslationError {
      throw error
    } catch {
      throw TranslationError(message: "\(error)", range: expression.range)
    }
  }

  /// The pure atom of a condition `a == b`, `a != b`, `a < b`, ...; nil when it is not a single comparison.
  public static func comparison(_ expression: Expression) throws(TranslationError) -> PureAtom? {
    guard case .binary(let op, let left, let right) = expression.kind else { return nil }
    switch op {
    case .equal: return .equal(try term(left), try term(right))
    case .notEqual: return .notEqual(try term(left), try term(right))
    case .less: return .less(try term(left), try term(right))
    case .lessEqual: return .lessEqual(try term(left), try term(right))
    case .greater: return .less(try term(right), try term(left))
    case .greaterEqual: return .lessEqual(try term(right), try term(left))
    default: return nil
    }
  }

  /// The disjunction of symbolic heaps an assertion denotes (empty for `false`).
  public static func heaps(_ assertion: Assertion) throws(TranslationError) -> [SymbolicHeap] {
    let disjuncts = try translate(assertion)
    return disjuncts.map(\.closed)
  }

  private static func translate(_ assertion: Assertion) throws(TranslationError) -> [SymbolicHeap] {
    switch assertion.kind {
    case .emp:
      return [.emp]
    case .false:
      return []
    case .true:
      throw TranslationError(message: "'true' as a heap formula is not supported; write 'emp' or describe the cells",
                             range: assertion.range)
    case .equal(let a, let b):
      return [SymbolicHeap(pure: [.equal(try term(a), try term(b))])]
    case .notEqual(let a, let b):
      return [SymbolicHeap(pure: [.notEqual(try term(a), try term(b))])]
    case .star(let left, let right):
      let lefts = try translate(left)
      let rights = try translate(right)
      return lefts.flatMap { l in rights.map { r in l * r } }
    case .pointsTo(let address, let fields):
      var values: [String: Term] = [:]
      for field in fields { values[field.field.name] = try term(field.value) }
      return [SymbolicHeap(spatial: [.pointsTo(try term(address), fields: values)])]
    case .endpoint(let address, let spec):
      let cell = EndpointCell(contract: spec.contract.name, isDual: spec.isDual, states: Set(spec.states.map(\.name)),
                              peer: try spec.peer.map { (peer) throws(TranslationError) in try term(peer) })
      return [SymbolicHeap(spatial: [.endpoint(try term(address), cell)])]
    case .predicate(let predicate, let written, let arguments):
      let fields = written.isEmpty ? predicate.defaultFields : written.map(\.name)
      var terms: [Term] = []
      for argument in arguments { terms.append(try term(argument)) }
      let atom: SpatialAtom = switch predicate {
      case .list: .segment(field: fields[0], from: terms[0], to: .null)
      case .lseg: .segment(field: fields[0], from: terms[0], to: terms[1])
      case .tree: .predicate(.tree, fields: fields, arguments: terms)
      case .dlseg: .predicate(.dlseg, fields: fields, arguments: terms)
      case .xlseg: .predicate(.xlseg, fields: fields, arguments: terms)
      }
      return [SymbolicHeap(spatial: [atom])]
    case .conditional(let condition, let thenBranch, let elseBranch):
      guard let test = try comparison(condition) else {
        throw TranslationError(message: "the condition of an 'if' formula must be a comparison", range: condition.range)
      }
      let whenTrue = try translate(thenBranch).map { SymbolicHeap(pure: [test]) * $0 }
      let whenFalse = try translate(elseBranch).map { SymbolicHeap(pure: [test.negated]) * $0 }
      return whenTrue + whenFalse
    }
  }
}
