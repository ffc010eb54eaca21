import HopAsync
import HopSyntax
import HopTestSupport
import Testing

/// Soundness against the real semantics: random async programs are checked,
/// and every program the checker calls valid is run under many random
/// schedules; no run may access freed memory or start an instance whose
/// precondition is false. Programs the checker rejects are not run (the
/// checker may be incomplete, never unsound).
///
/// Three families of programs, each aimed at conditions a random mix would
/// rarely isolate: `cells` at memory safety and at condition 4 on the heap
/// (instances pending on one cell that a sibling frees), `globals` at
/// conditions 2 and 4 on globals (a posted instance whose precondition reads
/// globals that its poster or a sibling changes), `reuse` at dangling
/// pointers (a precondition reading a field of a freed cell that `new()`
/// may hand out again). Checked by mutation: with the memory-safety
/// obligations dropped, or condition 4 answered "valid" without a query,
/// `cells` finds proved programs that fault; with condition 2 or 4 answered
/// "valid" without a query, `globals` does; with `new()` not counted as a
/// write of every field when skipping condition 4, or a loop's `new()` not
/// forgetting fields, `reuse` does (23 of 107 and 15 of 69 proved programs
/// fault; 0 of 22 with both in place).
@Suite struct RandomProgramSoundnessTests {
  enum Family: String, CaseIterable, Sendable {
    case cells, globals, reuse

    /// Few `cells` and `reuse` programs are proved (most touch a cell that
    /// may be freed, or allocate while a pointer may dangle), so there are
    /// more of them.
    var programs: Int {
      switch self {
      case .cells: 400
      case .globals: 150
      case .reuse: 200
      }
    }

    var seed: UInt64 {
      switch self {
      case .cells: 2015
      case .globals: 2019
      case .reuse: 2024
      }
    }

    func generate<R: RandomNumberGenerator>(using random: inout R) -> String {
      switch self {
      case .cells: RandomCellProgram.generate(using: &random)
      case .globals: RandomGlobalsProgram.generate(using: &random)
      case .reuse: RandomReuseProgram.generate(using: &random)
      }
    }
  }

  @Test(arguments: Family.allCases)
  func programsProvedValidNeverFaultUnderRandomSchedules(_ family: Family) throws {
    var generator = SplitMix64(seed: family.seed)
    var proved = 0, rejected = 0, faulty = 0
    for index in 0..<family.programs {
      let text = family.generate(using: &generator)
      let file = SourceFile(path: "random-\(family)-\(index).hop", text: text)
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
          faulty += 1
          break
        }
      }
    }
    #expect(faulty == 0, "\(faulty) of \(proved) proved programs fault")
    // The test must exercise both answers to mean anything.
    #expect(proved >= 10, "only \(proved) random programs were proved")
    #expect(rejected >= 5, "only \(rejected) random programs were rejected")
  }
}

/// Random programs over one global, one field and three one-parameter
/// procedures whose argument is usually a cell: they read, write and free
/// their argument and post each other on it or on fresh cells. `main` posts
/// two or three of them on the same cell, so that one may free it while
/// another is pending.
enum RandomCellProgram {
  static let procedures = ["p", "q", "r"]

  static func generate<R: RandomNumberGenerator>(using random: inout R) -> String {
    var text = "global g, h;\n\nasync main() {\n  local l;\n  g = 0;\n  h = 0;\n  l = new();\n"
    for name in procedures.shuffled(using: &random).prefix(Int.random(in: 2...3, using: &random)) {
      text += "  post \(name)(l);\n"
    }
    text += "}\n"
    for name in procedures {
      let atoms = ["x > 0", "g >= 0", "!pending_\(procedures.randomElement(using: &random)!)(x)"]
      var precondition = (0..<Int.random(in: 0...1, using: &random)).map { _ in atoms.randomElement(using: &random)! }
      if Int.random(in: 0..<4, using: &random) != 0 { precondition.insert("valid(x)", at: 0) }
      var body = (0..<Int.random(in: 1...3, using: &random)).map { _ in statement(depth: 0, using: &random, indent: "  ") }
      // Freeing the argument last, after using it, is the shape that only
      // condition 4 can reject: a sibling pending on the same cell needs it.
      if Int.random(in: 0..<4, using: &random) == 0 { body.append("  dispose x;\n") }
      text += RandomProgramText.procedure(name, precondition, locals: "l", body: body)
    }
    return text
  }

