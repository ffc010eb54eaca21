import HopAsync
import Testing

/// `/` and `%` are C's (truncating toward zero, the remainder has the sign
/// of the dividend), in program expressions and in formulas, not SMT-LIB's
/// Euclidean `div` and `mod`, which differ for negative operands.
@Suite struct CArithmeticTests {
  @Test(arguments: [
    ("-3 / 2", "-1"), ("-3 % 2", "-1"), ("3 / -2", "-1"), ("3 % -2", "1"),
    ("-7 / -2", "3"), ("-7 % -2", "-1"), ("7 / 2", "3"), ("7 % 2", "1"), ("0 - 4 / 3", "-1"),
  ])
  func programDivisionFollowsC(_ expression: String, _ value: String) {
    let program = { (expected: String) in """
      global g;
      async main() guarantee [g == \(expected)] { g = \(expression); }
      """ }
    #expect(asyncErrors(program(value)) == [])
    #expect(asyncCodes(program("\(value) - 1")) == ["HH201"])
  }

  @Test func formulaDivisionFollowsC() {
    #expect(asyncErrors("async main() guarantee [-3 / 2 == -1 && -3 % 2 == -1 && -7 / -2 == 3] { }") == [])
    #expect(asyncCodes("async main() guarantee [-3 / 2 == -2] { }") == ["HH201"])
    #expect(asyncCodes("async main() guarantee [-3 % 2 == 1] { }") == ["HH201"])
  }

  @Test func programAndFormulaAgreeOnNegativeOperands() {
    #expect(asyncErrors("""
      global g, h;
      async f(x, y) [y != 0] guarantee [g == x / y && h == x % y && x == y * g + h] {
        g = x / y; h = x % y; }
      async main() { }
      """) == [])
  }

  @Test func aRemainderOfANegativeNumberMayMakeADivisorZero() {
    // Euclidean `mod` would make x % 2 + 1 at least 1; in C it is 0 for odd negative x.
    let (report, file) = checkAsync("""
      global g;
      async main() { }
      async f(x) [x < 0] {
        g = 10 / (x % 2 + 1); }
      """)
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(errors.map { "\($0.code) \(file.location(of: $0.range.start).line)" } == ["HH211 4"])
    #expect(errors.first?.notes.contains { $0.message.hasPrefix("counterexample: x = -") } == true)
    #expect(asyncErrors("""
      global g;
      async main() { }
      async f(x) [x > 0] {
        g = 10 / (x % 2 + 1); }
      """) == [])
  }
}
