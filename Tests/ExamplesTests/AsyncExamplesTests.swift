import Foundation
import HopAsync
import HopDriver
import HopSMT
import HopSyntax
import HopTestSupport
import Testing

/// Every example under examples/async gets the verdict its first line declares,
/// and the queries `--dump-smt` writes for the valid ones give the same answers
/// when Z3 reads them back.
@Suite struct AsyncExamplesTests {
  static let files = ExampleCatalog.hopFiles(under: "examples/async")

  @Test func thereAreTheTwoPaperExamplesAndAtLeastFiveBuggyVariants() throws {
    let expectations = try Self.files.map { try ExampleCatalog.expectation(of: $0) }
    #expect(Self.files.contains { $0.hasSuffix("libevent_server.hop") })
    #expect(Self.files.contains { $0.hasSuffix("device_server.hop") })
    let failing = Set(expectations.compactMap { expectation -> String? in
      if case .error(let code, _)? = expectation { code } else { nil }
    })
    #expect(failing.isSuperset(of: ["HH201", "HH202", "HH203", "HH204", "HH205"]))
  }

  @Test(arguments: files)
  func exampleHasItsDeclaredVerdict(path: String) throws {
    let expectation = try #require(try ExampleCatalog.expectation(of: path), "\(path) declares no verdict")
    let result = CheckSession.check([path])
    let file = try #require(result.files.first)
    let errors = file.report.diagnostics.filter { $0.severity == .error }
    let located = errors.map { (code: $0.code.rawValue, line: file.report.source!.location(of: $0.range.start).line) }
    switch expectation {
    case .valid:
      #expect(errors.isEmpty, "\(path): \(errors.map(\.message))")
      #expect(result.exitStatus == .success)
    case .error:
      let declared = try #require(try ExampleCatalog.expectedErrors(of: path))
      // Every error, none missing and none extra: one `// expect: error` line each.
      #expect(ExampleCatalog.matches(located, declared), "\(path): got \(located)")
      #expect(result.exitStatus == .failure)
      // A failure always comes with a counterexample or a reason.
      for error in errors where error.code.rawValue.hasPrefix("HH20") {
        #expect(error.notes.contains { $0.message.hasPrefix("counterexample") }, "\(path): \(error.message)")
      }
    }
  }

  @Test func dumpedQueriesOfTheValidExamplesGiveTheSameAnswersWhenReadBack() throws {
    for path in Self.files where try ExampleCatalog.expectation(of: path) == .valid {
      let source = try String(contentsOfFile: path, encoding: .utf8)
      let program = Frontend.analyze(SourceFile(path: path, text: source)).program
      let report = AsyncChecker.check(program, options: .init(dumpQueries: true))
      #expect(!report.dumpedQueries.isEmpty)
      let reader = try SMTContext()
      for query in report.dumpedQueries {
        #expect(query.answer == "unsat", "\(path) \(query.name)")
        let again = try #require(reader.checkScript(query.script), "\(query.name) does not parse back")
        guard case .unsatisfiable = again else {
          Issue.record("\(path) \(query.name): read back, Z3 does not answer unsat")
          continue
        }
      }
    }
  }

  @Test func dumpSMTWritesOneFilePerQuery() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-dump-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = ExampleCatalog.projectRoot.appendingPathComponent("examples/async/device_server.hop").path
    let result = CheckSession.check([path], options: .init(dumpDirectory: directory.path))
    let written = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".smt2") }
    #expect(written.count == result.files[0].async?.queryCount)
    #expect(written.allSatisfy { $0.hasPrefix("device_server-") })
  }

  @Test func aDumpThatCannotBeWrittenIsAnError() throws {
    // The directory is a file: nothing can be written into it, and the run says so.
    let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-dump-\(UUID().uuidString)")
    try Data().write(to: blocker)
    defer { try? FileManager.default.removeItem(at: blocker) }
    let path = ExampleCatalog.projectRoot.appendingPathComponent("examples/async/device_server.hop").path
    let result = CheckSession.check([path], options: .init(dumpDirectory: blocker.path))
    let errors = result.files[0].report.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code.rawValue) == ["HH001"])
    #expect(errors.first?.message.contains("--dump-smt: cannot write '\(blocker.path)'") == true)
    #expect(result.exitStatus == .badInput)
  }
}
