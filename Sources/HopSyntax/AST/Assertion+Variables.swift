/// The program variables a separation-logic formula mentions, which the
/// rules about who may read a formula (resource and message invariants, the
/// race check through specifications) are stated on.
extension Assertion {
  /// Every occurrence of a variable in the formula, in source order (existentials `_x` included).
  public var variableOccurrences: [Identifier] {
    var found: [Identifier] = []
    var stack: [Assertion] = [self]
    while let next = stack.popLast() {
      switch next.kind {
      case .emp, .true, .false:
        break
      case .equal(let left, let right), .notEqual(let left, let right):
        found += left.variableOccurrences + right.variableOccurrences
      case .star(let left, let right):
        stack += [right, left]
      case .pointsTo(let pointer, let fields):
        found += pointer.variableOccurrences + fields.flatMap(\.value.variableOccurrences)
      case .endpoint(let pointer, let spec):
        found += pointer.variableOccurrences + (spec.peer?.variableOccurrences ?? [])
      case .predicate(_, _, let arguments):
        found += arguments.flatMap(\.variableOccurrences)
      case .conditional(let condition, let thenBranch, let elseBranch):
        found += condition.variableOccurrences
        stack += [elseBranch, thenBranch]
      }
    }
    return found
  }

  /// The free program variables of the formula: every variable but the existentials `_x`.
  public var programVariables: Set<String> {
    Set(variableOccurrences.map(\.name).filter { !$0.hasPrefix("_") })
  }
}

extension Expression {
  /// Every occurrence of a variable not bound by a quantifier, in source order.
  public var variableOccurrences: [Identifier] {
    var found: [Identifier] = []
    var stack: [(Expression, Set<String>)] = [(self, [])]
    while let (expression, bound) = stack.popLast() {
      switch expression.kind {
      case .variable(let name): if !bound.contains(name.name) { found.append(name) }
      case .integer, .null, .boolean, .nondeterministic: break
      case .unary(_, let inner), .old(let inner), .valid(let inner), .fieldRead(let inner, _):
        stack.append((inner, bound))
      case .binary(_, let left, let right): stack += [(right, bound), (left, bound)]
      case .instance(_, _, let arguments): stack += arguments.reversed().map { ($0, bound) }
      case .quantified(_, let variables, let body): stack.append((body, bound.union(variables.map(\.name))))
      }
    }
    return found
  }
}
