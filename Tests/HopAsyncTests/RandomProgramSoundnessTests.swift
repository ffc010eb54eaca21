import HopAsync
import HopSyntax
import HopTestSupport
import Testing

/// Soundness against the real semantics: random async programs are checked,
/// and every program the checker calls valid is run under many random
/// schedules; no run may access freed memory or start an instance whose
/// precondition is false. Programs the checker rejects are not run (the
/// checker may be incomplete, never unsound).
@Suite struct RandomProgramSoundnessTests {
  @Test func programsProvedValidNeverFaultUnderRandomSchedules() throws {
    var generator = SplitMix64(seed: 2015)
    var proved = 0, rejected = 0
    for index in 0..<150 {
      let text = RandomAsyncProgram.generate(using: &generator)
      let file = SourceFile(path: "random\(index).hop", text: text)
      let front = Frontend.analyze(file)
      try #require(front.isUsable, "generated program does not get through the front end:\n\(text)\n\(front.diagnostics)")
      let report = AsyncChecker.check(front.program, options: .init(timeoutMilliseconds: 2_000))
      guard !report.diagnostics.hasErrors else {
        rejected += 1
        continue
      }
      proved += 1
      for run in 0..<60 {
        var scheduler = ConcreteScheduler(front.program)
        var schedule = SplitMix64(seed: UInt64(index * 1_000 + run))
        do {
          try scheduler.run(steps: 25, using: &schedule)
        } catch {
          Issue.record("proved valid, but a run fails with \(error):\n\(text)")
          break
        }
      }
    }
    // The test must exercise both answers to mean anything.
    #expect(proved >= 5, "only \(proved) random programs were proved")
    #expect(rejected >= 5, "only \(rejected) random programs were rejected")
  }
}

/// Random programs over two globals, one field and three one-parameter
/// procedures, in the fragment `ConcreteScheduler` runs.
enum RandomAsyncProgram {
  static let procedures = ["p", "q", "r"]

  static func generate<R: RandomNumberGenerator>(using random: inout R) -> String {
    var text = "global g, h;\n\nasync main() {\n  local l;\n  g = 0;\n  h = 0;\n  l = new();\n"
    text += "  post \(procedures.randomElement(using: &random)!)(l);\n}\n"
    for name in procedures {
      let atoms = ["valid(x)", "g >= 0", "g == x", "x > 0", "!pending_\(procedures.randomElement(using: &random)!)(x)",
                   "h <= g"]
      let count = Int.random(in: 0...2, using: &random)
      var precondition = (0..<count).map { _ in atoms.randomElement(using: &random)! }
      if Int.random(in: 0..<4, using: &random) != 0 { precondition.insert("valid(x)", at: 0) }
      let header = precondition.isEmpty ? "" : " [\(precondition.joined(separator: " && "))]"
      text += "\nasync \(name)(x)\(header) {\n  local l;\n"
      for _ in 0..<Int.random(in: 1...4, using: &random) { text += statement(depth: 0, using: &random, indent: "  ") }
      text += "}\n"
    }
    return text
  }

  private static func statement<R: RandomNumberGenerator>(depth: Int, using random: inout R, indent: String) -> String {
    let callee = procedures.randomElement(using: &random)!
    // Benign commands are repeated so that a fair share of programs is valid.
    let choices = [
      "g = g + 1;", "g = g + 1;", "h = x;", "g = 0;", "x->f = 1;", "x->f = 1;", "l = x->f;", "dispose x;",
      "l = new(); post \(callee)(l);", "l = new(); post \(callee)(l);", "post \(callee)(x);", "post \(callee)(x + 1);",
      "post \(callee)(g);", "delete \(callee)(x);", "post p(x); post q(x); post r(x);", "IF", "IF",
    ]
    let choice = choices.randomElement(using: &random)!
    guard choice == "IF", depth < 2 else { return indent + (choice == "IF" ? "g = g;" : choice) + "\n" }
    let condition = Bool.random(using: &random) ? "*" : "g > 0"
    var text = indent + "if (\(condition)) {\n"
    for _ in 0..<Int.random(in: 1...2, using: &random) {
      text += statement(depth: depth + 1, using: &random, indent: indent + "  ")
    }
    text += indent + "} else {\n"
    text += statement(depth: depth + 1, using: &random, indent: indent + "  ")
    return text + indent + "}\n"
  }
}
