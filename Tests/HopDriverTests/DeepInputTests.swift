import Foundation
import HopDriver
import HopSyntax
import Testing

/// Deep and long inputs through every subcommand's session: a diagnostic or
/// a result, never a crash (docs/decisions.md, "a depth budget where trees
/// are built"). A stack overflow kills the test process, so finishing is
/// part of the check; on top, each session must say what it did.
///
/// `explain` runs the front end only (`PendingAnalysis`), which the `parse`
/// case covers; `entail` reads SMT-LIB, whose cases are at the end.
@Suite struct DeepInputTests {
  static let length = 100_000

  /// One input: a name for the test list, the file's text, and whether the front end must accept it.
  struct Input: CustomStringConvertible, Sendable {
    var name: String
    var text: String
    var accepted: Bool
    /// Whether to run lint, contract and check too, not only the front end (parse, fmt, explain).
    var allSessions = true
    /// What lint, contract and check read when it is not `text`: an accepted chain of `sessionLength`.
    var sessionText: String?
    var description: String { name }
  }

  /// The length of the accepted chains given to lint, contract and check. Their trees are balanced
  /// (depth 14 here, 17 at `length`) and already far past the caps of a condition (64 cases,
  /// 1,000 atoms), so a longer chain checks nothing more; at `length`, check alone took 70 s of
  /// the suite's 80 (issue 24). The front end still reads every input at `length`.
  static let sessionLength = 10_000

  /// An accepted input: `build(n)` is its text with chains of length n.
  static func accepted(_ name: String, _ build: (Int) -> String) -> Input {
    Input(name: name, text: build(length), accepted: true, sessionText: build(sessionLength))
  }

  static func chain(_ op: String, _ atom: String, _ count: Int = length) -> String {
    Array(repeating: atom, count: count).joined(separator: " \(op) ")
  }

  /// Every file declares a contract, so that `hophop contract FILE C` has something to show.
  static let contract = "message m\ncontract C { initial final state s { !m -> s; } }\n"

  static func sync(_ statement: String, pre: String = "emp") -> String {
    contract + "f(x) [\(pre)] { \(statement) } [emp]\n"
  }

  static func async(_ statement: String, pre: String = "x > 0") -> String {
    contract + "global g;\nasync f(x) [\(pre)] { \(statement) }\n"
  }

  static let inputs: [Input] = {
    var inputs: [Input] = []
    // Left-grouping operators: refused with HH011 at the operator that passes the limit.
    for op in ["+", "-", "*", "/", "%", "==", "!=", "<", "^"] {
      // Refused inputs stop in the front end, which every session shares: the other sessions run for some.
      inputs.append(Input(name: "sync \(op)", text: sync("x = \(chain(op, "x"));"), accepted: false,
                          allSessions: op == "+"))
    }
    for op in ["+", "-", "*", "/", "%", "==", "!=", "<"] {
      inputs.append(Input(name: "async \(op)", text: async("g = \(chain(op, "x"));"), accepted: false,
                          allSessions: op == "-"))
    }
    inputs.append(Input(name: "formula term +", text: sync("", pre: "x |-> \(chain("+", "x"))"), accepted: false))
    // Associative operators: accepted at any length, built balanced.
    inputs += [
      accepted("sync &&") { sync("if (\(chain("&&", "x == 1", $0))) { x = 1; }") },
      accepted("sync ||") { sync("if (\(chain("||", "x != 1", $0))) { x = 1; }") },
      accepted("async && precondition") { async("g = 1;", pre: chain("&&", "x > 0", $0)) },
      accepted("async || condition") { async("if (\(chain("||", "x > 0", $0))) { g = 1; }") },
      accepted("formula *") { sync("", pre: chain("*", "emp", $0)) },
    ]
    // Deep prefixes and parentheses.
    let deep = length
    inputs += [
      Input(name: "sync !!!", text: sync("if (\(String(repeating: "!", count: deep))x) { x = 1; }"), accepted: false),
      Input(name: "sync - - -", text: sync("x = \(String(repeating: "- ", count: deep))x;"), accepted: false),
      Input(name: "async !!!", text: async("g = 1;", pre: String(repeating: "!", count: deep) + "x"), accepted: false),
      Input(name: "async ((( )))",
            text: async("g = \(String(repeating: "(", count: deep))x\(String(repeating: ")", count: deep));"),
            accepted: false),
      Input(name: "formula ((( )))",
            text: sync("", pre: String(repeating: "(", count: deep) + "emp" + String(repeating: ")", count: deep)),
            accepted: false),
      Input(name: "blocks {{{ }}}", text: sync(String(repeating: "{", count: deep) + String(repeating: "}", count: deep)),
            accepted: false),
    ]
    return inputs
  }()

  static func write(_ input: Input) throws -> String { try write(input.text) }

  static func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-deep-\(UUID().uuidString).hop").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// What the front end of every subcommand reports: HH011 and nothing else when refused, no error when accepted.
  static func expectFrontEnd(_ report: FileReport, _ input: Input, _ command: String) {
    let errors = report.diagnostics.filter { $0.severity == .error }.map(\.code)
    if input.accepted {
      #expect(errors.isEmpty, "\(command) \(input.name): \(errors)")
    } else {
      #expect(errors == [.nestingTooDeep], "\(command) \(input.name): \(errors)")
      #expect(report.diagnostics.first?.message.contains("\(Parser.maximumDepth)") == true)
    }
  }

