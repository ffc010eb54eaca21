import Foundation
import HopDriver
import HopTestSupport
import Testing

/// `check --jobs N` proves files, and the procedures of a file, on several
/// threads (decision 77): what it prints must be what `--jobs 1` prints, byte
/// for byte once the timings are blanked (they differ from run to run), in
/// text and in JSON, with every verdict and diagnostic in source order.
@Suite struct ParallelCheckTests {
  /// The text with its timings blanked: `12.3 ms` in text, `"milliseconds" : 12.3` in JSON; and
  /// why Z3 gave up on an undecided query (HH210), which depends on the time it got as well
  /// (examples/diagnostics/HH210_bad.hop: `incomplete quantifiers` or `timeout`, with any N).
  static func withoutTimings(_ text: String) throws -> String {
    let textTime = try Regex(#"[0-9]+(\.[0-9]+)? ms"#)
    let jsonTime = try Regex(#""milliseconds" ?: ?[0-9.eE+-]+"#)
    let solverReason = try Regex(#"answered unknown \([^)]*\)"#)
    return text.replacing(textTime, with: "_ ms").replacing(jsonTime, with: "\"milliseconds\":_")
      .replacing(solverReason, with: "answered unknown (_)")
  }

  /// The command's standard output and error and exit status, timings blanked.
  static func run(_ arguments: [String]) throws -> EntailCommandLineTests.Run {
    var run = try EntailCommandLineTests.run(arguments)
    run.output = try withoutTimings(run.output)
    run.errors = try withoutTimings(run.errors)
    return run
  }

  /// Every example on its own, in process: its procedures proved on one thread and on four.
  @Test func everyExampleGivesTheSameReportOnOneThreadAndOnFour() throws {
    let examples = ExampleCatalog.hopFiles(under: "examples")
    #expect(examples.count > 100)
    for example in examples {
      let one = CheckSession.check([example], options: .init(jobs: 1))
      let four = CheckSession.check([example], options: .init(jobs: 4))
      #expect(try Self.withoutTimings(CheckSession.summary(one)) == Self.withoutTimings(CheckSession.summary(four)),
              "\(example)")
      #expect(try Self.withoutTimings(CheckJSONRenderer.render(one)) == Self.withoutTimings(CheckJSONRenderer.render(four)),
              "\(example)")
      #expect(one.exitStatus == four.exitStatus, "\(example)")
    }
  }

  /// Every example in one command line, so that the files too are checked in parallel: the output
  /// of `--jobs 1` and `--jobs 4`, text and JSON, alike and in the order given.
  @Test(arguments: ["text", "json"])
  func allExamplesAtOnceGiveTheSameOutput(_ format: String) throws {
    let examples = ExampleCatalog.hopFiles(under: "examples")
    let one = try Self.run(["check", "--format", format, "--jobs", "1"] + examples)
    let four = try Self.run(["check", "--format", format, "--jobs", "4"] + examples)
    #expect(one == four)
    #expect(one.status != 0 && one.output.contains("list_reverse.hop"))
    let positions = examples.map { one.output.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil } && positions == positions.sorted { $0! < $1! }, "files in the order given")
  }

  /// A file of many procedures, valid and failing ones interleaved, and an `init` and `main` whose
  /// initial state is checked: the verdicts and diagnostics of four threads are those of one.
  @Test(arguments: ["text", "json"])
  func aFileOfManyProceduresGivesTheSameOutput(_ format: String) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-jobs-\(UUID().uuidString).hop").path
    try Self.manyProcedures(120).write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let one = try Self.run(["check", "--format", format, "--jobs", "1", path])
    let four = try Self.run(["check", "--format", format, "--jobs", "4", path])
    let standard = try Self.run(["check", "--format", format, path])
    #expect(one == four && one == standard)
    #expect(one.status == 1)
    let names = (0..<120).map { "reverse\($0)" }
    let positions = names.map { one.output.range(of: "\"\($0)\"")?.lowerBound ?? one.output.range(of: " \($0) ")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil } && positions == positions.sorted { $0! < $1! }, "procedures in source order")
    let leaks = (one.output + one.errors).components(separatedBy: "HH102").count - 1
    #expect(leaks == 40, "a leak in every third procedure: \(leaks)")
  }

  /// `count` list reversals, every third of which leaks its list; then `init` and `main`.
  static func manyProcedures(_ count: Int) -> String {
    var text = "tl;\n"
    for index in 0..<count {
      let leaks = index % 3 == 2
      text += """
        reverse\(index)(i;) [list(i)] {
          local p, n;
          p = NULL;
          while (i != NULL) [list(i) * list(p)] {
            n = i->tl;
            i->tl = p;
            p = i;
            i = n;
          }
          i = \(leaks ? "NULL" : "p");
        } [list(i)]

        """
    }
    return text + "init() [emp] { } [emp]\nmain() [emp] { } [emp]\n"
  }
}
