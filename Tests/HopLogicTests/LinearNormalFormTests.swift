import HopLogic
import Testing

/// The prover compares terms syntactically; `linearNormalised` makes terms that are equal as
/// linear arithmetic the same term, and folds constants with C's division (decision 59).
@Suite struct LinearNormalFormTests {
  let x = Term.v("x"), y = Term.v("y")

  @Test func equalLinearTermsHaveOneNormalForm() {
    #expect(Term.binary(.minus, .binary(.plus, x, .int(1)), .int(1)).linearNormalised == x)
    #expect(Term.binary(.plus, x, .int(0)).linearNormalised == x)
    #expect(Term.binary(.plus, .int(1), x).linearNormalised == Term.binary(.plus, x, .int(1)))
    #expect(Term.binary(.minus, .binary(.times, .int(2), x), x).linearNormalised == x)
    #expect(Term.binary(.minus, x, x).linearNormalised == .int(0))
    #expect(Term.negate(.binary(.minus, y, x)).linearNormalised == Term.binary(.minus, x, y))
    // Products of two unknowns and quotients stay parts of their own.
    #expect(Term.binary(.times, x, y).linearNormalised == Term.binary(.times, x, y))
    #expect(Term.binary(.divide, x, .int(0)).linearNormalised == Term.binary(.divide, x, .int(0)))
  }

  @Test func constantsFoldWithCsDivision() {
    #expect(Term.binary(.divide, .negate(.int(3)), .int(2)).linearNormalised == .int(-1))
    #expect(Term.binary(.modulo, .negate(.int(7)), .int(2)).linearNormalised == .int(-1))
    #expect(Term.binary(.modulo, .int(7), .negate(.int(2))).linearNormalised == .int(1))
    #expect(BigInteger(-7) / BigInteger(2) == BigInteger(-3) && BigInteger(-7) % BigInteger(2) == BigInteger(-1))
    #expect(BigInteger("9223372036854775808")?.exactInt == nil && BigInteger(Int.min).exactInt == Int.min)
  }
}