  @Test(arguments: inputs) func everySubcommandAnswers(input: Input) throws {
    let path = try Self.write(input)
    defer { try? FileManager.default.removeItem(atPath: path) }

    // parse, fmt and explain: the front end, then the printer (the dumper: `parseDumpsLongAssociativeChains`).
    let loaded = try #require(FrontEndSession.load([path]).first)
    Self.expectFrontEnd(loaded.report, input, "parse/fmt/explain")
    #expect((loaded.program != nil) == input.accepted)
    if let program = loaded.program {
      // The fmt round trip of such chains is DepthBudgetTests'.
      #expect(PrettyPrinter.print(program).count > Self.length)
    }
    guard input.allSessions else { return }
    let sessionPath = try input.sessionText.map(Self.write) ?? path
    defer { if sessionPath != path { try? FileManager.default.removeItem(atPath: sessionPath) } }

    let lint = LintSession.lint([sessionPath])
    Self.expectFrontEnd(lint.report.files[0], input, "lint")
    #expect(lint.exitStatus == (input.accepted ? .success : .badInput))

    let contract = ContractSession.render(path: sessionPath, contract: "C", dual: false, as: .dot)
    Self.expectFrontEnd(contract.report, input, "contract")
    #expect((contract.output != nil) == input.accepted)

    let check = CheckSession.check([sessionPath])
    Self.expectFrontEnd(check.files[0].report, input, "check")
    if !input.accepted { #expect(check.exitStatus == .badInput) }
  }

  /// `parse` of the accepted inputs: the dumper walks by reflection and takes
  /// seconds per 100,000 operands in a debug build, so 10,000 here; the
  /// trees are balanced, so their depth hardly depends on the length.
  @Test func parseDumpsLongAssociativeChains() throws {
    for text in [Self.sync("if (\(Self.chain("&&", "x == 1", 10_000))) { x = 1; }"),
                 Self.async("if (\(Self.chain("||", "x > 0", 10_000))) { g = 1; }"),
                 Self.sync("", pre: Self.chain("*", "emp", 10_000))] {
      let path = try Self.write(Input(name: "dump", text: text, accepted: true))
      defer { try? FileManager.default.removeItem(atPath: path) }
      let loaded = try #require(FrontEndSession.load([path]).first)
      let program = try #require(loaded.program)
      let dump = ASTDumper.dump(program, file: loaded.report.source)
      #expect(dump.hasPrefix("Program") && dump.split(separator: "\n").count > 10_000)
    }
  }

  // MARK: entail (SMT-LIB)

  /// An SMT-LIB problem of `assertion` (the file is EntailCommandLineTests's, which declares `x` and `y`).
  static func smt(_ assertion: String) throws -> String { try EntailCommandLineTests.problem(assertion) }


  @Test func entailOfDeepNestingIsRefused() throws {
    let deep = Self.length
    let path = try Self.smt("(assert " + String(repeating: "(sep ", count: deep) + "(pto x (node x))"
                            + String(repeating: ")", count: deep) + ")")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = EntailSession.decide(path: path)
    #expect(outcome.answer == nil)
    #expect(outcome.report.diagnostics.map(\.code.rawValue) == ["HH402"])
  }

  @Test func entailOfALongFlatSeparatingConjunctionAnswers() throws {
    // Linear since decision 42 (0.1 s for 10,000 atoms in release; `hophop-bench flat-sep`); 20,000 here.
    let atoms = (0..<20_000).map { "(pto x\($0) (node x\($0 + 1)))" }.joined(separator: " ")
    let constants = (0...20_000).map { "(declare-const x\($0) Ref)" }.joined(separator: "\n")
    let path = try Self.smt(constants + "\n(assert (sep \(atoms)))")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = EntailSession.decide(path: path)
    #expect(outcome.report.diagnostics.isEmpty)
    #expect(outcome.answer == .sat)
  }

  @Test func entailmentOfALongListWrittenCellByCellIsProved() throws {
    // Each cell matched is one step of a loop, not a recursion: 2,000 overflowed the stack before decision 42.
    let n = 20_000
    let atoms = (0..<n).map { "(pto x\($0) (node \($0 + 1 < n ? "x\($0 + 1)" : "(as nil Ref)")))" }.joined(separator: " ")
    let constants = (0..<n).map { "(declare-const x\($0) Ref)" }.joined(separator: "\n")
    let list = """
      (define-fun-rec ls ((in Ref)(out Ref)) Bool (or (and (= in out) (_ emp Ref Node))
        (exists ((u Ref)) (and (distinct in out) (sep (pto in (node u)) (ls u out))))))
      """
    let path = try Self.smt(list + "\n" + constants + "\n(assert (sep \(atoms)))\n(assert (not (ls x0 (as nil Ref))))")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = EntailSession.decide(path: path)
    #expect(outcome.report.diagnostics.isEmpty)
    #expect(outcome.answer == .unsat)
  }
}
