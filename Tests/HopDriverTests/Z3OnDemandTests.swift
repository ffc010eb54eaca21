import Foundation
import Testing

/// hophop opens libz3 only when a query needs it (decision 26). These tests
/// run the built executable with `HOPHOP_Z3_LIBRARY` pointing at nothing: a
/// run that needs no Z3 must not notice, and a run that needs it must stop
/// with a diagnostic and exit status 2 — not a crash, and not an answer.
@Suite struct Z3OnDemandTests {
  static let missingLibrary = ["HOPHOP_Z3_LIBRARY": "/nonexistent/libz3.so"]

  static var examples: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples")
  }

  @Test func anEqualityEntailmentNeedsNoZ3() throws {
    let path = try EntailCommandLineTests.problem(
      "(assert (and (= x y) (sep (pto x (node y)))))\n(assert (not (sep (pto y (node x)))))")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try EntailCommandLineTests.run(["entail", path], environment: Self.missingLibrary)
    #expect(run == EntailCommandLineTests.Run(status: 0, output: "unsat\n", errors: ""))
  }

  @Test func aCheckThatNeedsZ3StopsWithADiagnostic() throws {
    let program = Self.examples.appendingPathComponent("async/server.hop").path
    let withZ3 = try EntailCommandLineTests.run(["check", program])
    #expect(withZ3.status == 0, "\(withZ3.errors)")
    let withoutZ3 = try EntailCommandLineTests.run(["check", program], environment: Self.missingLibrary)
    #expect(withoutZ3.status == 2)
    #expect(withoutZ3.errors.contains("error: cannot load the Z3 library named by HOPHOP_Z3_LIBRARY"))
    #expect(withoutZ3.errors.contains("/nonexistent/libz3.so"))
    // No verdict at all without Z3 (not "valid", not "invalid"): the words hophop prints for one.
    #expect(!withoutZ3.output.contains("valid"), "\(withoutZ3.output)")
  }
}
