/// Linear arithmetic in one normal form: a sum of distinct non-linear parts
/// (variables, products of two unknowns, quotients, xor chains), each with an
/// integer coefficient, plus a constant; constants are folded with C's
/// arithmetic (`-3 / 2` is `-1`, a divisor of 0 is left alone). The equality
/// closure compares terms syntactically, so without it `x + 1 - 1` and `x`
/// were two different addresses (issue 23, a false alarm at `dispose`).
extension Term {
  public var linearNormalised: Term {
    switch self {
    case .variable, .null, .integer: self
    case .negate, .binary: Self.rebuild(linearForm)
    }
  }

  /// Whether the term has `+`, `-`, `*`, `/` or `%` anywhere (most terms are names and need no normal form).
  public var containsArithmetic: Bool {
    switch self {
    case .variable, .null, .integer: false
    case .negate: true
    case .binary(.xor, let left, let right): left.containsArithmetic || right.containsArithmetic
    case .binary: true
    }
  }

  /// Coefficients of the non-linear parts, and the constant.
  private struct LinearForm {
    var parts: [Term: BigInteger] = [:]
    var constant = BigInteger(0)

    static func scaled(_ form: LinearForm, by factor: BigInteger) -> LinearForm {
      LinearForm(parts: form.parts.mapValues { $0 * factor }.filter { !$0.value.isZero }, constant: form.constant * factor)
    }

    static func + (a: LinearForm, b: LinearForm) -> LinearForm {
      var parts = a.parts
      for (part, coefficient) in b.parts { parts[part, default: BigInteger(0)] = parts[part, default: BigInteger(0)] + coefficient }
      return LinearForm(parts: parts.filter { !$0.value.isZero }, constant: a.constant + b.constant)
    }

    var constantValue: BigInteger? { parts.isEmpty ? constant : nil }
  }

  private var linearForm: LinearForm {
    switch self {
    case .null: return LinearForm()
    case .integer(let value): return LinearForm(constant: value)
    case .variable: return LinearForm(parts: [self: BigInteger(1)])
    case .negate(let inner): return .scaled(inner.linearForm, by: BigInteger(-1))
    case .binary(.plus, let a, let b): return a.linearForm + b.linearForm
    case .binary(.minus, let a, let b): return a.linearForm + .scaled(b.linearForm, by: BigInteger(-1))
    case .binary(.times, let a, let b):
      let (x, y) = (a.linearForm, b.linearForm)
      if let factor = x.constantValue { return .scaled(y, by: factor) }
      if let factor = y.constantValue { return .scaled(x, by: factor) }
      return LinearForm(parts: [.binary(.times, Self.rebuild(x), Self.rebuild(y)): BigInteger(1)])
    case .binary(let op, let a, let b) where op == .divide || op == .modulo:
      let (x, y) = (a.linearForm, b.linearForm)
      if let dividend = x.constantValue, let divisor = y.constantValue, !divisor.isZero {
        return LinearForm(constant: op == .divide ? dividend / divisor : dividend % divisor)
      }
      return LinearForm(parts: [.binary(op, Self.rebuild(x), Self.rebuild(y)): BigInteger(1)])
    case .binary:
      return LinearForm(parts: [self.xorNormalised: BigInteger(1)])
    }
  }

  private static func rebuild(_ form: LinearForm) -> Term {
    var result: Term?
    for (part, coefficient) in form.parts.sorted(by: { $0.key < $1.key }) {
      let magnitude = coefficient.signum < 0 ? -coefficient : coefficient
      let scaled: Term = magnitude == BigInteger(1) ? part : .binary(.times, .integer(magnitude), part)
      if let sum = result {
        result = .binary(coefficient.signum < 0 ? .minus : .plus, sum, scaled)
      } else {
        result = coefficient.signum < 0 ? .negate(scaled) : scaled
      }
    }
    guard let sum = result else { return .integer(form.constant) }
    if form.constant.isZero { return sum }
    return form.constant.signum < 0 ? .binary(.minus, sum, .integer(-form.constant))
      : .binary(.plus, sum, .integer(form.constant))
  }
}
