import Foundation
import HopTestSupport
import Testing

/// `hophop entail FILE` is run without ArgumentParser when written exactly so
/// (decision 25); these tests run the built executable and check that this
/// form and the same command through ArgumentParser (an explicit
/// `--format text`) print the same answer, the same diagnostics and exit alike.
@Suite struct EntailCommandLineTests {
  typealias Run = ProcessRun

  /// The `hophop` executable next to this test bundle (scripts/test.sh builds both).
  static var hophop: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hophop")
  }

  static func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL? = nil) throws -> Run {
    var environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
    environment["NO_COLOR"] = "1"
    return try runProcess(hophop, arguments, environment: environment, directory: directory)
  }


  static func problem(_ body: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("hophop-entail-\(UUID().uuidString).smt2").path
    let text = """
      (set-logic QF_SHLS)
      (declare-sort Ref 0)
      (declare-datatypes ((Node 0)) (((node (nxt Ref)))))
      (declare-heap (Ref Node))
      (declare-const x Ref)
      (declare-const y Ref)
      \(body)
      (check-sat)
      """
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Runs both forms, checks they agree, and returns what they did.
  static func bothForms(_ path: String) throws -> Run {
    #expect(FileManager.default.isExecutableFile(atPath: hophop.path), "build hophop first: \(hophop.path)")
    let plain = try run(["entail", path])
    let parsed = try run(["entail", "--format", "text", path])
    #expect(plain == parsed)
    return plain
  }

  @Test func answersAgree() throws {
    let entailed = try Self.problem("(assert (sep (pto x (node y))))\n(assert (not (sep (pto x (node y)))))")
    let satisfiable = try Self.problem("(assert (sep (pto x (node y)) (pto y (node x))))")
    let unsatisfiable = try Self.problem("(assert (sep (pto x (node y)) (pto x (node y))))")
    defer { for path in [entailed, satisfiable, unsatisfiable] { try? FileManager.default.removeItem(atPath: path) } }
    #expect(try Self.bothForms(entailed) == Run(status: 0, output: "unsat\n", errors: ""))
    #expect(try Self.bothForms(satisfiable) == Run(status: 0, output: "sat\n", errors: ""))
    #expect(try Self.bothForms(unsatisfiable) == Run(status: 0, output: "unsat\n", errors: ""))
  }

  @Test func badInputAgrees() throws {
    let malformed = try Self.problem("(assert (pto x")
    defer { try? FileManager.default.removeItem(atPath: malformed) }
    let run = try Self.bothForms(malformed)
    #expect(run.status == 2 && run.output.isEmpty && run.errors.contains("error:"))
    let missing = try Self.bothForms("/nonexistent/problem.smt2")
    #expect(missing == Run(status: 2, output: "", errors: "/nonexistent/problem.smt2: error: no such file [HH001]\n"))
    let unsupported = try Self.problem("(assert (and (sep (pto x (node y))) (not (sep (pto y (node y))))))")
    defer { try? FileManager.default.removeItem(atPath: unsupported) }
    let warned = try Self.bothForms(unsupported)
    #expect(warned.status == 0 && warned.output == "unknown\n" && warned.errors.contains("warning:"))
    let directory = try Self.bothForms(FileManager.default.temporaryDirectory.path)
    #expect(directory.status == 2 && directory.errors.contains("is a directory"))
  }

  @Test func otherFormsStillGoThroughArgumentParser() throws {
    let help = try Self.run(["entail", "--help"])
    #expect(help.status == 0 && help.output.contains("USAGE: hophop entail"))
    let none = try Self.run(["entail"])
    // A usage error is bad input: 2, not ArgumentParser's 64 (ExitCodeTests).
    #expect(none.status == 2 && none.errors.contains("Missing expected argument"))
    let two = try Self.run(["entail", "a.smt2", "b.smt2"])
    #expect(two.status == 2)
  }
}
