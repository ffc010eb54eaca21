import Foundation
import HopDriver
import HopTestSupport
import Testing

/// hophop opens libz3 only when a query needs it (decision 26). These tests
/// run the built executable with `HOPHOP_Z3_LIBRARY` pointing at nothing: a
/// run that needs no Z3 must not notice, and a run that needs it must stop
/// with a diagnostic and exit status 2 — not a crash, and not an answer.
/// The failure is a value (decision 63): CZ3 returns it, `SMTContext.init`
/// throws it, the checkers answer unknown, and the command prints it.
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
    #expect(withoutZ3.errors == Z3Failure(reason: Self.reason(in: withoutZ3.errors)).text)
  }

  /// The sync checker reaches Z3 deep in the prover (HH117_ok's division is outside the fast paths): the
  /// same diagnostic and exit status, for `check` and `explain`, and nothing else on either stream.
  @Test func aSyncProofThatNeedsZ3StopsWithTheSameDiagnostic() throws {
    let program = Self.examples.appendingPathComponent("diagnostics/HH117_ok.hop").path
    #expect(try EntailCommandLineTests.run(["check", program]).status == 0)
    for command in ["check", "explain"] {
      let run = try EntailCommandLineTests.run([command, program], environment: Self.missingLibrary)
      #expect(run.status == 2, "\(command)")
      #expect(run.output == "", "\(command): \(run.output)")
      #expect(run.errors.hasPrefix("hophop: error: cannot load the Z3 library named by HOPHOP_Z3_LIBRARY: /nonexistent/libz3.so"),
              "\(command): \(run.errors)")
      #expect(run.errors.contains("\nnote: hophop needs Z3 for arithmetic and quantified side conditions"), "\(command)")
    }
  }

  /// Every file of a `check` is still named in the JSON document, none with a result.
  @Test func theJSONDocumentNamesEveryFile() throws {
    let files = ["diagnostics/HH117_ok.hop", "list_transfer.hop"].map { Self.examples.appendingPathComponent($0).path }
    let run = try EntailCommandLineTests.run(["check", "--format", "json"] + files, environment: Self.missingLibrary)
    #expect(run.status == 2)
    let document = try JSONValue.parse(run.output)
    #expect(document["files"]?.arrayValue?.compactMap { $0["path"]?.stringValue } == files)
    #expect(document["error"]?["notes"]?.arrayValue?.first?.stringValue == Z3Failure.note)
  }

  /// The text of the diagnostic, built from the reason alone.
  @Test func theDiagnosticText() {
    #expect(Z3Failure(reason: "cannot load the Z3 library (libz3.so.4 or libz3.so): gone").text == """
      hophop: error: cannot load the Z3 library (libz3.so.4 or libz3.so): gone
      note: hophop needs Z3 for arithmetic and quantified side conditions; install Debian's libz3-dev, \
      or set HOPHOP_Z3_LIBRARY to the path of libz3.so

      """)
  }

  /// The reason in a printed diagnostic (`hophop: error: REASON`, first line).
  static func reason(in errors: String) -> String {
    String(errors.split(separator: "\n").first?.dropFirst("hophop: error: ".count) ?? "")
  }
}
