import HopRuntime
import Testing

/// Decision 59: `run` computes exactly, and stops a run whose value leaves the 64-bit range
/// (not a fault: the language's integers are unbounded, as both checkers count).
@Suite struct RangeTests {
  @Test func aValueBeyondSixtyFourBitsStopsTheRunWithoutAFault() throws {
    let program = """
      main() [emp] {
        local x;
        x = 9223372036854775807;
        x = x + 1;
        if (x < 0) { dispose x; }
      } [emp]
      """
    let result = try campaign(program, runs: 5)
    #expect(result.faultCount == 0 && result.rangeExceeded == 5 && result.completed == 0)
    // Inside the range the same program completes.
    let inside = try campaign(program.replacingOccurrences(of: "9223372036854775807", with: "9223372036854775806"), runs: 5)
    #expect(inside.completed == 5 && inside.rangeExceeded == 0)
  }

  @Test func edgesOfTheRange() throws {
    for (expression, beyond) in [("-9223372036854775807 - 1", false), ("-9223372036854775807 - 2", true),
                                 ("(-9223372036854775807 - 1) / -1", true), ("(-9223372036854775807 - 1) % -1", false),
                                 ("-(-9223372036854775807 - 1)", true), ("4611686018427387904 * 2", true),
                                 ("-4611686018427387904 * 2", false)] {
      let result = try campaign("main() [emp] { local x; x = \(expression); } [emp]", runs: 1)
      #expect((result.rangeExceeded == 1) == beyond, "\(expression)")
      #expect(result.faultCount == 0, "\(expression)")
    }
  }

  @Test func divisionIsCsAndAZeroDivisorFaults() throws {
    let program = """
      main() [emp] {
        local k, x;
        k = -3 / 2;
        if (k != -1) { dispose x; }
        k = -7 % 2;
        if (k != -1) { dispose x; }
        k = 1 / (k + 1);
      } [emp]
      """
    let result = try campaign(program, runs: 3)
    #expect(result.kinds == [.divisionByZero] && result.faults[.divisionByZero] == 3)
  }
}