  private static func statement<R: RandomNumberGenerator>(depth: Int, using random: inout R, indent: String) -> String {
    let callee = procedures.randomElement(using: &random)!
    // Accesses and posts on fresh cells are repeated so that a fair share of programs turns on them.
    let choices = [
      "g = g + 1;", "x->f = 1;", "x->f = 1;", "l = x->f;", "l = x->f; l->f = 0;", "dispose x;",
      "l = new(); post \(callee)(l);", "l = new(); post \(callee)(l);", "post \(callee)(x);", "delete \(callee)(x);",
      "l = new(); dispose l;", "IF", "IF",
    ]
    let choice = choices.randomElement(using: &random)!
    guard choice == "IF", depth < 1 else { return indent + (choice == "IF" ? "g = g;" : choice) + "\n" }
    let condition = Bool.random(using: &random) ? "*" : "g > 0"
    let thenCount = Int.random(in: 1...2, using: &random)
    return RandomProgramText.conditional(condition, thenCount: thenCount, indent: indent, using: &random) {
      statement(depth: depth + 1, using: &$1, indent: $0)
    }
  }
}

/// Random programs over two integer globals and three one-parameter
/// procedures, most of them posted by `main`, whose preconditions read the
/// globals that the procedures change: a post must establish the callee's
/// precondition, and no sibling may break it while the instance is pending.
enum RandomGlobalsProgram {
  static let procedures = ["p", "q", "r"]

  static func generate<R: RandomNumberGenerator>(using random: inout R) -> String {
    var text = "global g, h;\n\nasync main() {\n  g = 0;\n  h = 0;\n"
    for name in procedures.shuffled(using: &random) where Int.random(in: 0..<4, using: &random) != 0 {
      text += "  post \(name)(\(["0", "g", "1"].randomElement(using: &random)!));\n"
    }
    text += "}\n"
    for name in procedures {
      let atoms = ["g == x", "g >= x", "x >= 0", "h <= g", "g >= 0", "!pending_\(procedures.randomElement(using: &random)!)(x)"]
      let precondition = (0..<Int.random(in: 0...2, using: &random)).map { _ in atoms.randomElement(using: &random)! }
      let body = (0..<Int.random(in: 1...3, using: &random)).map { _ in statement(depth: 0, using: &random, indent: "  ") }
      text += RandomProgramText.procedure(name, precondition, locals: nil, body: body)
    }
    return text
  }

  private static func statement<R: RandomNumberGenerator>(depth: Int, using random: inout R, indent: String) -> String {
    let callee = procedures.randomElement(using: &random)!
    let choices = [
      "g = g + 1;", "g = g - 1;", "h = g;", "h = h + 1;", "g = x;",
      "post \(callee)(g);", "post \(callee)(g);", "post \(callee)(x);", "post \(callee)(x + 1);", "post \(callee)(g + 1);",
      "delete \(callee)(g);", "IF",
    ]
    let choice = choices.randomElement(using: &random)!
    guard choice == "IF", depth < 1 else { return indent + (choice == "IF" ? "g = g;" : choice) + "\n" }
    let condition = ["*", "g > x", "h < g"].randomElement(using: &random)!
    return RandomProgramText.conditional(condition, thenCount: 1, indent: indent, using: &random) {
      statement(depth: depth + 1, using: &$1, indent: $0)
    }
  }
}

/// The text shared by both families of random programs.
enum RandomProgramText {
  /// `async name(x) [precondition] { local ...; body }`.
  static func procedure(_ name: String, _ precondition: [String], locals: String?, body: [String]) -> String {
    let header = precondition.isEmpty ? "" : " [\(precondition.joined(separator: " && "))]"
    return "\nasync \(name)(x)\(header) {\n" + (locals.map { "  local \($0);\n" } ?? "") + body.joined() + "}\n"
  }

  /// `if (condition) { ... } else { ... }` around generated statements.
  static func conditional<R: RandomNumberGenerator>(_ condition: String, thenCount: Int, indent: String, using random: inout R,
                                             _ statement: (_ indent: String, _ random: inout R) -> String) -> String {
    var text = indent + "if (\(condition)) {\n"
    for _ in 0..<thenCount { text += statement(indent + "  ", &random) }
    text += indent + "} else {\n"
    text += statement(indent + "  ", &random)
    return text + indent + "}\n"
  }
}
