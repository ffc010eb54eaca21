/// Bitwise exclusive or (`^`, Smallfoot's xor-linked lists) is associative
/// and commutative, `t ^ t == 0` and `t ^ 0 == t`. Terms are compared
/// syntactically by the equality closure, so xor chains are put in one
/// normal form: the operands that occur an odd number of times, sorted,
/// grouped to the left; `0` when none is left. With it, `t ^ (t ^ s)` is `s`,
/// which is how a program walks an xor-linked list.
extension Term {
  public var xorNormalised: Term {
    switch self {
    case .variable, .null, .integer: return self
    case .negate(let inner): return .negate(inner.xorNormalised)
    case .binary(.xor, _, _):
      var counts: [Term: Int] = [:]
      var stack: [Term] = [self]
      while let next = stack.popLast() {
        if case .binary(.xor, let left, let right) = next {
          stack += [left, right]
        } else {
          let operand = next.xorNormalised
          if operand.constantValue == BigInteger(0) { continue }
          counts[operand == .null ? .integer(BigInteger(0)) : operand, default: 0] += 1
        }
      }
      let odd = counts.filter { $0.value % 2 == 1 }.keys.filter { $0.constantValue != BigInteger(0) }.sorted()
      guard var result = odd.first else { return .integer(BigInteger(0)) }
      for operand in odd.dropFirst() { result = .binary(.xor, result, operand) }
      return result
    case .binary(let op, let left, let right):
      return .binary(op, left.xorNormalised, right.xorNormalised)
    }
  }

  /// Whether the term mentions `^` anywhere (most do not, and need no normal form).
  public var containsXor: Bool {
    switch self {
    case .variable, .null, .integer: false
    case .negate(let inner): inner.containsXor
    case .binary(let op, let left, let right): op == .xor || left.containsXor || right.containsXor
    }
  }
}
