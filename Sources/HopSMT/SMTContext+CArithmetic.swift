/// C's integer division and remainder as SMT terms (decision 21).
///
/// SMT-LIB's `div` and `mod` are Euclidean (the remainder is never
/// negative), while C truncates the quotient toward zero and gives the
/// remainder the sign of the dividend: `-3 / 2 == -1` and `-3 % 2 == -1`
/// in C, but `(div -3 2)` is -2 and `(mod -3 2)` is 1. For a dividend
/// `a >= 0` the two agree whatever the divisor's sign, and C's `a / b` is
/// `-((-a) / b)` (its `a % b` is `-((-a) % b)`), so one `ite` on the sign
/// of the dividend is enough. Every `/` and `%` of a program, a formula or
/// a term of the sync checker's logic is encoded here. A divisor of 0 is left
/// to SMT-LIB (an unspecified value); in programs it is an obligation of its
/// own (HH117 in sync procedures, HH211 in async ones).
extension SMTContext {
  /// `a / b` as in C: the quotient truncated toward zero.
  public func truncatingDivide(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    ifThenElse(lessEqual(integer(0), a), divide(a, b), negate(divide(negate(a), b)))
  }

  /// `a % b` as in C: `a - (a / b) * b`, with the sign of `a`.
  public func truncatingRemainder(_ a: SMTTerm, _ b: SMTTerm) -> SMTTerm {
    ifThenElse(lessEqual(integer(0), a), modulo(a, b), negate(modulo(negate(a), b)))
  }
}
