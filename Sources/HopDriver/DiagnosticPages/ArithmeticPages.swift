import HopChecker

extension DiagnosticPages {
  /// HH117: arithmetic in sync procedures (`HopChecker`, decision 59).
  static let arithmeticPages: [DiagnosticPage] = [
    DiagnosticPage(
      code: .syncDivisionByZero, title: "division by zero",
      meaning: """
        A `/` or `%` in a sync procedure whose divisor may be 0 where it is
        evaluated. In C, dividing by zero is undefined behaviour, and `hophop
        run` stops such a run with a fault (HH505); so the proof needs the
        divisor to be non-zero in every case of the symbolic state. The note
        shows a case in which the divisor is 0.
        """,
      rule: """
        Integers are mathematical (unbounded), and `/` and `%` are C's: the
        quotient is truncated toward zero and the remainder has the sign of
        the dividend (`-3 / 2 == -1`, `-7 % 2 == -1`). Every `/` and `%` of a
        command, a call's arguments or a condition is an obligation that its
        divisor is not 0 in every case of the state, as HH211 in async
        procedures. As in C, the right side of `&&` is evaluated (and
        checked) only where the left side holds, of `||` only where it does
        not.
        """,
      example: .init(.check, file: "example.hop", input: .text(#"""
        share(total, n) [emp] {
          local each;
          each = total / n;
        } [emp]
        """#), output: #"""
        example.hop:3:3: error: division by zero: the divisor 'n' may be 0 [HH117]
         3 |   each = total / n;
           |   ^~~~~~~~~~~~~~~~~
          note: in this case of the state: emp * n == 0

        """#),
      fix: """
        Make the divisor non-zero where the division runs: require it in the
        precondition, or test it first (`if (n != 0) ...`, or
        `n != 0 && total / n > 1` in a condition).
        """,
      fixed: .text(#"""
        share(total, n) [n != 0] {
          local each;
          each = total / n;
        } [emp]
        """#)),
  ]
}
