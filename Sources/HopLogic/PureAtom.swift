/// A pure (heap-independent) fact about terms.
public enum PureAtom: Hashable, Sendable, CustomStringConvertible {
  case equal(Term, Term)
  case notEqual(Term, Term)
  case less(Term, Term)
  case lessEqual(Term, Term)

  /// Whether the equality fast path decides this atom by itself (no arithmetic).
  public var isInEqualityFragment: Bool {
    switch self {
    case .equal(let a, let b), .notEqual(let a, let b): a.isAtomic && b.isAtomic
    case .less, .lessEqual: false
    }
  }

  public var terms: [Term] {
    switch self {
    case .equal(let a, let b), .notEqual(let a, let b), .less(let a, let b), .lessEqual(let a, let b): [a, b]
    }
  }

  /// Calls `body` on each occurrence of a variable, left side first.
  public func forEachVariable(_ body: (Variable) -> Void) {
    switch self {
    case .equal(let a, let b), .notEqual(let a, let b), .less(let a, let b), .lessEqual(let a, let b):
      a.forEachVariable(body)
      b.forEachVariable(body)
    }
  }

  /// The atom that holds exactly when this one does not.
  public var negated: PureAtom {
    switch self {
    case .equal(let a, let b): .notEqual(a, b)
    case .notEqual(let a, let b): .equal(a, b)
    case .less(let a, let b): .lessEqual(b, a)
    case .lessEqual(let a, let b): .less(b, a)
    }
  }

  public func substituting(_ substitution: [Variable: Term]) -> PureAtom {
    switch self {
    case .equal(let a, let b), .notEqual(let a, let b), .less(let a, let b), .lessEqual(let a, let b):
      guard a.mentionsAny(of: substitution) || b.mentionsAny(of: substitution) else { return self }
    }
    return mapTerms { $0.substituting(substitution) }
  }

  /// The same comparison with `transform` applied to both sides.
  public func mapTerms(_ transform: (Term) -> Term) -> PureAtom {
    switch self {
    case .equal(let a, let b): .equal(transform(a), transform(b))
    case .notEqual(let a, let b): .notEqual(transform(a), transform(b))
    case .less(let a, let b): .less(transform(a), transform(b))
    case .lessEqual(let a, let b): .lessEqual(transform(a), transform(b))
    }
  }

  public var description: String {
    switch self {
    case .equal(let a, let b): "\(a) == \(b)"
    case .notEqual(let a, let b): "\(a) != \(b)"
    case .less(let a, let b): "\(a) < \(b)"
    case .lessEqual(let a, let b): "\(a) <= \(b)"
    }
  }
}

extension PureAtom: VariableOccurrences {}
