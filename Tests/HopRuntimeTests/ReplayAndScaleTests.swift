import Foundation
import HopRuntime
import HopTestSupport
import Testing

/// A seed replays the same run in every process (nothing depends on Swift's
/// per-process hash order), and a precondition of thousands of cells is
/// built and matched without exhausting the stack.
@Suite struct ReplayAndScaleTests {
  /// The `hophop` executable next to this test bundle.
  static var hophop: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hophop")
  }

  @Test(arguments: [["--seed", "8", "--runs", "1", "smallfoot/lseg_maybe_empty.hop"],
                    ["--seed", "3", "--runs", "5", "smallfoot/dlist.hop"],
                    ["--seed", "1", "--runs", "5", "heaphop/service_choice.hop"]])
  func aSeedReplaysInEveryProcess(_ arguments: [String]) throws {
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_DETERMINISTIC_HASHING"] = nil
    let path = ExampleCatalog.projectRoot.appendingPathComponent("examples/" + arguments.last!).path
    let command = ["run"] + arguments.dropLast() + [path]
    let first = try runProcess(Self.hophop, command, environment: environment)
    #expect(!first.output.isEmpty || !first.errors.isEmpty)
    for _ in 0..<7 {
      let again = try runProcess(Self.hophop, command, environment: environment)
      #expect(again == first, "hophop \(command.joined(separator: " "))")
    }
  }

  /// `x |-> tl: _c1 * _c1 |-> tl: _c2 * ... * _c(n-1) |-> tl: NULL`: once a stack overflow in the model checker.
  @Test func aPreconditionOfTenThousandCellsRuns() throws {
    let count = 10_000
    var atoms = ["x |-> tl: _c1"]
    for index in 1..<count { atoms.append("_c\(index) |-> tl: \(index == count - 1 ? "NULL" : "_c\(index + 1)")") }
    let formula = atoms.joined(separator: " * ")
    let text = "tl;\n\nmain(x) [\(formula)] {\n  local t;\n  t = x->tl;\n} [\(formula)]\n"
    let result = try campaign(text, runs: 1)
    #expect(result.completed == 1, "\(result.faults) \(result.noInputReason ?? "")")
  }
}
