import Foundation
import HopDriver
import HopTestSupport
import Testing

/// `explain` given something it cannot explain: a procedure the file does not
/// have (said without a caret under an unrelated line, with the closest name),
/// or a file of async procedures only (checked as `check` would, with its exit
/// status, and the command to run named).
@Suite struct ExplainCommandLineTests {
  static func example(_ name: String) -> String {
    ExampleCatalog.projectRoot.appendingPathComponent("examples/\(name)").path
  }

  @Test func anUnknownProcedureIsNamedWithoutACaret() throws {
    let path = Self.example("list_transfer.hop")
    let run = try EntailCommandLineTests.run(["explain", "--proc", "gte", path])
    #expect(run.status == 2 && run.output.isEmpty)
    #expect(run.errors.hasPrefix("\(path): error: no sync procedure named 'gte' to explain [HH020]\n"), "\(run.errors)")
    #expect(!run.errors.contains(" | "), "no source line is echoed: \(run.errors)")
    #expect(run.errors.contains("note: did you mean 'get'?") && run.errors.contains("note: sync procedures: "),
            "\(run.errors)")
  }

  @Test func anAsyncProcedureNamedByProcIsSentToCheck() throws {
    let path = try Self.temporary("""
      sync_one() [emp] { } [emp]
      async waiter() [true] { }
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = ExplainSession.explain(path: path, options: .init(procedure: "waiter"))
    #expect(result.exitStatus == .badInput)
    let notes = result.report.diagnostics.flatMap(\.notes).map(\.message)
    #expect(notes.first == "'waiter' is async: 'hophop check \(path)' proves it", "\(notes)")
  }

  @Test(arguments: ["async/server.hop", "async/bad_post.hop"])
  func anAsyncFileIsCheckedAsCheckWould(_ name: String) throws {
    let path = Self.example(name)
    let explained = try EntailCommandLineTests.run(["explain", path])
    let checked = try CheckCommandLineTests.run(["check", path])
    #expect(explained.status == checked.status, "\(explained)")
    #expect(explained.output.contains("no sync procedures to explain") && explained.output.contains("'hophop check \(path)'"),
            "\(explained.output)")
    #expect(explained.errors == checked.errors)
    let verdict = checked.output.split(separator: "\n").first.map(String.init) ?? ""
    #expect(!verdict.isEmpty && explained.output.contains(verdict.prefix { $0 != "(" }), "\(explained.output)")
    // As JSON: the document, valid, with check's diagnostics and exit status.
    let json = try EntailCommandLineTests.run(["explain", "--format", "json", path])
    let document = try JSONValue.parse(json.output)
    #expect(json.status == checked.status && JSONSchemaTests.validator.errors(in: document).isEmpty, "\(json)")
    #expect(document["files"]?.arrayValue?.first?["diagnostics"]?.arrayValue?.count
            == checked.errors.components(separatedBy: ": error: ").count - 1)
  }

  static func temporary(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("explain-\(UUID().uuidString).hop").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
