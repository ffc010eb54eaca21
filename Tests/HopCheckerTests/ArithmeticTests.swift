import HopChecker
import HopSyntax
import HopTestSupport
import Testing

/// The arithmetic of sync procedures (issue 23, decision 59): C's `/` and `%` over
/// unbounded integers, a zero divisor as an error (HH117), and linear terms that are
/// equal as numbers being one address.
@Suite struct ArithmeticTests {
  @Test func divisionTruncatesTowardZeroAsInC() {
    // With Z3's floor division k would be -2 and the else branch would dispose an unowned x.
    let program = """
      f() [emp] {
        local k, x;
        k = -3 / 2;
        if (k == -1) { x = new(); dispose x; } else { dispose x; }
      } [emp]
      """
    #expect(syncErrors(program) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "k == -1", with: "k == -2")) == ["HH101 4"])
  }

  @Test func theRemainderHasTheSignOfTheDividend() {
    let program = """
      f(a) [emp] {
        local k, x;
        k = -7 % 2;
        if (k != -1) { dispose x; }
        k = a % 2;
        if (a < 0 && k > 0) { dispose x; }
      } [emp]
      """
    #expect(syncErrors(program) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "k != -1", with: "k != 1")) == ["HH101 4"])
  }

  @Test func aDivisorThatMayBeZeroIsAnError() {
    let program = """
      f(n) [emp] {
        local k;
        k = 10 / n;
      } [emp]
      """
    #expect(syncErrors(program) == ["HH117 3"])
    #expect(syncErrors(program.replacingOccurrences(of: "[emp] {", with: "[n != 0] {")) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "10 / n", with: "10 % n")) == ["HH117 3"])
  }

  @Test func divisorsInConditionsAndFieldWritesAreObligationsToo() {
    let condition = """
      f(n) [emp] {
        local k;
        if (10 / n > 1) { k = 1; }
      } [emp]
      """
    #expect(syncErrors(condition) == ["HH117 3"])
    // C's short circuit: the division runs only where n != 0.
    #expect(syncErrors(condition.replacingOccurrences(of: "10 / n > 1", with: "n != 0 && 10 / n > 1")) == [])
    #expect(syncErrors(condition.replacingOccurrences(of: "10 / n > 1", with: "n == 0 || 10 / n > 1")) == [])
    #expect(syncErrors(condition.replacingOccurrences(of: "10 / n > 1", with: "n == 0 && 10 / n > 1")) == ["HH117 3"])
    let loop = """
      f(n) [emp] {
        local k;
        k = 0;
        while (k < 10 / n) [emp] { k = k + 1; }
      } [emp]
      """
    #expect(syncErrors(loop) == ["HH117 4"])
    let write = """
      tl;
      f(x, n) [x |-> ] {
        x->tl = 1 / n;
        dispose x;
      } [emp]
      """
    #expect(syncErrors(write) == ["HH117 3"])
    #expect(syncErrors(write.replacingOccurrences(of: "[x |-> ]", with: "[x |->  * n == 2]")) == [])
  }

  @Test func divisorsInChannelCommandsAreObligationsToo() {
    // The endpoint of a receive, a switch or a close is an expression the runtime evaluates too (HH505).
    let program = """
      message a
      contract L { initial state s { !a -> t; } final state t {} }
      f(n) [emp] {
        local e, x, y;
        (e, x) = open(L);
        send(a, e);
        y = receive(a, x + 0 / n);
        close(e, x);
      } [emp]
      """
    #expect(syncErrors(program) == ["HH117 7"])
    #expect(syncErrors(program.replacingOccurrences(of: "[emp] {", with: "[n == 3] {")) == [])
    let switched = program.replacingOccurrences(of: "y = receive(a, x + 0 / n);",
                                                with: "switch receive { y = receive(a, x + 0 / n): {} }")
    #expect(syncErrors(switched) == ["HH117 7"])
    #expect(syncErrors(switched.replacingOccurrences(of: "[emp] {", with: "[n == 3] {")) == [])
  }

  @Test func linearlyEqualTermsAreOneAddress() {
    let program = """
      f(x) [x |-> ] {
        local y;
        y = x + 1 - 1;
        dispose y;
      } [emp]
      """
    #expect(syncErrors(program) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "x + 1 - 1", with: "x + 0")) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "x + 1 - 1", with: "(2 * x) - x")) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "x + 1 - 1", with: "x + 1 - 2")) == ["HH101 4"])
  }

  @Test func integersAreUnbounded() {
    // The checker's integers do not wrap: x + 1 is positive (`run` stops such a run, decision 59).
    let program = """
      f() [emp] {
        local x;
        x = 9223372036854775807;
        x = x + 1;
        if (x < 0) { dispose x; }
      } [emp]
      """
    #expect(syncErrors(program) == [])
    #expect(syncErrors(program.replacingOccurrences(of: "x < 0", with: "x > 0")) == ["HH101 5"])
  }
}
