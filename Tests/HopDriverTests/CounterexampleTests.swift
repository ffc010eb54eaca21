import Foundation
import HopDriver
import HopSyntax
import HopTestSupport
import Testing

/// `check --counterexample`: a failed proof gets a concrete run that fails
/// at the failing command (memory fault, leak, contract violation), with the
/// seed that replays it; or a note that none was found and that the failure
/// may be a false alarm. The verdict is the proof's either way.
@Suite struct CounterexampleTests {
  static func example(_ name: String) -> String {
    ExampleCatalog.projectRoot.appendingPathComponent("examples/\(name).hop").path
  }

  /// The notes of the first error, checked with a counterexample search of `budget` ms.
  static func notes(_ path: String, budget: Int64 = 2_000) throws -> (notes: [String], result: CheckSession.Result) {
    let result = CheckSession.check([path], options: .init(counterexampleBudget: .milliseconds(budget)))
    let error = try #require(result.files.first?.report.diagnostics.first { $0.severity == .error })
    return (error.notes.map(\.message), result)
  }

  /// The seed of a "replay it with: hophop run ... --seed S --runs 1" note.
  static func replay(_ notes: [String]) throws -> (procedure: String, seed: UInt64) {
    let line = try #require(notes.first { $0.hasPrefix("replay it with: hophop run ") })
    let words = line.split(separator: " ").map(String.init)
    let procedure = try #require(words.firstIndex(of: "--proc").map { words[$0 + 1] })
    let seed = try #require(words.firstIndex(of: "--seed").flatMap { UInt64(words[$0 + 1]) })
    return (procedure, seed)
  }

  @Test(arguments: [
    ("smallfoot/double_dispose", "double dispose at line 9"),
    ("smallfoot/leak", "leak at line 9"),
    ("heaphop/contract_violation", "contract violation at line 16"),
    ("heaphop/use_after_send", "dangling dereference at line 18"),
  ])
  func aFailedProofGetsAConcreteRunThatFailsThere(name: String, expected: String) throws {
    let (notes, result) = try Self.notes(Self.example(name))
    #expect(result.exitStatus == .failure)
    #expect(notes.contains { $0.hasPrefix("a concrete run") && $0.contains("that fails: \(expected)") }, "\(notes)")
    // The seed replays it.
    let (procedure, seed) = try Self.replay(notes)
    let replayed = RunSession.run(path: Self.example(name), options: .init(procedure: procedure, seed: seed, runs: 1))
    #expect(replayed.exitStatus == .failure)
    #expect(replayed.report.diagnostics.contains { $0.severity == .error && expected.hasPrefix($0.message.prefix { $0 != ":" }) },
            "\(replayed.report.diagnostics.map(\.message))")
  }

  @Test func aLoopEnteredOutsideItsInvariantGetsARunThatFailsBecauseOfIt() throws {
    let (notes, _) = try Self.notes(Self.example("smallfoot/loop_entry"))
    #expect(notes.contains { $0.hasPrefix("a concrete run that fails because of it: postcondition does not hold at line 12") },
            "\(notes)")
  }

  @Test func aProofThatFailsWhereNoRunDoesSaysItMayBeAFalseAlarm() throws {
    // The loop's invariant forgets the cell the body writes: the proof fails, every run is fine.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("weak-\(UUID().uuidString).hop").path
    try "tl;\nf(x) [x |-> ] {\n  local i;\n  i = 0;\n  while (i < 3) [emp] { x->tl = NULL; i = i + 1; }\n  dispose x;\n} [emp]\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (notes, result) = try Self.notes(path, budget: 300)
    #expect(result.exitStatus == .failure, "the proof's verdict stands")
    #expect(notes.contains { $0.hasPrefix("no concrete run that fails here was found") && $0.contains("false alarm") },
            "\(notes)")
    #expect(!notes.contains { $0.hasPrefix("a concrete run") })
  }

  /// Issue 25 §4: the messages the environment sends filled the window of last commands; now the
  /// program's own last commands are all shown, the environment's folded between them, and a
  /// condition shows the value it tested.
  @Test func theLastCommandsAreTheProgramsWithTheValuesOfConditions() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("window-\(UUID().uuidString).hop").path
    try """
      message a
      contract Three {
        initial state s0 { ?a -> s1; }
        state s1 { ?a -> s2; }
        state s2 { ?a -> s3; }
        final state s3 {}
      }
      f(e) [e |-> Three{s0}] {
        local k, x;
        x = new();
        k = 3;
        receive(a, e);
        receive(a, e);
        receive(a, e);
        if (k == 3) { dispose x; }
        dispose x;
      } [e |-> Three{s3}]
      """.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (notes, _) = try Self.notes(path, budget: 1_000)
    #expect(notes.contains { $0.hasPrefix("a concrete run that fails: double dispose at line 16") }, "\(notes)")
    let commands = notes.filter { $0.hasPrefix("  line ") }
    #expect(commands.count == 6, "\(notes)")
    #expect(commands.contains { $0.hasSuffix("k == 3  [condition true, k = 3]") }, "\(commands)")
    #expect(commands.filter { $0.contains("receive(a, e);") }.count == 3, "\(commands)")
    let environment = notes.filter { $0.hasPrefix("  the environment ") }
    #expect(!environment.isEmpty && environment.allSatisfy { $0.contains("sends 'a'") }, "\(notes)")
  }

  @Test func withoutTheOptionNothingIsRun() throws {
    let result = CheckSession.check([Self.example("smallfoot/double_dispose")])
    let notes = result.files[0].report.diagnostics.flatMap(\.notes).map(\.message)
    #expect(!notes.contains { $0.contains("concrete run") })
  }

  @Test func theCommandLineTakesTheFlagAndABudget() throws {
    let run = try EntailCommandLineTests.run(["check", "--counterexample", "--counterexample-budget", "500",
                                              Self.example("smallfoot/double_dispose")])
    #expect(run.status == 1 && run.errors.contains("note: a concrete run that fails: double dispose"), "\(run.errors)")
    #expect(try EntailCommandLineTests.run(["check", "--counterexample-budget", "0", Self.example("smallfoot/leak")])
      .status == 2)
  }
}
